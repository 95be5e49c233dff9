import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Scope } from '../../../domain/access/scope.ts';
import { scopeKey } from '../../../domain/forecast/scope.ts';
import type { StageRateUsed } from '../../../domain/forecast/compute.ts';
import type { NewPipelineEstimate } from '../../../domain/forecast/new-pipeline.ts';
import type { MethodId } from '../../../domain/forecast/types.ts';
import type { Db } from '../../db.ts';
import { FORECAST_MODEL_FINGERPRINT } from './model-fingerprint.ts';

/*
 * The stored track record (migration 0016): what each method said at a backtest checkpoint for a scope, and what
 * was won, keyed by the data version it was computed from. Nothing is cached in the process, so several servers
 * (and the CLI) share one store and none can serve numbers another's write has made stale.
 */

/** One checkpoint's numbers for one scope: the actual revenue of its period and each method's forecast. */
export interface CheckpointResult {
  actual: number;
  values: Map<MethodId, number>;
  /** What the methods learned (kept for the company's period starts, shown by the backtest). */
  learned?: CheckpointLearned;
}

/** A checkpoint's learned inputs: the pipeline yet to be created and the stage rates applied (company level). */
export interface CheckpointLearned {
  newPipeline: NewPipelineEstimate;
  stages: Array<StageRateUsed & { stageName: string }>;
}

/** Where a stored checkpoint sits: its scope, period and instant. */
export interface CheckpointKey {
  scopeKey: string;
  periodKey: string;
  asOf: Date;
}

/** Rows older than this are removed when new ones are written (the default seed changes daily anyway). */
const KEEP_DAYS = 7;

/**
 * The data version a snapshot of `db` sees; it changes with every write the forecast could read. Null when the
 * version row is missing (its table was emptied and nothing was written since): nothing is stored or read then.
 */
export async function forecastDataVersion(db: Db): Promise<string | null> {
  const r = await sql<{
    version: string;
  }>`select version::text as version from forecast_data_version`.execute(db);
  return r.rows[0]?.version ?? null;
}

/**
 * The storage key of a scope: its subject, plus a hash of its owners for a team (a team's members can change
 * without any write the data version follows).
 */
export function storedScopeKey(scope: Scope): string {
  const key = scopeKey(scope.subject);
  if (scope.ownerIds === null || scope.subject.type !== 'team') return key;
  const owners = [...scope.ownerIds].sort((a, b) => a - b).join(',');
  return `${key}:${createHash('sha256').update(owners).digest('hex').slice(0, 16)}`;
}

/** Everything besides the data and the checkpoint that decides the numbers, as one key. */
export function checkpointOptionsKey(o: {
  seed: number;
  iterations: number;
  lookbackDays: number;
  probabilities: string | undefined;
  cycleAge: string | undefined;
  timing: boolean | undefined;
}): string {
  return [
    FORECAST_MODEL_FINGERPRINT,
    `seed=${o.seed}`,
    `iterations=${o.iterations}`,
    `lookback=${o.lookbackDays}`,
    `probabilities=${o.probabilities ?? 'settings'}`,
    `cycleAge=${o.cycleAge ?? 'default'}`,
    `timing=${o.timing ?? 'default'}`,
  ].join(';');
}

const mapKey = (k: CheckpointKey) => `${k.scopeKey}|${k.periodKey}|${k.asOf.toISOString()}`;

/** Stored results for these checkpoints at `version`, by `checkpointMapKey`; missing ones are absent. */
export async function readCheckpoints(
  db: Db,
  version: string,
  optionsKey: string,
  keys: readonly CheckpointKey[],
): Promise<Map<string, CheckpointResult>> {
  const out = new Map<string, CheckpointResult>();
  if (keys.length === 0) return out;
  const r = await sql<{ scope_key: string; period_key: string; as_of: Date; result: StoredResult }>`
    select c.scope_key, c.period_key, c.as_of, c.result
    from forecast_backtest_checkpoints c
    join unnest(${sql.val(keys.map((k) => k.scopeKey))}::text[], ${sql.val(keys.map((k) => k.periodKey))}::text[],
      ${sql.val(keys.map((k) => k.asOf.toISOString()))}::timestamptz[]) k(scope_key, period_key, as_of)
      on c.scope_key = k.scope_key and c.period_key = k.period_key and c.as_of = k.as_of
    where c.data_version = ${version}::bigint and c.options_key = ${optionsKey}`.execute(db);
  for (const row of r.rows) {
    out.set(mapKey({ scopeKey: row.scope_key, periodKey: row.period_key, asOf: new Date(row.as_of) }), {
      actual: row.result.actual,
      values: new Map(row.result.values),
      ...(row.result.learned ? { learned: row.result.learned } : {}),
    });
  }
  return out;
}

export { mapKey as checkpointMapKey };

/** As stored: the values as [method, value] pairs, in the order the methods ran (a jsonb object would sort them). */
interface StoredResult {
  actual: number;
  values: [MethodId, number][];
  learned?: CheckpointLearned;
}

/**
 * Stores computed checkpoints under `version` (a concurrent writer of the same rows wins, the numbers being the
 * same), and removes rows of other versions and rows older than KEEP_DAYS. Non-finite numbers are not stored (JSON
 * cannot hold them), so such a checkpoint is computed again next time.
 */
export async function writeCheckpoints(
  db: Db,
  version: string,
  optionsKey: string,
  rows: readonly (CheckpointKey & CheckpointResult)[],
): Promise<void> {
  const storable = rows.filter(
    (r) => Number.isFinite(r.actual) && [...r.values.values()].every((v) => Number.isFinite(v)),
  );
  if (storable.length > 0) {
    const results = storable.map((r) =>
      JSON.stringify({
        actual: r.actual,
        values: [...r.values],
        ...(r.learned ? { learned: r.learned } : {}),
      } satisfies StoredResult),
    );
    await sql`
      insert into forecast_backtest_checkpoints (data_version, options_key, scope_key, period_key, as_of, result)
      select ${version}::bigint, ${optionsKey}, k.scope_key, k.period_key, k.as_of, k.result::jsonb
      from unnest(${sql.val(storable.map((r) => r.scopeKey))}::text[],
        ${sql.val(storable.map((r) => r.periodKey))}::text[],
        ${sql.val(storable.map((r) => r.asOf.toISOString()))}::timestamptz[],
        ${sql.val(results)}::text[]) k(scope_key, period_key, as_of, result)
      on conflict do nothing`.execute(db);
  }
  // Any other version is stale (a replica behind the primary may still read its own; it then computes again).
  await sql`
    delete from forecast_backtest_checkpoints
    where data_version <> ${version}::bigint or created_at < now() - make_interval(days => ${KEEP_DAYS})`.execute(
    db,
  );
}
