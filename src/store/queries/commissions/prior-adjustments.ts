import { sql } from 'kysely';
import type { Period } from '../../../domain/calendar/period.ts';
import { priorPeriodAdjustments } from '../../../domain/commissions/adjustments.ts';
import { computeStatement } from '../../../domain/commissions/compute-statement.ts';
import type { AdjustmentInput, StatementInput, StatementSegment } from '../../../domain/commissions/types.ts';
import { groupBy } from './group-by.ts';
import type { Db } from '../../db.ts';
import { periodDeals } from './period-deals.ts';

/*
 * Prior-period adjustments (docs/commissions.md, "Statements: draft, locked, paid"): a locked statement never
 * changes; when a person's period P is computed, each earlier locked statement of theirs is recomputed with
 * today's deals under the segments (plan versions, rules, targets) it was locked with, and per deal the
 * difference not yet paid becomes an adjustment line in P. Lines that are themselves corrections (adjustments,
 * clawbacks) and draws are left out of both sides: they are paid where they are.
 */
const NOT_COMPARED = new Set(['adjustment', 'clawback', 'draw', 'draw_recovery']);

/** Recompute differences for every earlier locked statement of these people, one crediting query per period. */
export async function priorPeriodAdjustmentsFor(
  db: Db,
  period: Period,
  userIds: readonly number[],
): Promise<Map<number, AdjustmentInput[]>> {
  const out = new Map<number, AdjustmentInput[]>();
  const locked = await db
    .selectFrom('commission_statements')
    .select(['id', 'user_id', 'period_key', 'period_start', 'period_end', 'inputs'])
    .where('status', '<>', 'draft')
    .where('user_id', 'in', [...userIds])
    .where('period_end', '<=', period.start)
    .orderBy('period_start')
    .orderBy('user_id')
    .execute();
  if (locked.length === 0) return out;
  const ids = locked.map((s) => s.id);
  const [lines, adjusted] = await Promise.all([
    db
      .selectFrom('commission_statement_lines')
      .select(['statement_id', 'kind', 'opportunity_id', 'label', 'amount_minor'])
      .where('statement_id', 'in', ids)
      .execute(),
    // Recompute adjustments already paid in later locked statements, by the period they correct.
    sql<{
      user_id: number;
      from_period_key: string;
      opportunity_id: number | null;
      label: string;
      amount_minor: number;
    }>`
      select s.user_id, l.from_period_key, l.opportunity_id, l.label, l.amount_minor
      from commission_statement_lines l join commission_statements s on s.id = l.statement_id
      where s.status <> 'draft' and s.user_id in (${sql.join([...userIds])}) and l.kind = 'adjustment'
        and l.dispute_id is null and l.from_period_key is not null`.execute(db),
  ]);
  const linesOf = groupBy(lines, (l) => l.statement_id);
  const byPeriod = groupBy(locked, (s) => `${s.period_start}|${s.period_end}`);
  for (const group of byPeriod.values()) {
    const first = group[0]!;
    const segmentsByUser = new Map<number, StatementSegment[]>(
      group.map((s) => [s.user_id, s.inputs.segments]),
    );
    const deals = await periodDeals(db, { start: first.period_start, end: first.period_end }, segmentsByUser);
    for (const s of group) {
      const input: StatementInput = {
        ...s.inputs,
        deals: deals.get(s.user_id) ?? [],
        adjustments: [],
        clawbacks: [],
      };
      const recomputed = computeStatement(input).lines.filter((l) => !NOT_COMPARED.has(l.kind));
      const before = (linesOf.get(s.id) ?? []).filter((l) => !NOT_COMPARED.has(l.kind));
      const diffs = priorPeriodAdjustments({
        fromPeriodKey: s.period_key,
        locked: before.map((l) => ({
          opportunityId: l.opportunity_id,
          name: l.label,
          amountMinor: l.amount_minor,
        })),
        recomputed: recomputed.map((l) => ({
          opportunityId: l.opportunityId,
          name: l.label,
          amountMinor: l.amountMinor,
        })),
        alreadyAdjusted: adjusted.rows
          .filter((a) => Number(a.user_id) === s.user_id && a.from_period_key === s.period_key)
          .map((a) => ({
            opportunityId: a.opportunity_id === null ? null : Number(a.opportunity_id),
            // A recompute adjustment is labelled '<name> (<period> recomputed)'; lines without a deal match by name.
            name: a.label.replace(` (${s.period_key} recomputed)`, ''),
            amountMinor: Number(a.amount_minor),
          })),
      });
      if (diffs.length > 0) out.set(s.user_id, [...(out.get(s.user_id) ?? []), ...diffs]);
    }
  }
  return out;
}

/**
 * Accepted disputes with an amount not yet paid, for each disputing person's open statement of a later period.
 * A dispute already applied to this period's draft counts again: the run replaces that draft.
 */
export async function acceptedDisputeAdjustments(
  db: Db,
  period: Period,
  userIds: readonly number[],
): Promise<Map<number, AdjustmentInput[]>> {
  const r = await sql<{
    id: number;
    user_id: number;
    period_key: string;
    opportunity_id: number | null;
    adjustment_minor: number;
  }>`
    select d.id, s.user_id, s.period_key, l.opportunity_id, d.adjustment_minor
    from commission_disputes d
    join commission_statements s on s.id = d.statement_id
    left join commission_statement_lines l on l.id = d.line_id
    left join commission_statements applied on applied.id = d.applied_in_statement_id
    where d.status = 'accepted' and d.adjustment_minor is not null and d.adjustment_minor <> 0
      and s.user_id in (${sql.join([...userIds])}) and s.period_end <= ${period.start}
      and (applied.id is null or (applied.status = 'draft' and applied.period_key = ${period.key}))
    order by d.id`.execute(db);
  const out = new Map<number, AdjustmentInput[]>();
  for (const row of r.rows) {
    const userId = Number(row.user_id);
    out.set(userId, [
      ...(out.get(userId) ?? []),
      {
        fromPeriodKey: row.period_key,
        opportunityId: row.opportunity_id === null ? null : Number(row.opportunity_id),
        label: `Dispute ${row.id} accepted`,
        amountMinor: Number(row.adjustment_minor),
        source: 'dispute',
        disputeId: Number(row.id),
      },
    ]);
  }
  return out;
}
