import { localDateToInstant, instantToLocal } from '../../../domain/calendar/zoned.ts';
import type { Period } from '../../../domain/calendar/period.ts';
import type { ForecastInputs } from '../../../domain/forecast/inputs.ts';
import { daysBetween } from '../../../domain/calendar/local-date.ts';
import { SEASON_SHIFT_DAYS } from '../../../domain/forecast/new-pipeline.ts';
import { RUN_RATE_SEASON_SHIFT_DAYS } from '../../../domain/forecast/run-rate-season.ts';
import { getSettings } from '../../tables/settings.ts';
import type { Db } from '../../db.ts';
import { getBusinessCalendar } from '../../tables/calendar.ts';
import { learnedPipelineIds } from '../pipelines/probability-sources.ts';
import { createdDealsBefore } from './created-deals.ts';
import { stageOutcomesBefore } from './stage-outcomes.ts';
import { slipHistogramBefore } from './close-slippage.ts';
import { cycleStatsBefore } from './cycle-stats.ts';
import { latestCalls } from './forecast-calls.ts';
import { openDealsAt } from './open-deals-at.ts';
import { wonByOwner } from './won-by-owner.ts';

/** Default run-rate look-back. */
export const DEFAULT_LOOKBACK_DAYS = 90;

const DAY_MS = 86_400_000;

export interface LoadInputsOptions {
  period: Period;
  /** The instant the forecast is made at (now, or a past checkpoint in a backtest). */
  asOf: Date;
  /** The real present: decides whether the pipeline is read as it is or rebuilt from history. */
  now: Date;
  timeZone: string;
  lookbackDays?: number;
}

/**
 * Loads, company-wide, everything the methods need at `asOf`, using only data known then: the open pipeline at
 * that instant, wins before it, cycle and slippage history before it, calls made before it.
 */
export async function loadForecastInputs(db: Db, o: LoadInputsOptions): Promise<ForecastInputs> {
  const lookbackDays = o.lookbackDays ?? DEFAULT_LOOKBACK_DAYS;
  const periodStart = localDateToInstant(o.period.start, o.timeZone);
  const lookbackStart = new Date(o.asOf.getTime() - lookbackDays * DAY_MS);
  const priorStart = new Date(o.asOf.getTime() - 2 * lookbackDays * DAY_MS);
  // The new-pipeline model looks back its look-back plus the period's length, a year ago too (the season).
  const createdFrom = new Date(
    o.asOf.getTime() -
      (SEASON_SHIFT_DAYS + lookbackDays + daysBetween(o.period.start, o.period.end) + 7) * DAY_MS,
  );
  // The run-rate's season: the same days a year ago, and the look-back a year ago.
  const yearAgo = (d: Date) => new Date(d.getTime() - RUN_RATE_SEASON_SHIFT_DAYS * DAY_MS);
  const periodEnd = localDateToInstant(o.period.end, o.timeZone);
  const remainingFrom = o.asOf.getTime() > periodStart.getTime() ? o.asOf : periodStart;
  const [
    deals,
    wonToDate,
    lookback,
    prior,
    reps,
    users,
    cycleStats,
    slips,
    calls,
    created,
    calendar,
    stageOutcomes,
    learnedPipelines,
    lastYearRemaining,
    lastYearLookback,
    settings,
  ] = await Promise.all([
    openDealsAt(db, o.asOf, o.now, o.timeZone),
    wonByOwner(db, periodStart, o.asOf),
    wonByOwner(db, lookbackStart, o.asOf),
    wonByOwner(db, priorStart, lookbackStart),
    db
      .selectFrom('users')
      .select(['id', 'hire_date', 'ramp_months'])
      .where('role', '=', 'rep')
      .where('active', '=', true)
      .execute(),
    db.selectFrom('users').select('id').orderBy('id').execute(),
    cycleStatsBefore(db, o.asOf),
    slipHistogramBefore(db, o.asOf, o.timeZone),
    latestCalls(db, o.period.key, o.asOf),
    createdDealsBefore(db, createdFrom, o.asOf, o.timeZone),
    getBusinessCalendar(db, createdFrom.getUTCFullYear() - 1, o.asOf.getUTCFullYear() + 2),
    stageOutcomesBefore(db, o.asOf),
    learnedPipelineIds(db),
    wonByOwner(db, yearAgo(remainingFrom), yearAgo(periodEnd)),
    wonByOwner(db, yearAgo(lookbackStart), yearAgo(o.asOf)),
    getSettings(db),
  ]);
  const priorByOwner = new Map<string, number>();
  for (const [k, v] of prior) priorByOwner.set(k, v.amount);
  const wonToDateByOwner = new Map<string, number>();
  for (const [k, v] of wonToDate) wonToDateByOwner.set(k, v.amount);
  return {
    window: { start: o.period.start, end: o.period.end, asOfDate: instantToLocal(o.asOf, o.timeZone).date },
    deals,
    wonToDateByOwner,
    lookbackDays,
    lookbackWonByOwner: lookback,
    priorWonByOwner: priorByOwner,
    reps: reps
      .filter((r) => r.hire_date === null || r.hire_date <= instantToLocal(o.asOf, o.timeZone).date)
      .map((r) => ({ id: r.id, hireDate: r.hire_date, rampMonths: Number(r.ramp_months) })),
    userIds: users.map((u) => u.id),
    cycleStats,
    slips,
    calls,
    created: { ...created, calendar },
    stageOutcomes,
    learnedPipelines,
    plannedGrowthPct: settings.plannedGrowthPct,
    lastYearWon: { remainingByOwner: lastYearRemaining, lookbackByOwner: lastYearLookback },
  };
}

/** Revenue actually won in the whole period, by owner key (the backtest's truth). */
export async function actualWonByOwner(
  db: Db,
  period: Period,
  timeZone: string,
): Promise<Map<string, number>> {
  const won = await wonByOwner(
    db,
    localDateToInstant(period.start, timeZone),
    localDateToInstant(period.end, timeZone),
  );
  const out = new Map<string, number>();
  for (const [k, v] of won) out.set(k, v.amount);
  return out;
}
