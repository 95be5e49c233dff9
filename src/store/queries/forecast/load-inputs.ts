import { localDateToInstant, instantToLocal } from '../../../domain/calendar/zoned.ts';
import type { Period } from '../../../domain/calendar/period.ts';
import type { ForecastInputs } from '../../../domain/forecast/inputs.ts';
import { daysBetween } from '../../../domain/calendar/local-date.ts';
import { SEASON_SHIFT_DAYS } from '../../../domain/forecast/new-pipeline.ts';
import { RUN_RATE_SEASON_SHIFT_DAYS } from '../../../domain/forecast/run-rate-season.ts';
import { getSettings } from '../../tables/settings.ts';
import { learnedPipelineIds } from '../pipelines/probability-sources.ts';
import type { Db } from '../../db.ts';
import { getBusinessCalendar } from '../../tables/calendar.ts';
import type { BusinessCalendar } from '../../../domain/calendar/business-time.ts';
import type { WonTotals } from '../../../domain/forecast/inputs.ts';
import { createdDealsBeforeMany } from './created-deals.ts';
import { stageDurationsBeforeMany, stageOutcomesBeforeMany } from './stage-outcomes.ts';
import { stageWinTimingMany } from './stage-win-timing.ts';
import { slipHistogramBeforeMany } from './close-slippage.ts';
import { cycleStatsBeforeMany } from './cycle-stats.ts';
import { latestCalls } from './forecast-calls.ts';
import { openDealsAtMany } from './open-deals-at.ts';
import { wonByOwnerMany } from './won-by-owner.ts';

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
  const [inputs] = await loadForecastInputsMany(db, o, [{ period: o.period, asOf: o.asOf }]);
  return inputs as ForecastInputs;
}

/**
 * loadForecastInputs at several instants (a backtest's checkpoints, each with its period) with one query per
 * input for all of them, set-based over the checkpoints, instead of one round of queries per checkpoint.
 * Element i is what loadForecastInputs returns for `points[i]`.
 */
export async function loadForecastInputsMany(
  db: Db,
  o: Omit<LoadInputsOptions, 'period' | 'asOf'>,
  points: readonly { period: Period; asOf: Date }[],
): Promise<ForecastInputs[]> {
  const lookbackDays = o.lookbackDays ?? DEFAULT_LOOKBACK_DAYS;
  const windows = points.map((p) => ({
    ...p,
    periodStart: localDateToInstant(p.period.start, o.timeZone),
    lookbackStart: new Date(p.asOf.getTime() - lookbackDays * DAY_MS),
    priorStart: new Date(p.asOf.getTime() - 2 * lookbackDays * DAY_MS),
    // The new-pipeline model looks back its look-back plus the period's length, a year ago too (the season).
    createdFrom: new Date(
      p.asOf.getTime() -
        (SEASON_SHIFT_DAYS + lookbackDays + daysBetween(p.period.start, p.period.end) + 7) * DAY_MS,
    ),
    periodEnd: localDateToInstant(p.period.end, o.timeZone),
  }));
  // The run-rate's season: the same days a year ago, and the look-back a year ago.
  const yearAgo = (d: Date) => new Date(d.getTime() - RUN_RATE_SEASON_SHIFT_DAYS * DAY_MS);
  const ats = points.map((p) => p.asOf);
  // One calendar per distinct span of years (the same for most checkpoints).
  const calendars = new Map<string, ReturnType<typeof getBusinessCalendar>>();
  const calendarFor = (from: Date, asOf: Date) => {
    const key = `${from.getUTCFullYear() - 1}:${asOf.getUTCFullYear() + 2}`;
    let cal = calendars.get(key);
    if (!cal) {
      cal = getBusinessCalendar(db, from.getUTCFullYear() - 1, asOf.getUTCFullYear() + 2);
      calendars.set(key, cal);
    }
    return cal;
  };
  const [
    deals,
    won,
    reps,
    users,
    cycleStats,
    slips,
    calls,
    created,
    calendar,
    stageOutcomes,
    learnedPipelines,
    settings,
    stageTimings,
    stageDurations,
  ] = await Promise.all([
    openDealsAtMany(db, ats, o.now, o.timeZone),
    // Per checkpoint: won to date in the period, in the look-back, in the look-back before that, and a year
    // ago over the days still ahead and over the look-back (the run-rate's season).
    wonByOwnerMany(
      db,
      windows.flatMap((w) => {
        const remainingFrom = w.asOf.getTime() > w.periodStart.getTime() ? w.asOf : w.periodStart;
        return [
          { from: w.periodStart, to: w.asOf },
          { from: w.lookbackStart, to: w.asOf },
          { from: w.priorStart, to: w.lookbackStart },
          { from: yearAgo(remainingFrom), to: yearAgo(w.periodEnd) },
          { from: yearAgo(w.lookbackStart), to: yearAgo(w.asOf) },
        ];
      }),
    ),
    db
      .selectFrom('users')
      .select(['id', 'hire_date', 'ramp_months'])
      .where('role', '=', 'rep')
      .where('active', '=', true)
      .execute(),
    db.selectFrom('users').select('id').orderBy('id').execute(),
    cycleStatsBeforeMany(db, ats),
    slipHistogramBeforeMany(db, ats, o.timeZone),
    Promise.all(points.map((p) => latestCalls(db, p.period.key, p.asOf))),
    createdDealsBeforeMany(
      db,
      windows.map((w) => ({ from: w.createdFrom, at: w.asOf })),
      o.timeZone,
    ),
    Promise.all(windows.map((w) => calendarFor(w.createdFrom, w.asOf))),
    stageOutcomesBeforeMany(db, ats),
    learnedPipelineIds(db),
    getSettings(db),
    stageWinTimingMany(db, ats),
    stageDurationsBeforeMany(db, ats),
  ]);
  return windows.map((w, i) => {
    const empty = () => new Map<string, WonTotals>();
    const wonToDate = won[5 * i] ?? empty();
    const lookback = won[5 * i + 1] ?? empty();
    const prior = won[5 * i + 2] ?? empty();
    const priorByOwner = new Map<string, number>();
    for (const [k, v] of prior) priorByOwner.set(k, v.amount);
    const wonToDateByOwner = new Map<string, number>();
    for (const [k, v] of wonToDate) wonToDateByOwner.set(k, v.amount);
    const asOfDate = instantToLocal(w.asOf, o.timeZone).date;
    return {
      window: { start: w.period.start, end: w.period.end, asOfDate },
      deals: deals[i] ?? [],
      wonToDateByOwner,
      lookbackDays,
      lookbackWonByOwner: lookback,
      priorWonByOwner: priorByOwner,
      reps: reps
        .filter((r) => r.hire_date === null || r.hire_date <= asOfDate)
        .map((r) => ({ id: r.id, hireDate: r.hire_date, rampMonths: Number(r.ramp_months) })),
      cycleStats: cycleStats[i] ?? new Map(),
      slips: slips[i] ?? { days: [], counts: [] },
      calls: calls[i] ?? new Map(),
      created: {
        ...(created[i] ?? { deals: [], firstDate: null }),
        calendar: calendar[i] as BusinessCalendar,
      },
      stageOutcomes: stageOutcomes[i] ?? [],
      stageTimings: stageTimings[i] ?? [],
      stageDurations: stageDurations[i] ?? [],
      userIds: users.map((u) => u.id),
      learnedPipelines,
      plannedGrowthPct: settings.plannedGrowthPct,
      lastYearWon: {
        remainingByOwner: won[5 * i + 3] ?? empty(),
        lookbackByOwner: won[5 * i + 4] ?? empty(),
      },
    };
  });
}

/** Revenue actually won in each whole period, by owner key (the backtest's truth); element i answers `periods[i]`. */
export async function actualWonByOwnerMany(
  db: Db,
  periods: readonly Period[],
  timeZone: string,
): Promise<Map<string, number>[]> {
  const won = await wonByOwnerMany(
    db,
    periods.map((p) => ({
      from: localDateToInstant(p.start, timeZone),
      to: localDateToInstant(p.end, timeZone),
    })),
  );
  return won.map((byOwner) => {
    const out = new Map<string, number>();
    for (const [k, v] of byOwner) out.set(k, v.amount);
    return out;
  });
}
