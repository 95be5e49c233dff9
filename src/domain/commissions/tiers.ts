import { divCeilBig, formatPct, mulDivRound, toSafeNumber } from './money.ts';
import type { Tier } from './types.ts';

/**
 * Tier arithmetic in whole minor units. Attainment is never compared as a float: "credited reaches p% of
 * target" is credited x 10000 >= target x (p x 100), so a tier starts at the least whole amount that reaches it,
 * ceil(target x p / 100). A 10,000.01 target reaches 50% at 5,000.01 (500,001 cents x 100 / 50 = 1,000,002 >=
 * 1,000,001).
 */

/** Percentages in plans carry at most two decimals; as hundredths of a percent they are exact integers. */
export function pctHundredths(pct: number): number {
  return Math.round(pct * 100);
}

/** The least credited amount whose attainment reaches `pct` of `targetMinor`. */
export function thresholdMinor(targetMinor: number, pct: number): number {
  return toSafeNumber(divCeilBig(BigInt(targetMinor) * BigInt(pctHundredths(pct)), 10_000n));
}

/** Attainment in percent, two decimals (rounded half away from zero); 0 without a target. */
export function attainmentPct(creditedMinor: number, targetMinor: number): number {
  if (targetMinor <= 0) return 0;
  return mulDivRound(creditedMinor, 10_000, targetMinor) / 100;
}

/** Where each tier starts, in minor units of credited amount, for a positive target. */
export function tierStarts(tiers: readonly Tier[], targetMinor: number): number[] {
  return tiers.map((t) => thresholdMinor(targetMinor, t.fromPct));
}

/** Index of the tier an amount falls in: the last tier starting at or below it. */
export function tierIndexAt(starts: readonly number[], creditedMinor: number): number {
  let index = 0;
  for (let i = 0; i < starts.length; i += 1) if ((starts[i] as number) <= creditedMinor) index = i;
  return index;
}

/** Index of the tier containing 100%: the on-target rate, used when there is no target to measure against. */
export function onTargetTierIndex(tiers: readonly Tier[]): number {
  let index = 0;
  tiers.forEach((t, i) => {
    if (t.fromPct <= 100) index = i;
  });
  return index;
}

/** One piece of a deal's credited amount lying in one tier. */
export interface TierSlice {
  tier: number;
  /** Cumulative credited amount before and after the slice. */
  fromMinor: number;
  toMinor: number;
}

/**
 * Cuts the credited range [fromMinor, toMinor) at tier starts: one slice per tier it touches (a deal crossing
 * a boundary gives two). A zero-amount deal gives one empty slice in the tier it sits in. A negative amount
 * (a credit note) walks down through the same tiers and gives negative slices.
 */
export function sliceAtTiers(starts: readonly number[], fromMinor: number, toMinor: number): TierSlice[] {
  if (fromMinor === toMinor) return [{ tier: tierIndexAt(starts, fromMinor), fromMinor, toMinor }];
  const low = Math.min(fromMinor, toMinor);
  const high = Math.max(fromMinor, toMinor);
  const slices: TierSlice[] = [];
  for (let i = 0; i < starts.length; i += 1) {
    const start = i === 0 ? -Infinity : (starts[i] as number);
    const end = i + 1 < starts.length ? (starts[i + 1] as number) : Infinity;
    const a = Math.max(low, start);
    const b = Math.min(high, end);
    if (b > a) slices.push({ tier: i, fromMinor: a, toMinor: b });
  }
  if (toMinor < fromMinor) {
    return slices.reverse().map((s) => ({ tier: s.tier, fromMinor: s.toMinor, toMinor: s.fromMinor }));
  }
  return slices;
}

/** "tier 2: 50% to 100%" / "tier 3: from 100%", with "decelerator" for a 0% tier below a paying one. */
export function describeTier(tiers: readonly Tier[], index: number): string {
  const tier = tiers[index] as Tier;
  const next = tiers[index + 1];
  const range = next
    ? `${formatPct(tier.fromPct)} to ${formatPct(next.fromPct)}`
    : `from ${formatPct(tier.fromPct)}`;
  const decelerator = tier.rateBp === 0 && tiers.slice(index + 1).some((t) => t.rateBp > 0);
  return `tier ${index + 1}: ${range} of target${decelerator ? ', decelerator' : ''}`;
}
