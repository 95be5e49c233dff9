import { sql } from 'kysely';
import { canSeeOwner, SYSTEM_VIEWER, type Viewer } from '../../../domain/access/viewer.ts';
import { parsePeriod, type Period } from '../../../domain/calendar/period.ts';
import { defaultSeed } from '../../../domain/forecast/default-seed.ts';
import { computeScope } from '../../../domain/forecast/compute.ts';
import { scopeKey, type ForecastScope } from '../../../domain/forecast/scope.ts';
import type { MethodId } from '../../../domain/forecast/types.ts';
import type { Db } from '../../db.ts';
import { getSettings } from '../../tables/settings.ts';
import { loadForecastInputs } from './load-inputs.ts';
import { listVisibleScopes, type ScopeWithName } from './resolve-scope.ts';

export interface SnapshotRequest {
  periodKey: string;
  /** The instant the snapshot describes. */
  asOf: Date;
  /** The real present (equal to asOf for an on-demand snapshot). */
  now: Date;
  trigger: 'schedule' | 'manual';
  takenBy: number | null;
  /**
   * One Monte Carlo seed for every scope; when omitted each scope gets defaultSeed(scope, period, as-of day), the
   * seed GET /api/forecast uses, so a snapshot shows the ranges the page showed that day.
   */
  seed?: number;
  iterations: number;
}

export interface SnapshotSummary {
  id: number;
  periodKey: string;
  asOf: Date;
  trigger: 'schedule' | 'manual';
  scopes: number;
  lines: number;
}

/**
 * Takes a snapshot: every method for the company, every team and every rep, plus the open pipeline line by line,
 * in one transaction. A scheduled snapshot for a slot that already exists is skipped (returns null), so the job
 * is idempotent across processes.
 */
export async function takeSnapshot(db: Db, req: SnapshotRequest): Promise<SnapshotSummary | null> {
  const settings = await getSettings(db);
  const period: Period = parsePeriod(req.periodKey, settings);
  const inputs = await loadForecastInputs(db, {
    period,
    asOf: req.asOf,
    now: req.now,
    timeZone: settings.timeZone,
  });
  const scopes = await listVisibleScopes(db, SYSTEM_VIEWER);
  const keyOf = (s: ScopeWithName) => scopeKey(s.scope.subject);
  const seedFor = (key: string): number => req.seed ?? defaultSeed(key, period.key, inputs.window.asOfDate);
  // The job runner already holds a transaction (for its advisory lock); join it rather than nest.
  const inTransaction = <T>(fn: (tx: Db) => Promise<T>): Promise<T> =>
    db.isTransaction ? fn(db) : db.transaction().execute(fn);
  return inTransaction(async (tx) => {
    const inserted = await tx
      .insertInto('forecast_snapshots')
      .values({
        period_key: period.key,
        period_start: period.start,
        period_end: period.end,
        as_of: req.asOf,
        trigger: req.trigger,
        taken_by: req.takenBy,
        // The column holds the company scope's seed when each scope derived its own.
        seed: seedFor('company'),
        currency: settings.currency,
      })
      .onConflict((oc) => oc.columns(['period_key', 'as_of']).where('trigger', '=', 'schedule').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) return null;
    const values = scopes.flatMap((s) =>
      computeScope(inputs, s.scope, { seed: seedFor(keyOf(s)), iterations: req.iterations }).map((r) => ({
        snapshot_id: inserted.id,
        scope_key: keyOf(s),
        scope_type: s.scope.subject.type,
        scope_id: s.scope.subject.type === 'company' ? null : s.scope.subject.id,
        method: r.method,
        value_minor: r.value,
        won_to_date_minor: r.wonToDate,
        low_minor: r.low,
        high_minor: r.high,
        details: JSON.stringify({ ...r.breakdown, inPipeline: r.inPipeline, toBeCreated: r.toBeCreated }),
      })),
    );
    for (let i = 0; i < values.length; i += 500) {
      await tx
        .insertInto('forecast_snapshot_values')
        .values(values.slice(i, i + 500))
        .execute();
    }
    const lines = inputs.deals.map((d) => ({
      snapshot_id: inserted.id,
      opportunity_id: d.id,
      owner_id: d.ownerId,
      pipeline_id: d.pipelineId,
      stage_id: d.stageId,
      type: d.type,
      amount_minor: d.amount,
      probability_pct: Math.round(d.probability * 10_000) / 100,
      forecast_category: d.category,
      forecast_amount_minor: d.forecastAmount,
      expected_close_date: d.expectedCloseDate,
      created_at: sql<Date>`(select created_at from opportunities where id = ${d.id})`,
    }));
    for (let i = 0; i < lines.length; i += 500) {
      await tx
        .insertInto('forecast_snapshot_lines')
        .values(lines.slice(i, i + 500))
        .execute();
    }
    return {
      id: inserted.id,
      periodKey: period.key,
      asOf: req.asOf,
      trigger: req.trigger,
      scopes: scopes.length,
      lines: lines.length,
    };
  });
}

export interface SnapshotValue {
  method: MethodId;
  value: number;
  wonToDate: number;
  low: number | null;
  high: number | null;
}

export interface SnapshotView {
  id: number;
  periodKey: string;
  asOf: Date;
  trigger: 'schedule' | 'manual';
  takenBy: number | null;
  currency: string;
  values: SnapshotValue[];
}

/** Snapshots of a period for one scope, oldest first, with each method's number (scope access checked by the caller). */
export async function listSnapshots(
  db: Db,
  periodKey: string,
  scope: ForecastScope,
): Promise<SnapshotView[]> {
  const rows = await db
    .selectFrom('forecast_snapshots as s')
    .innerJoin('forecast_snapshot_values as v', 'v.snapshot_id', 's.id')
    .select([
      's.id',
      's.period_key',
      's.as_of',
      's.trigger',
      's.taken_by',
      's.currency',
      'v.method',
      'v.value_minor',
      'v.won_to_date_minor',
      'v.low_minor',
      'v.high_minor',
    ])
    .where('s.period_key', '=', periodKey)
    .where('v.scope_key', '=', scopeKey(scope))
    .orderBy('s.as_of')
    .orderBy('s.id')
    .execute();
  const out: SnapshotView[] = [];
  for (const r of rows) {
    let last = out[out.length - 1];
    if (!last || last.id !== r.id) {
      last = {
        id: r.id,
        periodKey: r.period_key,
        asOf: r.as_of,
        trigger: r.trigger,
        takenBy: r.taken_by,
        currency: r.currency.trim(),
        values: [],
      };
      out.push(last);
    }
    last.values.push({
      method: r.method,
      value: r.value_minor,
      wonToDate: r.won_to_date_minor,
      low: r.low_minor,
      high: r.high_minor,
    });
  }
  return out;
}

/** One snapshot's pipeline lines the viewer may see, by opportunity id. */
export async function snapshotLines(db: Db, viewer: Viewer, snapshotId: number) {
  const rows = await db
    .selectFrom('forecast_snapshot_lines')
    .selectAll()
    .where('snapshot_id', '=', snapshotId)
    .orderBy('opportunity_id')
    .execute();
  return rows.filter((r) => canSeeOwner(viewer, r.owner_id));
}
