import { daysBetween } from '../calendar/local-date.ts';
import { dealsInWindow } from './deal-window.ts';
import type { ForecastDeal, ForecastWindow, MethodResult } from './types.ts';

/** Cycle lengths (created to won, days) of won deals like this one: same pipeline and type. */
export interface CycleStats {
  medianDays: number;
  p90Days: number;
  samples: number;
}

/** Weight of the stage probability in the blend; the rest goes to the age probability. */
export const STAGE_WEIGHT = 0.5;

/**
 * Probability from age alone. Up to the typical (median) cycle it is the share of the cycle already behind the
 * deal (the brief: two months into a four-month cycle = 50%); between the median and the 90th percentile the deal
 * is as ripe as deals get (1); past the 90th percentile it goes stale, falling linearly to 0 at twice the P90.
 */
export function ageProbability(ageDays: number, stats: CycleStats): number {
  if (stats.medianDays <= 0) return 1;
  const age = Math.max(0, ageDays);
  if (age <= stats.medianDays) return age / stats.medianDays;
  const p90 = Math.max(stats.p90Days, stats.medianDays);
  if (age <= p90) return 1;
  return Math.max(0, 1 - (age - p90) / p90);
}

/** How cycle-age turns a deal's age into a probability: the brief's ratio alone, or blended with the stage's. */
export const CYCLE_AGE_MODES = ['blend', 'age'] as const;
export type CycleAgeMode = (typeof CYCLE_AGE_MODES)[number];

/**
 * The brief's definition: age / typical (median) cycle of similar deals, capped at 1, so two months into a
 * four-month cycle is exactly 50%, and a deal older than the typical cycle counts in full.
 */
export function ageRatioProbability(ageDays: number, stats: CycleStats): number {
  if (stats.medianDays <= 0) return 1;
  return Math.min(1, Math.max(0, ageDays) / stats.medianDays);
}

/** The cycle-age probability of a deal: STAGE_WEIGHT x stage probability + (1 - STAGE_WEIGHT) x age probability. */
export function blendedProbability(stageProbability: number, ageProb: number): number {
  return STAGE_WEIGHT * stageProbability + (1 - STAGE_WEIGHT) * ageProb;
}

/**
 * Cycle-age forecast: won to date + sum of amount x blended probability over deals closing in the period. Deals
 * without enough history of similar deals (statsFor returns null) keep their stage probability.
 */
export function cycleAgeForecast(
  deals: readonly ForecastDeal[],
  window: ForecastWindow,
  statsFor: (deal: ForecastDeal) => CycleStats | null,
  wonToDate: number,
  mode: CycleAgeMode = 'blend',
  /**
   * The share of the deal's eventual chance that lands before the period ends (stage-timing.ts), applied to the
   * age probability as the caller's within-period stage probability already has it; 1 when absent.
   */
  timingOf: (deal: ForecastDeal) => number = () => 1,
): MethodResult {
  let projected = 0;
  let withoutHistory = 0;
  const inPeriod = dealsInWindow(deals, window);
  for (const d of inPeriod) {
    const stats = statsFor(d);
    if (stats === null) {
      withoutHistory += 1;
      projected += d.amount * d.probability;
      continue;
    }
    const age = daysBetween(d.createdDate, window.asOfDate);
    projected +=
      d.amount *
      (mode === 'age'
        ? ageRatioProbability(age, stats) * timingOf(d)
        : blendedProbability(d.probability, ageProbability(age, stats) * timingOf(d)));
  }
  projected = Math.round(projected);
  return {
    method: 'cycle_age',
    value: wonToDate + projected,
    wonToDate,
    projected,
    low: null,
    high: null,
    inPipeline: null,
    toBeCreated: null,
    breakdown: { deals: inPeriod.length, dealsWithoutHistory: withoutHistory, mode },
  };
}
