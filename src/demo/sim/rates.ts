import { dayDiff } from '../dates.ts';
import type { RepProfile } from '../org.ts';
import type { SimContext } from './context.ts';

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}

/**
 * How far a rep's trend has carried them on `date`: improving reps go from 0.65 to 1.35 over the window,
 * declining reps the other way, steady reps stay at 1. Applies to booking and winning; volume moves less.
 */
export function trendFactor(ctx: SimContext, rep: RepProfile, date: string): number {
  const t = clamp(dayDiff(ctx.start, date) / Math.max(1, dayDiff(ctx.start, ctx.until)), 0, 1);
  switch (rep.trend) {
    case 'improving':
      return 0.65 + 0.7 * t;
    case 'declining':
      return 1.35 - 0.7 * t;
    case 'steady':
      return 1;
  }
}

/** Ramp of a new hire: 0 before the hire date, from 25% in the first days to 100% after `rampMonths`. */
export function rampFactor(rep: RepProfile, date: string): number {
  const days = dayDiff(rep.hireDate, date);
  if (days < 0) return 0;
  return Math.min(1, 0.25 + (0.75 * days) / (30.4 * rep.rampMonths));
}

/**
 * Seasonality of effort: quieter December and August, slower July and January, and a push in the last ten
 * days of each fiscal quarter.
 */
export function seasonFactor(ctx: SimContext, date: string): number {
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  const monthFactor = month === 12 ? 0.72 : month === 8 ? 0.78 : month === 7 || month === 1 ? 0.92 : 1;
  // The fiscal quarter's last month is the one before a quarter start month.
  const isQuarterEndMonth = (month - ctx.fiscalYearStartMonth + 13) % 3 === 0;
  return monthFactor * (isQuarterEndMonth && day >= 20 ? 1.1 : 1);
}

/** Touches a rep aims for on a business day (calls, e-mails, LinkedIn, meetings): about 36 for an average rep. */
export function dailyTouchTarget(ctx: SimContext, rep: RepProfile, date: string): number {
  const ramp = rampFactor(rep, date);
  if (ramp === 0) return 0;
  const trend = 1 + 0.3 * (trendFactor(ctx, rep, date) - 1);
  const noise = 1 + 0.08 * ctx.rnd.normal();
  return Math.max(
    0,
    Math.round(36 * rep.volume * seasonFactor(ctx, date) * (0.5 + 0.5 * ramp) * trend * noise),
  );
}

/** Multiplier on the chance that a prospect touch books a meeting. */
export function bookingFactor(ctx: SimContext, rep: RepProfile, date: string): number {
  return (0.5 + rep.skill) * trendFactor(ctx, rep, date) * (0.6 + 0.4 * rampFactor(rep, date));
}

/** Probability that an opportunity created on `date` is eventually won. */
export function winRate(ctx: SimContext, rep: RepProfile, date: string): number {
  const ramp = Math.max(rampFactor(rep, date), 0.25);
  return clamp((0.12 + 0.34 * rep.skill) * trendFactor(ctx, rep, date) * (0.6 + 0.4 * ramp), 0.04, 0.65);
}

/** A new-business deal size in minor units: log-normal around $12,000, rounded to $100. */
export function newBusinessAmount(ctx: SimContext): number {
  const dollars = 12_000 * Math.exp(0.55 * ctx.rnd.normal());
  return Math.max(1_000, Math.round(dollars / 100) * 100) * 100;
}

/** A sales cycle in days: 30-120, most around two months. */
export function cycleDays(ctx: SimContext): number {
  return Math.round(clamp(58 * Math.exp(0.35 * ctx.rnd.normal()), 30, 120));
}
