import { addDays, addMonths, dateParts, daysBetween, ymd } from '../calendar/local-date.ts';
import { rampMonthOf } from '../coaching/scorecard.ts';
import { divRoundBig, toSafeNumber } from './money.ts';

/**
 * Targets of a statement (docs/commissions.md, "Periods, plan changes and ramps"): a segment of the period
 * carries the period target times its share of the period's days, times the person's ramp factor.
 */

/** The ramp factor on one day: 0 before the hire date, k/n in ramp month k of n, 1 from month n on. */
function dailyRamp(hireDate: string, rampMonths: number, date: string): number {
  if (date < hireDate) return 0;
  const k = rampMonthOf(hireDate, date);
  return k >= rampMonths ? 1 : k / rampMonths;
}

/**
 * The share of a full target a person carries over [periodStart, periodEnd): the mean of the period's calendar
 * months' factors, a month's factor being the mean of its days' factors (ramp month k of n carries k/n, the
 * same months as coaching scorecards; days before the hire date carry 0). A month only partly inside the range
 * weighs by the share of it inside. No hire date or no ramp: 1.
 *
 * Hired 2026-07-01 with 3 ramp months: July 1/3, August 2/3, September 1, so Q3 = (1/3 + 2/3 + 1) / 3 = 2/3.
 */
export function rampFactor(args: {
  periodStart: string;
  periodEnd: string;
  hireDate: string | null;
  rampMonths: number;
}): number {
  const { periodStart, periodEnd, hireDate, rampMonths } = args;
  if (!hireDate || rampMonths <= 0 || periodEnd <= periodStart) return 1;
  // Ramp factors never fall, so a range that starts fully ramped is 1 throughout (most people, most periods).
  if (dailyRamp(hireDate, rampMonths, periodStart) === 1) return 1;
  let weighted = 0;
  let weights = 0;
  const first = dateParts(periodStart);
  for (let month = ymd(first.year, first.month, 1); month < periodEnd; month = addMonths(month, 1)) {
    const nextMonth = addMonths(month, 1);
    const from = month < periodStart ? periodStart : month;
    const to = nextMonth > periodEnd ? periodEnd : nextMonth;
    const days = daysBetween(from, to);
    let sum = 0;
    for (let i = 0; i < days; i += 1) sum += dailyRamp(hireDate, rampMonths, addDays(from, i));
    const weight = days / daysBetween(month, nextMonth);
    weighted += (sum / days) * weight;
    weights += weight;
  }
  return weighted / weights;
}

/** Ramp factors are rationals such as 1/3; scaled to twelve decimals they keep targets exact to the cent. */
const RAMP_SCALE = 1_000_000_000_000n;

/**
 * A segment's target: round_half_away_from_zero(period target x segment days / period days x ramp factor).
 * A whole month at ramp 1/3 of a 9,000.00 target: 900,000 x 1/3 = 300,000 (3,000.00).
 */
export function segmentTargetMinor(
  periodTargetMinor: number,
  segmentDays: number,
  periodDays: number,
  rampFactor: number,
): number {
  if (periodDays <= 0) throw new Error('segmentTargetMinor: a period has at least one day');
  const ramp = BigInt(Math.round(rampFactor * Number(RAMP_SCALE)));
  const numerator = BigInt(periodTargetMinor) * BigInt(segmentDays) * ramp;
  return toSafeNumber(divRoundBig(numerator, BigInt(periodDays) * RAMP_SCALE));
}
