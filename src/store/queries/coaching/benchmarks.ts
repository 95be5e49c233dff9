import { canSeeOwner, type Viewer } from '../../../domain/access/viewer.ts';
import { median, percentileOf, topQuartile } from '../../../domain/coaching/benchmarks.ts';
import { peerFiguresShown } from '../../../domain/coaching/peer-privacy.ts';
import type { ScoreKind } from '../../../domain/coaching/scorecard.ts';
import { parsePeriod, type Period } from '../../../domain/calendar/period.ts';
import { getMetric } from '../../../domain/metrics/registry.ts';
import type { Db } from '../../db.ts';
import { getSettings } from '../../tables/settings.ts';
import { checkRepVisible } from './common.ts';
import { scorePopulation } from './population.ts';

export interface BenchmarksRequest {
  periodKey: string;
  teamId?: number;
  userId?: number;
  now?: Date;
}

/** The peers' distribution of one value. */
export interface PeerStats {
  median: number | null;
  topQuartile: number | null;
}

/** One KPI of a rep beside their benchmark and the peers. */
export interface RepKpi extends PeerStats {
  metricId: string;
  label: string;
  unit: string;
  kind: ScoreKind;
  weight: number;
  direction: 'higher' | 'lower';
  value: number | null;
  benchmark: number;
  ratio: number | null;
  percentile: number | null;
}

export interface RepBenchmarks {
  userId: number;
  name: string;
  teamId: number | null;
  salesRole: string | null;
  scorecardId: number;
  ramp: number;
  activityScore: number | null;
  activityPercentile: number | null;
  resultsScore: number | null;
  resultsPercentile: number | null;
  kpis: RepKpi[];
}

export interface BenchmarksReport {
  period: Period;
  /** How many reps the medians, quartiles and percentiles are taken over. */
  peers: number;
  activity: PeerStats;
  results: PeerStats;
  reps: RepBenchmarks[];
}

const nums = (xs: (number | null | undefined)[]) => xs.filter((x): x is number => typeof x === 'number');

/**
 * Each rep's KPIs for the period beside their benchmark, the peers' median and top quartile and their percentile
 * among the peers; the same for the activity and results scores. Peers: the reps of the team asked for (with
 * sub-teams), else every rep. Only the reps the viewer may see are listed; the peer figures are aggregates, withheld
 * (null) from a viewer who may not see every peer when there are too few peers to hide each one (peer-privacy.ts).
 */
export async function repBenchmarks(
  db: Db,
  viewer: Viewer,
  req: BenchmarksRequest,
): Promise<BenchmarksReport> {
  checkRepVisible(viewer, req.userId);
  const settings = await getSettings(db);
  const period = parsePeriod(req.periodKey, settings);
  const pop = await scorePopulation(db, period, null, settings, req.teamId, req.now);
  const whole = pop.reps.map((r) => ({ ...r, score: r.buckets[0]! }));
  const shown = peerFiguresShown(
    viewer,
    whole.map((r) => r.rep.userId),
  );
  const valuesOf = (metricId: string) =>
    nums(whole.map((r) => r.score.metrics.find((m) => m.metricId === metricId)?.value));
  const activity = nums(whole.map((r) => r.score.activityScore));
  const results = nums(whole.map((r) => r.score.resultsScore));
  const stats = (xs: number[], dir: 'higher' | 'lower' = 'higher'): PeerStats => ({
    median: shown ? median(xs) : null,
    topQuartile: shown ? topQuartile(xs, dir) : null,
  });
  const pct = (xs: number[], v: number | null, dir: 'higher' | 'lower' = 'higher') =>
    shown ? percentileOf(xs, v, dir) : null;
  const statsCache = new Map<string, { values: number[]; stats: PeerStats }>();
  const peerOf = (metricId: string, dir: 'higher' | 'lower') => {
    let s = statsCache.get(metricId);
    if (!s) {
      const values = valuesOf(metricId);
      statsCache.set(metricId, (s = { values, stats: stats(values, dir) }));
    }
    return s;
  };
  const reps = whole
    .filter((r) => canSeeOwner(viewer, r.rep.userId))
    .filter((r) => req.userId === undefined || r.rep.userId === req.userId)
    .map((r): RepBenchmarks => ({
      userId: r.rep.userId,
      name: r.rep.name,
      teamId: r.rep.teamId,
      salesRole: r.rep.salesRole,
      scorecardId: r.scorecardId,
      ramp: r.score.ramp,
      activityScore: r.score.activityScore,
      activityPercentile: pct(activity, r.score.activityScore),
      resultsScore: r.score.resultsScore,
      resultsPercentile: pct(results, r.score.resultsScore),
      kpis: r.score.metrics.map((m) => {
        const def = getMetric(m.metricId)!;
        const peer = peerOf(m.metricId, def.direction);
        return {
          ...m,
          label: def.label,
          unit: def.unit,
          direction: def.direction,
          ...peer.stats,
          percentile: pct(peer.values, m.value, def.direction),
        };
      }),
    }));
  return { period, peers: whole.length, activity: stats(activity), results: stats(results), reps };
}
