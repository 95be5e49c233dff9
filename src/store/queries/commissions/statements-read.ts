import { sql } from 'kysely';
import type { Viewer } from '../../../domain/access/viewer.ts';
import { mayReadStatement } from '../../../domain/commissions/access.ts';
import type { StatementLine, StatementResult } from '../../../domain/commissions/types.ts';
import type { StatementNotice } from '../../../domain/notices.ts';
import type { Db } from '../../db.ts';
import type { StatementStatus } from '../../tables/commissions.ts';
import { commissionPeriod } from './commission-period.ts';
import { listDisputes, type Dispute } from './disputes.ts';
import { statementReadable } from './statement-read-filter.ts';

export interface StatementSummary {
  id: number;
  userId: number;
  userName: string;
  periodKey: string;
  status: StatementStatus;
  currency: string;
  creditedMinor: number;
  targetMinor: number;
  attainmentPct: number;
  payoutMinor: number;
  openDisputes: number;
}

export interface StatementDetail {
  statement: StatementSummary & {
    periodStart: string;
    periodEnd: string;
    computedAt: string;
    lockedAt: string | null;
    paidAt: string | null;
  };
  segments: Array<{
    from: string;
    to: string;
    planId: number;
    planName: string;
    planVersion: number;
    targetMinor: number;
  }>;
  lines: Array<StatementLine & { id: number; lineNo: number }>;
  totals: StatementResult['totals'];
  curve: StatementResult['curve'];
  warnings: string[];
  /** The warnings as codes and values; null for a statement stored before notices existed. */
  notices: StatementNotice[] | null;
  disputes: Dispute[];
}

function iso(d: Date | string | null): string | null {
  return d === null ? null : new Date(d).toISOString();
}

function baseQuery(db: Db, viewer: Viewer) {
  return db
    .selectFrom('commission_statements as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select([
      's.id',
      's.user_id',
      'u.name as user_name',
      's.period_key',
      's.period_start',
      's.period_end',
      's.status',
      's.currency',
      's.credited_minor',
      's.target_minor',
      's.attainment_pct',
      's.payout_minor',
      's.computed_at',
      's.locked_at',
      's.paid_at',
      sql<number>`(select count(*) from commission_disputes d where d.statement_id = s.id and d.status = 'open')`.as(
        'open_disputes',
      ),
    ])
    .where(statementReadable(viewer, 's'));
}

type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;

function toSummary(r: Row): StatementSummary {
  return {
    id: r.id,
    userId: r.user_id,
    userName: r.user_name,
    periodKey: r.period_key,
    status: r.status,
    currency: r.currency,
    creditedMinor: r.credited_minor,
    targetMinor: r.target_minor,
    attainmentPct: r.attainment_pct,
    payoutMinor: r.payout_minor,
    openDisputes: Number(r.open_disputes),
  };
}

/** Statements the viewer may read, newest period first, then by person. */
export async function listStatements(
  db: Db,
  viewer: Viewer,
  filter: { periodKey?: string; userId?: number; status?: StatementStatus } = {},
): Promise<StatementSummary[]> {
  let q = baseQuery(db, viewer);
  if (filter.periodKey !== undefined)
    q = q.where('s.period_key', '=', (await commissionPeriod(db, filter.periodKey)).key);
  if (filter.userId !== undefined) q = q.where('s.user_id', '=', filter.userId);
  if (filter.status !== undefined) q = q.where('s.status', '=', filter.status);
  const rows = await q.orderBy('s.period_start', 'desc').orderBy('u.name').orderBy('s.id').execute();
  return rows.map(toSummary);
}

/** Whether the viewer may read statement `id` (the print document and the estimate use this). */
export async function mayReadStatementId(db: Db, viewer: Viewer, id: number): Promise<boolean> {
  const s = await db
    .selectFrom('commission_statements')
    .select(['user_id', 'status'])
    .where('id', '=', id)
    .executeTakeFirst();
  return s !== undefined && mayReadStatement(viewer, { userId: s.user_id, status: s.status });
}

/** One statement with segments, lines, totals, curve and disputes; undefined when absent or not readable. */
export async function getStatement(db: Db, viewer: Viewer, id: number): Promise<StatementDetail | undefined> {
  const row = await baseQuery(db, viewer)
    .select(['s.inputs', 's.result'])
    .where('s.id', '=', id)
    .executeTakeFirst();
  if (!row || !mayReadStatement(viewer, { userId: row.user_id, status: row.status })) return undefined;
  const segs = row.inputs.segments;
  const [lines, plans, versions, disputes] = await Promise.all([
    db
      .selectFrom('commission_statement_lines')
      .selectAll()
      .where('statement_id', '=', id)
      .orderBy('line_no')
      .execute(),
    segs.length === 0
      ? Promise.resolve([])
      : db
          .selectFrom('commission_plans')
          .select(['id', 'name'])
          .where(
            'id',
            'in',
            segs.map((s) => s.planId),
          )
          .execute(),
    segs.length === 0
      ? Promise.resolve([])
      : db
          .selectFrom('commission_plan_versions')
          .select(['id', 'version'])
          .where(
            'id',
            'in',
            segs.map((s) => s.planVersionId),
          )
          .execute(),
    listDisputes(db, viewer, { statementId: id }),
  ]);
  const result = row.result;
  return {
    statement: {
      ...toSummary(row),
      periodStart: row.period_start,
      periodEnd: row.period_end,
      computedAt: iso(row.computed_at)!,
      lockedAt: iso(row.locked_at),
      paidAt: iso(row.paid_at),
    },
    segments: segs.map((s) => ({
      from: s.from,
      to: s.to,
      planId: s.planId,
      planName: plans.find((p) => p.id === s.planId)?.name ?? `plan ${s.planId}`,
      planVersion: versions.find((v) => v.id === s.planVersionId)?.version ?? 0,
      targetMinor: s.targetMinor,
    })),
    lines: lines.map((l) => ({
      id: l.id,
      lineNo: l.line_no,
      kind: l.kind,
      segment: l.segment,
      opportunityId: l.opportunity_id,
      label: l.label,
      creditedMinor: l.credited_minor,
      rateBp: l.rate_bp,
      tier: l.tier,
      attainmentFromPct: l.attainment_from_pct,
      attainmentToPct: l.attainment_to_pct,
      amountMinor: l.amount_minor,
      fromPeriodKey: l.from_period_key,
      explanation: l.explanation,
      reason: storedReason(result, l.line_no, l.explanation),
    })),
    totals: result.totals,
    curve: result.curve,
    warnings: result.warnings ?? [],
    notices: result.notices ?? null,
    disputes,
  };
}

/**
 * A line's structured reason, kept in the statement's result (its lines are in line_no order), so no column was
 * needed. Statements computed before reasons existed have none: the web app then shows the English explanation.
 * The explanation must match, so a reason is never shown beside another line's text.
 */
function storedReason(result: StatementResult, lineNo: number, explanation: string) {
  const stored = result.lines?.[lineNo - 1];
  return stored?.reason && stored.explanation === explanation ? stored.reason : undefined;
}
