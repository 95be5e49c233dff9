import { SYSTEM_VIEWER, type Viewer } from '../../../domain/access/viewer.ts';
import { addDays } from '../../../domain/calendar/local-date.ts';
import { parsePeriod, previousPeriod, type Period } from '../../../domain/calendar/period.ts';
import { isPublishedBoard } from '../../../domain/leaderboard/published.ts';
import { competitionRank, movement, type Better } from '../../../domain/leaderboard/rank.ts';
import { weightedScores, type ScoreComponent } from '../../../domain/leaderboard/weighted-score.ts';
import { getMetric } from '../../../domain/metrics/registry.ts';
import type { MetricRow } from '../../../domain/metrics/query.ts';
import { AppError, type ErrorDetail } from '../../../errors.ts';
import type { Db } from '../../db.ts';
import { getSettings } from '../../tables/settings.ts';
import { runMetrics } from '../metrics/run-metrics.ts';

/** Rank reps (or teams) on one metric, or on a weighted score of several. */
export interface LeaderboardRequest {
  periodKey: string;
  board: 'reps' | 'teams';
  /** Rank on this metric... */
  metricId?: string;
  /** ...or on a weighted score: metric id -> weight (> 0). */
  weights?: Record<string, number>;
  /** Restrict a reps board to these teams. */
  teamIds?: number[];
  now?: Date;
}

/** One line of a board. */
export interface LeaderboardLine {
  rank: number | null;
  id: number;
  name: string;
  /** The ranked value: the metric's value, or the 0-100 score. */
  value: number | null;
  /** Each metric's value (one entry for single-metric boards). */
  values: Record<string, number | null>;
  previousRank: number | null;
  previousValue: number | null;
  /** Places gained since the previous period (negative = dropped). */
  movement: number | null;
}

/** A board for a period, with the previous period it is compared with. */
export interface Leaderboard {
  board: 'reps' | 'teams';
  period: Period;
  previousPeriod: Period;
  /** The metric ranked on, or 'score' for a weighted board. */
  rankedOn: string;
  better: Better;
  components: ScoreComponent[];
  /**
   * True when every metric of the board is published (settings.leaderboardMetrics): the board holds everyone.
   * False: it holds only what /api/metrics shows the viewer (a rep: their own line; ranks are among those lines).
   */
  published: boolean;
  lines: LeaderboardLine[];
}

/** Checks the metric / weights parameters; throws a validation AppError naming every bad one. */
function components(req: LeaderboardRequest): ScoreComponent[] {
  const spec = req.weights ?? (req.metricId ? { [req.metricId]: 1 } : null);
  if (!spec || Object.keys(spec).length === 0) {
    throw new AppError('validation', 'Give a metric or weights', [
      { field: 'metric', reason: 'required', rule: 'required' },
    ]);
  }
  const errors: ErrorDetail[] = [];
  const out: ScoreComponent[] = [];
  for (const [metricId, weight] of Object.entries(spec)) {
    const def = getMetric(metricId);
    if (!def)
      errors.push({ field: 'metric', value: metricId, reason: 'no metric with this id', rule: 'not_found' });
    else if (def.pay)
      errors.push({ field: 'metric', value: metricId, reason: 'pay is private: it is never ranked' });
    else if (!Number.isFinite(weight) || weight <= 0)
      errors.push({ field: 'weights', value: `${metricId}:${weight}`, reason: 'weights must be > 0' });
    else out.push({ metricId, weight, better: def.direction });
  }
  if (errors.length > 0) throw new AppError('validation', 'Invalid leaderboard', errors);
  return out;
}

/** Values per competitor for one period, straight from runMetrics. */
async function valuesFor(
  db: Db,
  viewer: Viewer,
  req: LeaderboardRequest,
  comps: readonly ScoreComponent[],
  period: Period,
  now: Date | undefined,
): Promise<MetricRow[]> {
  const rows = await runMetrics(
    db,
    viewer,
    {
      metricIds: comps.map((c) => c.metricId),
      from: period.start,
      to: addDays(period.end, -1),
      groupBy: req.board === 'reps' ? 'rep' : 'team',
      filters: req.teamIds && req.teamIds.length > 0 ? { teamIds: req.teamIds } : {},
    },
    { now },
  );
  return rows.filter((r) => r.groupId !== null);
}

/** Ranks rows on one metric or on the weighted score. */
function rank(rows: readonly MetricRow[], comps: readonly ScoreComponent[], weighted: boolean) {
  const values = new Map(
    rows.map((r) => [
      r.groupId as number,
      Object.fromEntries(comps.map((c) => [c.metricId, r.values[c.metricId]?.value ?? null])),
    ]),
  );
  const scores = weighted ? weightedScores(values, comps) : null;
  const ranked = competitionRank(
    rows.map((r) => ({
      id: r.groupId as number,
      name: r.groupName,
      value: scores
        ? (scores.get(r.groupId as number) ?? null)
        : (values.get(r.groupId as number)?.[comps[0]!.metricId] ?? null),
    })),
    weighted ? 'higher' : comps[0]!.better,
  );
  return { ranked, values };
}

/**
 * A leaderboard for the period: competition ranking (1, 2, 2, 4), direction-aware (lower response time ranks
 * first), with rank and value in the previous period of the same length and the movement between them.
 *
 * Who is on it: a board whose metrics the workspace publishes (settings.leaderboardMetrics) is shared by design
 * (competition is the point), so its values come from runMetrics with the system viewer. Any other board is
 * computed with the caller's viewer, so it holds exactly the rows GET /api/metrics would give them: a rep only
 * their own line, a manager their subtree, an admin everyone; team boards, like team rows there, are open.
 */
export async function leaderboard(db: Db, viewer: Viewer, req: LeaderboardRequest): Promise<Leaderboard> {
  const comps = components(req);
  const weighted = req.weights !== undefined;
  const settings = await getSettings(db);
  const period = parsePeriod(req.periodKey, settings);
  const prev = previousPeriod(period, settings);
  const published = isPublishedBoard(
    comps.map((c) => c.metricId),
    settings.leaderboardMetrics,
  );
  const valuesViewer = published ? SYSTEM_VIEWER : viewer;
  const [cur, before] = await Promise.all([
    valuesFor(db, valuesViewer, req, comps, period, req.now),
    valuesFor(db, valuesViewer, req, comps, prev, req.now),
  ]);
  const now = rank(cur, comps, weighted);
  const then = rank(before, comps, weighted);
  const prevById = new Map(then.ranked.map((r) => [r.id, r]));
  return {
    board: req.board,
    period,
    previousPeriod: prev,
    rankedOn: weighted ? 'score' : comps[0]!.metricId,
    better: weighted ? 'higher' : comps[0]!.better,
    components: comps,
    published,
    lines: now.ranked.map((r) => {
      const p = prevById.get(r.id);
      return {
        rank: r.rank,
        id: r.id,
        name: r.name,
        value: r.value,
        values: now.values.get(r.id) ?? {},
        previousRank: p?.rank ?? null,
        previousValue: p?.value ?? null,
        movement: movement(r.rank, p?.rank ?? null),
      };
    }),
  };
}
