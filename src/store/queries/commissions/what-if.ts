import type { Viewer } from '../../../domain/access/viewer.ts';
import {
  periodContaining,
  previousPeriod,
  type Period,
  type PeriodCalendar,
} from '../../../domain/calendar/period.ts';
import { instantToLocal } from '../../../domain/calendar/zoned.ts';
import { computeStatement } from '../../../domain/commissions/compute-statement.ts';
import { parsePlanRules } from '../../../domain/commissions/plan-rules.ts';
import { rampFactor, segmentTargetMinor } from '../../../domain/commissions/targets.ts';
import type { CreditedDeal, PlanRules } from '../../../domain/commissions/types.ts';
import { payoutCurve, simulatePayouts } from '../../../domain/commissions/what-if.ts';
import {
  nearestRank,
  scenarioTotals,
  summarizePeriod,
  costOfSalesPct,
  type ModelledStatement,
  type WhatIfPeriod,
} from '../../../domain/commissions/what-if-summary.ts';
import { AppError } from '../../../errors.ts';
import type { Db } from '../../db.ts';
import { visibleUserIdsFor } from '../../access/visible-users.ts';
import { getSettings } from '../../tables/settings.ts';
import { creditedDeals } from './credited-deals.ts';
import { whatIfPeople, type WhatIfPerson } from './what-if-people.ts';
import { quotaTargetsByPeriod } from './what-if-targets.ts';
import type { WhatIfNotice } from '../../../domain/notices.ts';

/** The most past periods a what-if replays (two years of months). */
export const MAX_WHAT_IF_PERIODS = 24;
/** Attainments of the payout curve, in percent of target. */
const CURVE_GRID = Array.from({ length: 21 }, (_, i) => i * 10);

export interface WhatIfRequest {
  /** The plan to model; validated by parsePlanRules. */
  rules: unknown;
  /** How many complete past periods (of the plan's period) to replay. */
  periods: number;
  userIds?: number[];
  simulation?: { runs: number; meanPct: number; sdPct: number; seed: number };
  /** Defaults to the current time; tests pin it. */
  now?: Date;
}

export interface WhatIfResult {
  currency: string;
  people: Array<{ userId: number; name: string; currentPlan: string | null }>;
  periods: WhatIfPeriod[];
  /** The same periods under each person's plan today (people on a plan in another currency, or none, left out). */
  baseline: WhatIfPeriod[];
  totals: {
    revenueMinor: number;
    payoutMinor: number;
    costOfSalesPct: number | null;
    /** Person-periods at or over target, of `reps` person-periods. */
    repsOverTarget: number;
    reps: number;
    baselineRevenueMinor: number;
    baselinePayoutMinor: number;
    baselineCostOfSalesPct: number | null;
    /** payout - baseline payout. */
    differenceMinor: number;
  };
  simulated?: {
    runs: number;
    meanPct: number;
    sdPct: number;
    seed: number;
    /** Median of the people's targets in the latest period: the person the curve describes. */
    curveTargetMinor: number;
    payoutCurve: Array<{ attainmentPct: number; payoutMinor: number }>;
    p10: number;
    p50: number;
    p90: number;
    costOfSalesPct: number | null;
  };
  warnings: string[];
  /** The warnings as codes and values (src/domain/notices.ts). */
  notices: WhatIfNotice[];
}

/** Names for a warning: the first ten, then how many more. */
function nameList(names: readonly string[]): string {
  const shown = names.slice(0, 10).join(', ');
  return names.length > 10 ? `${shown} and ${names.length - 10} more` : shown;
}

/** The same names as a notice's values: the first ten and how many more. */
function nameParams(names: readonly string[]): { names: string[]; more: number } {
  return { names: names.slice(0, 10), more: Math.max(0, names.length - 10) };
}

/** The last `n` complete periods of `grain` before the one containing today, oldest first. */
function lastCompletePeriods(
  today: string,
  grain: PlanRules['period'],
  n: number,
  periodCal: PeriodCalendar,
): Period[] {
  const out: Period[] = [];
  let p = periodContaining(today, grain, periodCal);
  for (let i = 0; i < n; i += 1) {
    p = previousPeriod(p, periodCal);
    out.unshift(p);
  }
  return out;
}

/** Each person's credited deals bucketed by period key. */
function byPeriod(deals: readonly CreditedDeal[], periods: readonly Period[]): Map<string, CreditedDeal[]> {
  const out = new Map<string, CreditedDeal[]>(periods.map((p) => [p.key, []]));
  for (const d of deals) {
    const p = periods.find((x) => d.creditedOn >= x.start && d.creditedOn < x.end);
    if (p) out.get(p.key)!.push(d);
  }
  return out;
}

/** One person's period under `rules`: one segment for the whole period, no clawbacks, adjustments or draw balance. */
function model(
  person: WhatIfPerson,
  rules: PlanRules,
  period: Period,
  periodTargetMinor: number,
  deals: CreditedDeal[],
): ModelledStatement {
  const days = (Date.parse(period.end) - Date.parse(period.start)) / 86_400_000;
  const ramp = rules.ramp
    ? rampFactor({
        periodStart: period.start,
        periodEnd: period.end,
        hireDate: person.hireDate,
        rampMonths: person.rampMonths,
      })
    : 1;
  const targetMinor = segmentTargetMinor(periodTargetMinor, days, days, ramp);
  const result = computeStatement({
    userId: person.userId,
    periodKey: period.key,
    periodStart: period.start,
    periodEnd: period.end,
    segments: [{ from: period.start, to: period.end, planId: 0, planVersionId: 0, rules, targetMinor }],
    deals,
    clawbacks: [],
    adjustments: [],
    drawBalanceMinor: 0,
  });
  const revenueMinor = deals
    .filter((d) => d.role !== 'roll_up' && d.currency === rules.currency)
    .reduce((s, d) => s + d.creditedMinor, 0);
  return {
    userId: person.userId,
    revenueMinor,
    payoutMinor: result.totals.payoutMinor,
    targetMinor,
    attainmentPct: result.totals.attainmentPct,
  };
}

/**
 * What a plan would have cost (docs/commissions.md "What-if"): the last N complete periods' actual credited deals
 * of the people, computed under the proposed rules and, as the baseline, under each person's plan today; then,
 * optionally, the proposed plan over simulated attainment distributions. Nothing is written.
 */
export async function whatIf(db: Db, viewer: Viewer, req: WhatIfRequest): Promise<WhatIfResult> {
  const rules = parsePlanRules(req.rules);
  if (!Number.isInteger(req.periods) || req.periods < 1 || req.periods > MAX_WHAT_IF_PERIODS)
    throw new AppError('validation', `periods must be a whole number from 1 to ${MAX_WHAT_IF_PERIODS}`, [
      { field: 'periods', value: String(req.periods), reason: `expected 1-${MAX_WHAT_IF_PERIODS}` },
    ]);
  const settings = await getSettings(db);
  const periodCal: PeriodCalendar = settings;
  const today = instantToLocal(req.now ?? new Date(), settings.timeZone).date;
  const people = await whatIfPeople(db, viewer, req.userIds, today);
  const periods = lastCompletePeriods(today, rules.period, req.periods, periodCal);
  const span = { from: periods[0]!.start, to: periods.at(-1)!.end };
  const ids = people.map((p) => p.userId);
  // A roll-up plan's target from quotas includes the quotas of everyone below the person, as statements take it.
  const anyRollUp = rules.rollUp || people.some((p) => p.current?.rules.rollUp);
  const below = new Map<number, number[]>();
  if (anyRollUp)
    for (const id of ids) {
      const reach = (await visibleUserIdsFor(db, id, 'manager')) ?? [];
      below.set(
        id,
        reach.filter((u) => u !== id),
      );
    }
  const quotaIds = [...new Set([...ids, ...[...below.values()].flat()])];
  const quotas = await quotaTargetsByPeriod(db, periods, quotaIds, periodCal);
  const warnings: string[] = [];
  const notices: WhatIfNotice[] = [];

  // The baseline: people on a plan today in the proposal's currency; the others are named in the warnings.
  const base = people.filter((p) => p.current !== null && p.current.rules.currency === rules.currency);
  const noPlan = people.filter((p) => p.current === null).map((p) => p.name);
  const otherCurrency = people
    .filter((p) => p.current !== null && p.current.rules.currency !== rules.currency)
    .map((p) => p.name);
  if (noPlan.length > 0) {
    warnings.push(`not on a plan today (no baseline): ${nameList(noPlan)}`);
    notices.push({ code: 'no_plan_today', params: nameParams(noPlan) });
  }
  if (otherCurrency.length > 0) {
    warnings.push(
      `on a plan in another currency than ${rules.currency} (no baseline): ${nameList(otherCurrency)}`,
    );
    notices.push({
      code: 'other_currency_plan',
      params: { ...nameParams(otherCurrency), currency: rules.currency },
    });
  }

  // One crediting query for the proposal, one per credit rule among today's plans.
  const proposed = await creditedDeals(db, {
    userIds: ids,
    ...span,
    creditOn: rules.creditOn,
    rollUpUserIds: rules.rollUp ? ids : [],
  });
  const baseDeals = new Map<number, CreditedDeal[]>();
  for (const creditOn of ['close', 'paid'] as const) {
    const group = base.filter((p) => p.current!.rules.creditOn === creditOn);
    if (group.length === 0) continue;
    const got = await creditedDeals(db, {
      userIds: group.map((p) => p.userId),
      ...span,
      creditOn,
      rollUpUserIds: group.filter((p) => p.current!.rules.rollUp).map((p) => p.userId),
    });
    for (const [id, deals] of got) baseDeals.set(id, deals);
  }

  // A person's period target under `scenario`: their assignment's own target when their plan today has the
  // proposal's period (an override is per plan period), else their quota for the period (plus their people's on
  // a roll-up plan); 0 (no target) otherwise.
  const periodTarget = (p: WhatIfPerson, period: Period, scenario: PlanRules): number => {
    if (p.current?.targetMinor != null && p.current.rules.period === rules.period)
      return p.current.targetMinor;
    const q = quotas.get(period.key)!;
    const people = scenario.rollUp ? (below.get(p.userId) ?? []) : [];
    return people.reduce((sum, id) => sum + (q.get(id) ?? 0), q.get(p.userId) ?? 0);
  };
  const noTarget = new Set<string>();
  const proposedRows = new Map<string, ModelledStatement[]>(periods.map((p) => [p.key, []]));
  const baselineRows = new Map<string, ModelledStatement[]>(periods.map((p) => [p.key, []]));
  for (const person of people) {
    const mine = byPeriod(proposed.get(person.userId) ?? [], periods);
    const theirs = byPeriod(baseDeals.get(person.userId) ?? [], periods);
    for (const period of periods) {
      const target = periodTarget(person, period, rules);
      if (target === 0) noTarget.add(person.name);
      proposedRows.get(period.key)!.push(model(person, rules, period, target, mine.get(period.key)!));
      if (person.current && base.includes(person)) {
        const current = person.current.rules;
        baselineRows
          .get(period.key)!
          .push(
            model(person, current, period, periodTarget(person, period, current), theirs.get(period.key)!),
          );
      }
    }
  }
  if (noTarget.size > 0) {
    warnings.push(
      `no target in some periods (tiered deals earn the on-target rate): ${nameList([...noTarget])}`,
    );
    notices.push({ code: 'no_target', params: nameParams([...noTarget]) });
  }

  const summary = (rows: Map<string, ModelledStatement[]>) =>
    periods.map((p) => summarizePeriod(p, rows.get(p.key)!));
  const proposedPeriods = summary(proposedRows);
  const baselinePeriods = summary(baselineRows);
  const t = scenarioTotals(proposedPeriods);
  const b = scenarioTotals(baselinePeriods);
  const result: WhatIfResult = {
    currency: rules.currency,
    people: people.map((p) => ({ userId: p.userId, name: p.name, currentPlan: p.current?.planName ?? null })),
    periods: proposedPeriods,
    baseline: baselinePeriods,
    totals: {
      ...t,
      baselineRevenueMinor: b.revenueMinor,
      baselinePayoutMinor: b.payoutMinor,
      baselineCostOfSalesPct: b.costOfSalesPct,
      differenceMinor: t.payoutMinor - b.payoutMinor,
    },
    warnings,
    notices,
  };

  if (req.simulation) {
    const latest = proposedRows.get(periods.at(-1)!.key)!;
    const targets = latest.map((r) => r.targetMinor);
    const sim = simulatePayouts({ rules, targets, ...req.simulation });
    const curveTargetMinor = nearestRank(targets, 0.5) ?? 0;
    const revenue = sim.revenue.reduce((s, v) => s + v, 0);
    const paid = sim.payouts.reduce((s, v) => s + v, 0);
    result.simulated = {
      ...req.simulation,
      curveTargetMinor,
      payoutCurve: payoutCurve(rules, curveTargetMinor, CURVE_GRID),
      p10: nearestRank(sim.payouts, 0.1) ?? 0,
      p50: nearestRank(sim.payouts, 0.5) ?? 0,
      p90: nearestRank(sim.payouts, 0.9) ?? 0,
      costOfSalesPct: costOfSalesPct(paid, revenue),
    };
  }
  return result;
}
