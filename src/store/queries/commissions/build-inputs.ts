import { sql } from 'kysely';
import type { Period } from '../../../domain/calendar/period.ts';
import { periodStretches, spanDays, type Stretch } from '../../../domain/commissions/period-segments.ts';
import { quotaTargetsFor } from '../../../domain/commissions/quota-share.ts';
import { rampFactor, segmentTargetMinor } from '../../../domain/commissions/targets.ts';
import type { StatementInput, StatementSegment } from '../../../domain/commissions/types.ts';
import { groupBy } from './group-by.ts';
import type { Db } from '../../db.ts';
import { visibleUserIdsFor } from '../../access/visible-users.ts';
import { getSettings } from '../../tables/settings.ts';
import { QUOTA_METRIC } from '../metrics/quota-goals.ts';
import { commissionPeriod } from './commission-period.ts';
import { clawbackCandidates } from './clawback-candidates.ts';
import { periodDeals } from './period-deals.ts';
import { acceptedDisputeAdjustments, priorPeriodAdjustmentsFor } from './prior-adjustments.ts';
import { idArray } from '../../sql/lists.ts';

/** Each person's stretches of the period under their assignments and plan versions (set-based: two queries). */
export async function loadStretches(
  db: Db,
  period: Period,
  userIds?: readonly number[],
): Promise<Map<number, { stretches: Stretch[]; hireDate: string | null; rampMonths: number }>> {
  let q = db
    .selectFrom('commission_assignments as a')
    .innerJoin('users as u', 'u.id', 'a.user_id')
    .select([
      'a.user_id',
      'a.plan_id',
      'a.effective_from',
      'a.effective_to',
      'a.target_minor',
      'u.hire_date',
      'u.ramp_months',
    ])
    .where('a.effective_from', '<', period.end)
    .where((eb) => eb.or([eb('a.effective_to', 'is', null), eb('a.effective_to', '>', period.start)]));
  if (userIds) q = q.where('a.user_id', 'in', userIds.length > 0 ? [...userIds] : [-1]);
  const rows = await q.execute();
  const out = new Map<number, { stretches: Stretch[]; hireDate: string | null; rampMonths: number }>();
  if (rows.length === 0) return out;
  const planIds = [...new Set(rows.map((r) => r.plan_id))];
  const versions = (
    await db
      .selectFrom('commission_plan_versions')
      .select(['id', 'plan_id', 'version', 'effective_from', 'rules'])
      .where('plan_id', 'in', planIds)
      .where('effective_from', '<', period.end)
      .execute()
  ).map((v) => ({
    planId: v.plan_id,
    versionId: v.id,
    version: v.version,
    effectiveFrom: v.effective_from,
    rules: v.rules,
  }));
  const byUser = groupBy(rows, (r) => r.user_id);
  for (const [userId, list] of byUser) {
    const stretches = periodStretches({
      periodStart: period.start,
      periodEnd: period.end,
      grain: period.grain,
      assignments: list.map((r) => ({
        planId: r.plan_id,
        from: r.effective_from,
        to: r.effective_to,
        targetMinor: r.target_minor,
      })),
      versions,
    });
    if (stretches.length > 0) {
      out.set(userId, { stretches, hireDate: list[0]!.hire_date, rampMonths: list[0]!.ramp_months });
    }
  }
  return out;
}

/** Each person's quota for [start, end) from their won_revenue goals, pro-rated by days (quotaTargetsFor). */
async function quotaTargets(
  db: Db,
  period: Period,
  userIds: readonly number[],
): Promise<Map<number, number>> {
  if (userIds.length === 0) return new Map();
  const settings = await getSettings(db);
  const goals = await db
    .selectFrom('goals')
    .select(['scope_id', 'grain', 'period_key', 'target'])
    .where('metric_id', '=', QUOTA_METRIC)
    .where('scope_type', '=', 'user')
    .where('archived_at', 'is', null)
    .where('scope_id', 'in', [...userIds])
    .execute();
  return quotaTargetsFor(
    goals.flatMap((g) =>
      g.scope_id === null
        ? []
        : [{ userId: g.scope_id, grain: g.grain, periodKey: g.period_key, targetMinor: Number(g.target) }],
    ),
    period.start,
    period.end,
    settings,
  );
}

/**
 * Everything the engine needs to compute the period's statements of these people (all with an assignment when
 * userIds is omitted), loaded set-based: assignments and versions, quotas, one crediting query per credit rule,
 * churned customers, earlier locked statements (recomputed for prior-period adjustments), accepted disputes
 * not yet paid, and each person's draw balance.
 */
export async function buildStatementInputs(
  db: Db,
  args: { periodKey: string; userIds?: readonly number[] },
): Promise<{ period: Period; inputs: StatementInput[] }> {
  const period = await commissionPeriod(db, args.periodKey);
  const people = await loadStretches(db, period, args.userIds);
  const userIds = [...people.keys()].sort((a, b) => a - b);
  if (userIds.length === 0) return { period, inputs: [] };
  // A roll-up plan is credited with everyone's deals below the person, so its target from quotas is theirs too.
  const below = new Map<number, number[]>();
  for (const userId of userIds) {
    if (!people.get(userId)!.stretches.some((s) => s.rules.rollUp && s.targetMinor === null)) continue;
    const visible = (await visibleUserIdsFor(db, userId, 'manager')) ?? [];
    below.set(
      userId,
      visible.filter((id) => id !== userId),
    );
  }
  const quotas = await quotaTargets(db, period, [...new Set([...userIds, ...[...below.values()].flat()])]);
  const quotaOf = (userId: number, rollUp: boolean): number =>
    (quotas.get(userId) ?? 0) +
    (rollUp ? (below.get(userId) ?? []).reduce((sum, id) => sum + (quotas.get(id) ?? 0), 0) : 0);
  const periodDays = spanDays(period.start, period.end);
  const segmentsByUser = new Map<number, StatementSegment[]>();
  for (const userId of userIds) {
    const p = people.get(userId)!;
    segmentsByUser.set(
      userId,
      p.stretches.map((s) => {
        const ramp = s.rules.ramp
          ? rampFactor({
              periodStart: s.from,
              periodEnd: s.to,
              hireDate: p.hireDate,
              rampMonths: p.rampMonths,
            })
          : 1;
        const periodTarget = s.targetMinor ?? quotaOf(userId, s.rules.rollUp);
        return {
          from: s.from,
          to: s.to,
          planId: s.planId,
          planVersionId: s.planVersionId,
          rules: s.rules,
          targetMinor: segmentTargetMinor(periodTarget, spanDays(s.from, s.to), periodDays, ramp),
        };
      }),
    );
  }
  const [deals, clawbacks, recomputed, disputes, balances] = await Promise.all([
    periodDeals(db, period, segmentsByUser),
    clawbackCandidates(db, period, segmentsByUser),
    priorPeriodAdjustmentsFor(db, period, userIds),
    acceptedDisputeAdjustments(db, period, userIds),
    drawBalances(db, period, userIds),
  ]);
  const inputs = userIds.map((userId) => ({
    userId,
    periodKey: period.key,
    periodStart: period.start,
    periodEnd: period.end,
    segments: segmentsByUser.get(userId)!,
    deals: deals.get(userId) ?? [],
    clawbacks: clawbacks.get(userId) ?? [],
    adjustments: [...(recomputed.get(userId) ?? []), ...(disputes.get(userId) ?? [])],
    drawBalanceMinor: balances.get(userId) ?? 0,
  }));
  return { period, inputs };
}

/** Each person's unrecovered draw after their latest statement before the period. */
async function drawBalances(
  db: Db,
  period: Period,
  userIds: readonly number[],
): Promise<Map<number, number>> {
  const r = await sql<{ user_id: number; draw_balance_minor: number }>`
    select distinct on (user_id) user_id, draw_balance_minor
    from commission_statements
    where user_id = any(${idArray(userIds)}) and period_end <= ${period.start}
    order by user_id, period_start desc`.execute(db);
  return new Map(r.rows.map((row) => [Number(row.user_id), Number(row.draw_balance_minor)]));
}
