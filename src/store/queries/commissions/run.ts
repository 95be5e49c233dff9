import { sql } from 'kysely';
import type { Viewer } from '../../../domain/access/viewer.ts';
import { computeStatementChecked } from './compute-checked.ts';
import type { StatementInput, StatementResult } from '../../../domain/commissions/types.ts';
import type { Db } from '../../db.ts';
import { inTransaction } from '../../in-transaction.ts';
import { recordAudit } from '../../tables/audit-log.ts';
import { buildStatementInputs } from './build-inputs.ts';
import { requireCommissionsAdmin } from './plans.ts';
import { lockCommissionWrites } from './writes-lock.ts';

export interface RunResult {
  periodKey: string;
  /** Statements of the period after the run (drafts written plus locked ones kept). */
  statements: number;
  drafts: number;
  skippedLocked: number;
  payoutByCurrency: Array<{ currency: string; payoutMinor: number }>;
}

const LINE_BATCH = 10_000;

/** Inserts statements and their lines (a draft each), in batches; returns the ids by user. */
export async function insertDrafts(
  db: Db,
  viewer: Viewer,
  computed: ReadonlyArray<{ input: StatementInput; result: StatementResult }>,
  now: Date,
): Promise<Map<number, number>> {
  const ids = new Map<number, number>();
  if (computed.length === 0) return ids;
  for (let i = 0; i < computed.length; i += 500) {
    const rows = await db
      .insertInto('commission_statements')
      .values(
        computed.slice(i, i + 500).map(({ input, result }) => ({
          user_id: input.userId,
          period_key: input.periodKey,
          period_start: input.periodStart,
          period_end: input.periodEnd,
          currency: result.currency,
          inputs: JSON.stringify(input),
          result: JSON.stringify(result),
          credited_minor: result.totals.creditedMinor,
          target_minor: result.totals.targetMinor,
          attainment_pct: result.totals.attainmentPct,
          payout_minor: result.totals.payoutMinor,
          draw_balance_minor: result.drawBalanceMinor,
          computed_at: now,
          computed_by: viewer.userId,
        })),
      )
      .returning(['id', 'user_id'])
      .execute();
    for (const r of rows) ids.set(r.user_id, r.id);
  }
  const lines = computed.flatMap(({ input, result }) => {
    const statementId = ids.get(input.userId)!;
    const disputeByLabel = new Map(
      input.adjustments.filter((a) => a.disputeId !== null).map((a) => [a.label, a.disputeId]),
    );
    return result.lines.map((l, n) => ({
      statement_id: statementId,
      line_no: n + 1,
      kind: l.kind,
      segment: l.segment,
      plan_version_id: l.segment === null ? null : (input.segments[l.segment]?.planVersionId ?? null),
      opportunity_id: l.opportunityId,
      label: l.label,
      credited_minor: l.creditedMinor,
      rate_bp: l.rateBp,
      tier: l.tier,
      attainment_from_pct: l.attainmentFromPct,
      attainment_to_pct: l.attainmentToPct,
      amount_minor: l.amountMinor,
      from_period_key: l.fromPeriodKey,
      dispute_id: l.kind === 'adjustment' ? (disputeByLabel.get(l.label) ?? null) : null,
      explanation: l.explanation,
    }));
  });
  // Lines go in as one JSON parameter per batch: a quarter for 200 people is ~30,000 lines, and binding 17
  // parameters per row made building and sending the statement the slowest part of a run.
  for (let i = 0; i < lines.length; i += LINE_BATCH) {
    await sql`
      insert into commission_statement_lines (statement_id, line_no, kind, segment, plan_version_id, opportunity_id,
        label, credited_minor, rate_bp, tier, attainment_from_pct, attainment_to_pct, amount_minor, from_period_key,
        dispute_id, explanation)
      select statement_id, line_no, kind, segment, plan_version_id, opportunity_id, label, credited_minor, rate_bp,
        tier, attainment_from_pct, attainment_to_pct, amount_minor, from_period_key, dispute_id, explanation
      from jsonb_to_recordset(${JSON.stringify(lines.slice(i, i + LINE_BATCH))}::jsonb) as x(statement_id bigint,
        line_no integer, kind text, segment integer, plan_version_id bigint, opportunity_id bigint, label text,
        credited_minor bigint, rate_bp integer, tier integer, attainment_from_pct double precision,
        attainment_to_pct double precision, amount_minor bigint, from_period_key text, dispute_id bigint,
        explanation text)`.execute(db);
  }
  // Accepted disputes paid in these drafts; a later run that replaces a draft pays them again (on delete set null).
  for (const { input } of computed) {
    const disputeIds = input.adjustments.flatMap((a) => (a.disputeId === null ? [] : [a.disputeId]));
    if (disputeIds.length === 0) continue;
    await db
      .updateTable('commission_disputes')
      .set({ applied_in_statement_id: ids.get(input.userId)! })
      .where('id', 'in', disputeIds)
      .execute();
  }
  return ids;
}

/**
 * Computes the period's statements for everyone with a plan: drafts are replaced (deleted and written again,
 * lines included, in one transaction), locked and paid statements are left exactly as they are. Admins only;
 * audited with the counts.
 */
export async function runCommissions(
  db: Db,
  viewer: Viewer,
  periodKey: string,
  now = new Date(),
): Promise<RunResult> {
  requireCommissionsAdmin(viewer, 'run commissions');
  return inTransaction(db, async (tx) => {
    await lockCommissionWrites(tx);
    const { period, inputs } = await buildStatementInputs(tx, { periodKey });
    const kept = await tx
      .selectFrom('commission_statements')
      .select(['user_id', 'currency', 'payout_minor'])
      .where('period_key', '=', period.key)
      .where('status', '<>', 'draft')
      .execute();
    const lockedUsers = new Set(kept.map((s) => s.user_id));
    await tx
      .deleteFrom('commission_statements')
      .where('period_key', '=', period.key)
      .where('status', '=', 'draft')
      .execute();
    const computed = inputs
      .filter((input) => !lockedUsers.has(input.userId))
      .map((input) => ({ input, result: computeStatementChecked(input) }));
    await insertDrafts(tx, viewer, computed, now);
    const payout = new Map<string, number>();
    for (const { result } of computed) {
      payout.set(result.currency, (payout.get(result.currency) ?? 0) + result.totals.payoutMinor);
    }
    for (const s of kept) payout.set(s.currency, (payout.get(s.currency) ?? 0) + s.payout_minor);
    const out: RunResult = {
      periodKey: period.key,
      statements: computed.length + kept.length,
      drafts: computed.length,
      skippedLocked: kept.length,
      payoutByCurrency: [...payout]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([currency, payoutMinor]) => ({ currency, payoutMinor })),
    };
    await recordAudit(tx, viewer, {
      action: 'run',
      entity: 'commission_period',
      entityId: period.key,
      after: out,
    });
    return out;
  });
}
