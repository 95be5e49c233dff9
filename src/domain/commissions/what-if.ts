import { AppError, type ErrorDetail } from '../../errors.ts';
import { seededRandom } from '../random/seeded-random.ts';
import { applyRate, mulDivRound } from './money.ts';
import {
  onTargetTierIndex,
  pctHundredths,
  sliceAtTiers,
  thresholdMinor,
  tierIndexAt,
  tierStarts,
} from './tiers.ts';
import type { DealType, PlanRules } from './types.ts';

/**
 * Modelling a plan (docs/commissions.md, "What-if"): what it pays a person at a given attainment, over a grid
 * and over simulated attainment distributions. The arithmetic is computeStatement's for one period of credited
 * deals of an attainment type (commission, cap and bonuses); SPIFs and draws depend on the deals' products,
 * dates and history and are left out. what-if.test.ts checks it against computeStatement.
 */

/** The deal type a modelled period's credit is taken to be: one counting toward attainment, tiered if possible. */
function modelledType(rules: PlanRules): DealType {
  return (
    rules.attainmentTypes.find((t) => rules.typeRates[t] === undefined) ??
    rules.attainmentTypes[0] ??
    'new_business'
  );
}

/**
 * What a plan pays for a period's credited amount against `targetMinor`: tiered commission (marginal slices or
 * the retroactive rate; the on-target rate without a target), capped, plus the bonuses reached. Tier starts and
 * bonus thresholds are worked out once, so a simulation can call the result for many amounts.
 */
export function payoutModel(rules: PlanRules, targetMinor: number): (creditedMinor: number) => number {
  const typeRate = rules.typeRates[modelledType(rules)];
  const rate = (tier: number) => rules.tiers[tier]?.rateBp ?? 0;
  const starts = targetMinor > 0 ? tierStarts(rules.tiers, targetMinor) : [];
  const onTargetRate = rate(onTargetTierIndex(rules.tiers));
  const bonuses =
    targetMinor > 0
      ? rules.bonuses.map((b) => ({ from: thresholdMinor(targetMinor, b.atPct), amount: b.amountMinor }))
      : [];
  return (creditedMinor) => {
    let commission = 0;
    if (typeRate !== undefined) commission = applyRate(creditedMinor, typeRate);
    else if (targetMinor <= 0) commission = applyRate(creditedMinor, onTargetRate);
    else if (rules.tierMode === 'retroactive') {
      commission = applyRate(creditedMinor, rate(tierIndexAt(starts, creditedMinor)));
    } else {
      for (const s of sliceAtTiers(starts, 0, creditedMinor))
        commission += applyRate(s.toMinor - s.fromMinor, rate(s.tier));
    }
    if (rules.capMinor !== null && commission > rules.capMinor) commission = rules.capMinor;
    let bonus = 0;
    for (const b of bonuses) if (creditedMinor >= b.from) bonus += b.amount;
    return commission + bonus;
  };
}

/** payoutModel for one amount. */
export function planPayoutMinor(rules: PlanRules, targetMinor: number, creditedMinor: number): number {
  return payoutModel(rules, targetMinor)(creditedMinor);
}

/** The credited amount at an attainment: target x pct / 100, rounded half away from zero. */
function creditedAt(targetMinor: number, pct: number): number {
  return mulDivRound(targetMinor, pctHundredths(pct), 10_000);
}

/** The payout at each attainment of `grid` (percent of target), e.g. [0, 25, 50, ..., 200]. */
export function payoutCurve(
  rules: PlanRules,
  targetMinor: number,
  grid: number[],
): Array<{ attainmentPct: number; payoutMinor: number }> {
  return grid.map((attainmentPct) => ({
    attainmentPct,
    payoutMinor: planPayoutMinor(rules, targetMinor, creditedAt(targetMinor, attainmentPct)),
  }));
}

/** The most runs a simulation may ask for (runs x people plan payouts per call). */
export const MAX_SIMULATION_RUNS = 100_000;

/**
 * Monte Carlo over attainment: in each run every person (one target each) reaches an attainment drawn from a
 * normal distribution N(meanPct, sdPct), floored at 0, credits target x attainment and is paid planPayoutMinor.
 * Returns per run the total payout and total credited revenue over all people, in run order. Seeded
 * (src/domain/random): the same arguments give the same numbers on every machine.
 */
export function simulatePayouts(args: {
  rules: PlanRules;
  targets: number[];
  runs: number;
  meanPct: number;
  sdPct: number;
  seed: number;
}): { payouts: number[]; revenue: number[] } {
  const errors: ErrorDetail[] = [];
  const bad = (field: string, value: unknown, reason: string) =>
    errors.push({ field, value: JSON.stringify(value), reason });
  if (!Number.isInteger(args.runs) || args.runs < 1 || args.runs > MAX_SIMULATION_RUNS)
    bad('simulation.runs', args.runs, `a whole number, 1-${MAX_SIMULATION_RUNS}`);
  if (!Number.isFinite(args.meanPct) || args.meanPct < 0)
    bad('simulation.meanPct', args.meanPct, 'a percentage >= 0');
  if (!Number.isFinite(args.sdPct) || args.sdPct < 0)
    bad('simulation.sdPct', args.sdPct, 'a percentage >= 0');
  if (!Number.isInteger(args.seed)) bad('simulation.seed', args.seed, 'a whole number');
  args.targets.forEach((t, i) => {
    if (!Number.isSafeInteger(t) || t < 0)
      bad(`targets[${i}]`, t, 'a non-negative whole number of minor units');
  });
  if (errors.length > 0) {
    throw new AppError(
      'validation',
      `Invalid simulation: ${errors.map((e) => `${e.field} ${e.reason}`).join('; ')}`,
      errors,
    );
  }
  const models = args.targets.map((t) => payoutModel(args.rules, t));
  const random = seededRandom(args.seed);
  const payouts: number[] = [];
  const revenue: number[] = [];
  for (let run = 0; run < args.runs; run += 1) {
    let paid = 0;
    let credited = 0;
    for (let i = 0; i < args.targets.length; i += 1) {
      const target = args.targets[i] as number;
      // Hundredths of a percent, so the credited amount is the same on every machine.
      const pct = Math.max(0, Math.round((args.meanPct + args.sdPct * random.normal()) * 100) / 100);
      const amount = creditedAt(target, pct);
      credited += amount;
      paid += (models[i] as (c: number) => number)(amount);
    }
    payouts.push(paid);
    revenue.push(credited);
  }
  return { payouts, revenue };
}
