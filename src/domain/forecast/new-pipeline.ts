import { businessDaysInRange, isBusinessDay, type BusinessCalendar } from '../calendar/business-time.ts';
import { addDays, dayNumber, fromDayNumber } from '../calendar/local-date.ts';
import type { ForecastWindow } from './types.ts';

/**
 * Pipeline yet to be created: revenue from deals that do not exist at the as-of instant but will be created and
 * won inside the period. Learned per scope from the deals it created before, with no look-ahead: every number
 * below only uses deals created, and wins dated, before the window's as-of day.
 */

/** A deal as the new-pipeline model learns from it (local dates, money in minor units). */
export interface CreatedDeal {
  ownerKey: string;
  createdDate: string;
  /** Local date it was won; null when lost or open. Wins on or after the as-of day are ignored (not known yet). */
  wonDate: string | null;
  amount: number;
  /**
   * dayNumber(createdDate) and dayNumber(wonDate) (null when wonDate is), when the loader has them: the model reads
   * every deal's days several times per checkpoint, and parsing the dates again each time was a visible part of
   * the track record's cost. Absent, the dates are parsed.
   */
  createdDay?: number;
  wonDay?: number | null;
}

export interface NewPipelineOptions {
  /** Days of creation history the rate and the win curve are learned from. */
  lookbackDays: number;
  /** First day with any deal data: before it nothing was recorded, so it is not counted as a quiet day. */
  firstDate: string | null;
  calendar: BusinessCalendar;
  /** Project the creation rate's trend over the days ahead (default true). */
  trend?: boolean;
  /**
   * The deals the trend is measured on (default: the scope's own). The forecast passes the company's: the growth
   * of the business is measured on all of its deals, and a rep's handful a quarter would swing it by chance.
   */
  trendDeals?: readonly CreatedDeal[];
}

/** The creation trend is capped like the run-rate's: one window against the one before is a noisy witness. */
export const CREATION_TREND_CAP = 0.5;

/** What the scope is expected to create and win before the period ends, and the three numbers behind it. */
export interface NewPipelineEstimate {
  /** Deals created per business day over the look-back. */
  dealsPerBusinessDay: number;
  /** Share of the deals still to be created that is expected to be won inside the period (count-weighted). */
  winShare: number;
  /** Average amount of a deal won within the period's horizon after creation. */
  avgWonDeal: number;
  /**
   * Growth of the creation rate: deals per business day in the look-back against the look-back before it, − 1,
   * capped at ±50%, projected to each day ahead (see creationTrend); null without enough earlier history.
   */
  creationTrend: number | null;
  /** Last year's actual / what this model would have said then, clamped; null without a comparable year. */
  seasonFactor: number | null;
  /** Expected number of deals created after the as-of day and won in the period (season included). */
  expectedDeals: number;
  /** expectedDeals x avgWonDeal, rounded to minor units. */
  value: number;
}

/** A year ago, in whole weeks, so weekdays (and so business days) line up with this year. */
export const SEASON_SHIFT_DAYS = 364;
/** The season factor is kept within these bounds: one year of one scope is a noisy witness. */
export const SEASON_FACTOR_MIN = 0.5;
export const SEASON_FACTOR_MAX = 2;
/** Below this many deals won last year in the comparable window, the season is not trusted. */
export const SEASON_MIN_WON = 5;

interface Known {
  created: number;
  /** Days from creation to win; Infinity when not won before the as-of day. */
  lag: number;
  amount: number;
}

const none: NewPipelineEstimate = {
  dealsPerBusinessDay: 0,
  winShare: 0,
  avgWonDeal: 0,
  creationTrend: null,
  seasonFactor: null,
  expectedDeals: 0,
  value: 0,
};

/**
 * The creation trend: deals created per business day in the look-back [rateFrom, asOf) against the window of the
 * same length before it (only its days with data, at least half a look-back of them), − 1, capped at
 * ±CREATION_TREND_CAP; measured on `o.trendDeals` when given.
 * The growth is spread evenly over the days between the two windows' middles (`span`), so a day ahead gets
 * `(1 + growth) ^ ((day − mid) / span)`, `mid` the middle of the look-back: a business that created 20% more in
 * the last 90 days than in the 90 before is expected to keep growing at that pace through the period. Null (no
 * trend) when the earlier window is too short or empty.
 */
function creationTrend(
  asOf: number,
  rateFrom: number,
  first: number,
  deals: readonly CreatedDeal[],
  o: NewPipelineOptions,
): { growth: number; mid: number; span: number } | null {
  if (o.trend === false) return null;
  const length = asOf - rateFrom;
  const priorTo = rateFrom;
  const priorFrom = Math.max(priorTo - length, first);
  if (priorTo - priorFrom < length / 2) return null;
  const days = businessDaysInRange(fromDayNumber(priorFrom), fromDayNumber(priorTo), o.calendar);
  const lookbackDays = businessDaysInRange(fromDayNumber(rateFrom), fromDayNumber(asOf), o.calendar);
  let created = 0;
  let prior = 0;
  for (const d of o.trendDeals ?? deals) {
    const c = d.createdDay ?? dayNumber(d.createdDate);
    if (c >= rateFrom && c < asOf) created += 1;
    else if (c >= priorFrom && c < priorTo) prior += 1;
  }
  if (days === 0 || lookbackDays === 0 || prior === 0 || created === 0) return null;
  const ratio = created / lookbackDays / (prior / days);
  const growth = Math.min(CREATION_TREND_CAP, Math.max(-CREATION_TREND_CAP, ratio - 1));
  const mid = (rateFrom + asOf) / 2;
  return { growth, mid, span: mid - (priorFrom + priorTo) / 2 };
}

/** The model as of window.asOfDate, without the season: rate x win curve x size. */
function unseasoned(
  deals: readonly CreatedDeal[],
  window: ForecastWindow,
  o: NewPipelineOptions,
): NewPipelineEstimate {
  const asOf = dayNumber(window.asOfDate);
  const from = Math.max(asOf, dayNumber(window.start));
  const end = dayNumber(window.end);
  const first = o.firstDate === null ? asOf : Math.min(asOf, dayNumber(o.firstDate));
  if (from >= end) return none;
  const horizon = end - from;
  const oldest = asOf - o.lookbackDays - horizon;
  const known: Known[] = [];
  for (const d of deals) {
    const created = d.createdDay ?? dayNumber(d.createdDate);
    if (created >= asOf || created < oldest) continue;
    const won = d.wonDate === null ? null : (d.wonDay ?? dayNumber(d.wonDate));
    known.push({ created, lag: won !== null && won < asOf ? won - created : Infinity, amount: d.amount });
  }

  // Rate: deals created per business day in the look-back (only the part of it with data).
  const rateFrom = Math.max(asOf - o.lookbackDays, first);
  const businessDays =
    rateFrom < asOf ? businessDaysInRange(fromDayNumber(rateFrom), window.asOfDate, o.calendar) : 0;
  const createdInLookback = known.filter((k) => k.created >= rateFrom).length;
  const rate = businessDays > 0 ? createdInLookback / businessDays : 0;
  if (rate === 0) return none;
  const trend = creationTrend(asOf, rateFrom, first, deals, o);

  // Win curve w(k): of the deals created in a look-back-long cohort whose first k days are all behind the as-of
  // day, the share won within k days. Past the oldest observable horizon the last observed share stands.
  // The cohort for k is created in [max(asOf - lookback - k, first), asOf - k), so each deal counts for one run
  // of k (and is won in it from k = lag + 1 on): the counts are added up as runs over k, in one pass over the deals
  // instead of one per k (whole counts, so the shares are the same numbers).
  const share = new Array<number>(horizon + 1).fill(0);
  const cohortRuns = new Float64Array(horizon + 2);
  const wonRuns = new Float64Array(horizon + 2);
  for (const d of known) {
    if (d.created < first) continue;
    const kLo = Math.max(1, asOf - o.lookbackDays - d.created);
    const kHi = Math.min(horizon, asOf - d.created - 1);
    if (kLo > kHi) continue;
    cohortRuns[kLo] = (cohortRuns[kLo] as number) + 1;
    cohortRuns[kHi + 1] = (cohortRuns[kHi + 1] as number) - 1;
    const wonFrom = Math.max(kLo, d.lag + 1);
    if (wonFrom <= kHi) {
      wonRuns[wonFrom] = (wonRuns[wonFrom] as number) + 1;
      wonRuns[kHi + 1] = (wonRuns[kHi + 1] as number) - 1;
    }
  }
  let last = 0;
  let n = 0;
  let won = 0;
  for (let k = 1; k <= horizon; k++) {
    n += cohortRuns[k] as number;
    won += wonRuns[k] as number;
    if (n > 0) last = won / n;
    share[k] = last;
  }

  // Size: deals won within the horizon of their creation, created in the look-back plus horizon.
  let wonAmount = 0;
  let wonCount = 0;
  for (const d of known) {
    if (d.lag < horizon && d.created >= first) {
      wonAmount += d.amount;
      wonCount += 1;
    }
  }
  const avgWonDeal = wonCount > 0 ? wonAmount / wonCount : 0;

  // Each business day still to come creates `rate` deals, which have (end - day) days to be won.
  // With a trend, the rate on a day ahead is the look-back's rate grown from the look-back's middle to that day.
  let expectedDeals = 0;
  let untrended = 0;
  let creationDays = 0;
  for (let day = from; day < end; day++) {
    if (!isBusinessDay(fromDayNumber(day), o.calendar)) continue;
    creationDays += 1;
    const won = rate * (share[end - day] as number);
    untrended += won;
    expectedDeals += trend ? won * (1 + trend.growth) ** ((day - trend.mid) / trend.span) : won;
  }
  return {
    dealsPerBusinessDay: rate,
    winShare: creationDays > 0 ? untrended / (rate * creationDays) : 0,
    avgWonDeal,
    creationTrend: trend?.growth ?? null,
    seasonFactor: null,
    expectedDeals,
    value: Math.round(expectedDeals * avgWonDeal),
  };
}

/**
 * The season: what the same model would have said at the same point a year ago against what the scope then really
 * created and won in that period. Needs a full look-back a year ago and a period that ended before the as-of day.
 */
function seasonFactor(
  deals: readonly CreatedDeal[],
  window: ForecastWindow,
  o: NewPipelineOptions,
): number | null {
  const ago: ForecastWindow = {
    start: addDays(window.start, -SEASON_SHIFT_DAYS),
    end: addDays(window.end, -SEASON_SHIFT_DAYS),
    asOfDate: addDays(window.asOfDate, -SEASON_SHIFT_DAYS),
  };
  if (ago.end > window.asOfDate || o.firstDate === null) return null;
  if (o.firstDate > addDays(ago.asOfDate, -o.lookbackDays)) return null;
  const predicted = unseasoned(deals, ago, o).value;
  const from = ago.asOfDate < ago.start ? ago.start : ago.asOfDate;
  let actual = 0;
  let won = 0;
  for (const d of deals) {
    if (d.createdDate < from || d.createdDate >= ago.end) continue;
    if (d.wonDate === null || d.wonDate >= ago.end) continue;
    actual += d.amount;
    won += 1;
  }
  if (predicted <= 0 || won < SEASON_MIN_WON) return null;
  return Math.min(SEASON_FACTOR_MAX, Math.max(SEASON_FACTOR_MIN, actual / predicted));
}

/**
 * Expected revenue from deals created after the as-of day and won before the period ends, for the deals of one
 * scope: sum over the business days left of (deals created per business day) x (share of new deals won within the
 * days left after that day), times the average won deal, times last year's season factor when there is one.
 */
export function newPipelineEstimate(
  deals: readonly CreatedDeal[],
  window: ForecastWindow,
  o: NewPipelineOptions,
): NewPipelineEstimate {
  const base = unseasoned(deals, window, o);
  if (base.value === 0) return base;
  const season = seasonFactor(deals, window, o);
  if (season === null) return base;
  const expectedDeals = base.expectedDeals * season;
  return {
    ...base,
    seasonFactor: season,
    expectedDeals,
    value: Math.round(expectedDeals * base.avgWonDeal),
  };
}
