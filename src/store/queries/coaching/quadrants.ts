import { canSeeOwner, type Viewer } from '../../../domain/access/viewer.ts';
import {
  placeReps,
  type QuadrantPlacement,
  type Quadrant,
  type QuadrantThresholds,
  type TrendBasis,
} from '../../../domain/coaching/quadrants.ts';
import { currentPeriod } from '../../../domain/calendar/current-period.ts';
import {
  customPeriod,
  parsePeriod,
  periodContaining,
  previousPeriod,
  type Grain,
  type Period,
  type PeriodCalendar,
} from '../../../domain/calendar/period.ts';
import { addDays } from '../../../domain/calendar/local-date.ts';
import { AppError } from '../../../errors.ts';
import type { Db } from '../../db.ts';
import { getQuadrantThresholds } from '../../tables/quadrant-settings.ts';
import { getSettings } from '../../tables/settings.ts';
import { peerFiguresShown } from '../../../domain/coaching/peer-privacy.ts';
import { checkRepVisible } from './common.ts';
import { scorePopulation } from './population.ts';

export type QuadrantBasis = 'results' | 'activity';
export type QuadrantGrain = Extract<Grain, 'week' | 'month' | 'quarter'>;

export interface QuadrantsRequest {
  /** Periods in the trend window (N). */
  periods: number;
  grain: QuadrantGrain;
  /** The last period of the window (any key inside it); default the last complete period. */
  periodKey?: string;
  /** How many windows back the group history goes (1 = the current window only). */
  history: number;
  basis: QuadrantBasis;
  /** Trend of the score itself or of its gap to the peers' median (default relative). */
  trend?: TrendBasis;
  teamId?: number;
  userId?: number;
  now?: Date;
}

export interface RepQuadrant {
  userId: number;
  name: string;
  teamId: number | null;
  level: number | null;
  levelPercentile: number | null;
  slope: number | null;
  periodsWithScore: number;
  quadrant: Quadrant | null;
  /** The score of each period of the whole range (history windows included), oldest first. */
  scores: { period: string; score: number | null }[];
  /** The group at the end of each history window, oldest first; the last is `quadrant`. */
  history: { period: string; quadrant: Quadrant | null }[];
}

export interface QuadrantsReport {
  grain: QuadrantGrain;
  periods: number;
  basis: QuadrantBasis;
  trend: TrendBasis;
  thresholds: QuadrantThresholds;
  /** The keys of the current window's periods. */
  window: string[];
  peers: number;
  reps: RepQuadrant[];
}

/**
 * Places reps in the four groups (src/domain/coaching/quadrants.ts) on their results (or activity) score per
 * period: level = mean over the last N periods as a percentile of the peers, trend = Theil-Sen slope. The history
 * repeats the placement for windows ending 1, 2, ... periods earlier. Peers are counted with the system viewer
 * (percentiles need them); only the reps the viewer may see are returned.
 */
export async function repQuadrants(db: Db, viewer: Viewer, req: QuadrantsRequest): Promise<QuadrantsReport> {
  checkRepVisible(viewer, req.userId);
  const bad = [];
  if (!Number.isInteger(req.periods) || req.periods < 2 || req.periods > 24)
    bad.push({ field: 'periods', value: String(req.periods), reason: 'must be a whole number from 2 to 24' });
  if (!Number.isInteger(req.history) || req.history < 1 || req.history > 24)
    bad.push({ field: 'history', value: String(req.history), reason: 'must be a whole number from 1 to 24' });
  if (bad.length > 0) throw new AppError('validation', 'Invalid quadrant request', bad);
  const settings = await getSettings(db);
  const periodCal: PeriodCalendar = settings;
  const thresholds = await getQuadrantThresholds(db);
  let last: Period;
  if (req.periodKey) {
    const p = parsePeriod(req.periodKey, periodCal);
    last = periodContaining(addDays(p.end, -1), req.grain, periodCal);
  } else {
    last = previousPeriod(currentPeriod(req.now ?? new Date(), req.grain, settings), periodCal);
  }
  let first = last;
  for (let i = 1; i < req.periods + req.history - 1; i += 1) first = previousPeriod(first, periodCal);
  const range = customPeriod(first.start, addDays(last.end, -1));
  const pop = await scorePopulation(db, range, req.grain, periodCal, req.teamId, req.now);
  const keys = pop.buckets.map((b) => b.key as string);
  const scoreOf = (b: { activityScore: number | null; resultsScore: number | null }) =>
    req.basis === 'activity' ? b.activityScore : b.resultsScore;
  const series = pop.reps.map((r) => ({ userId: r.rep.userId, scores: r.buckets.map(scoreOf) }));
  // One placement per history window, oldest first; the last window is the current one.
  const windows: { period: string; byRep: Map<number, QuadrantPlacement> }[] = [];
  for (let h = 0; h < req.history; h += 1) {
    const from = keys.length - req.periods - (req.history - 1 - h);
    const placed = placeReps(
      series.map((s) => ({ userId: s.userId, scores: s.scores.slice(from, from + req.periods) })),
      thresholds,
      req.trend ?? 'relative',
    );
    windows.push({ period: keys[from + req.periods - 1]!, byRep: new Map(placed.map((p) => [p.userId, p])) });
  }
  const current = windows[windows.length - 1]!;
  // Below MIN_HIDDEN_PEERS hidden peers the level percentile would rank the rep against named colleagues; the
  // group (top or not) is kept.
  const shown = peerFiguresShown(
    viewer,
    pop.reps.map((r) => r.rep.userId),
  );
  const reps = pop.reps
    .filter((r) => canSeeOwner(viewer, r.rep.userId))
    .filter((r) => req.userId === undefined || r.rep.userId === req.userId)
    .map((r): RepQuadrant => {
      const p = current.byRep.get(r.rep.userId)!;
      return {
        userId: r.rep.userId,
        name: r.rep.name,
        teamId: r.rep.teamId,
        level: p.level,
        levelPercentile: shown ? p.levelPercentile : null,
        slope: p.slope,
        periodsWithScore: p.periodsWithScore,
        quadrant: p.quadrant,
        scores: r.buckets.map((b, i) => ({ period: keys[i]!, score: scoreOf(b) })),
        history: windows.map((w) => ({
          period: w.period,
          quadrant: w.byRep.get(r.rep.userId)?.quadrant ?? null,
        })),
      };
    });
  return {
    grain: req.grain,
    periods: req.periods,
    basis: req.basis,
    trend: req.trend ?? 'relative',
    thresholds,
    window: keys.slice(keys.length - req.periods),
    peers: pop.reps.length,
    reps,
  };
}
