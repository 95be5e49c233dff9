import type { Viewer } from '../../../domain/access/viewer.ts';
import { scoreBucket, type BucketScore } from '../../../domain/coaching/rep-score.ts';
import type { Scorecard } from '../../../domain/coaching/scorecard.ts';
import { parsePeriod, type Grain, type Period } from '../../../domain/calendar/period.ts';
import type { Db } from '../../db.ts';
import { getSettings } from '../../tables/settings.ts';
import { listScorecards } from '../../tables/scorecards.ts';
import { runMetrics } from '../metrics/run-metrics.ts';
import { bucketsOf, cardMetricIds, cardOf, checkRepVisible, coachedReps, lastDay } from './common.ts';

export interface ScorecardRequest {
  periodKey: string;
  /** Buckets within the period; null = one bucket for the whole period. */
  grain: Grain | null;
  teamId?: number;
  userId?: number;
  now?: Date;
}

/** One rep's scorecard over the buckets of the period. */
export interface RepScorecard {
  userId: number;
  name: string;
  teamId: number | null;
  salesRole: string | null;
  scorecardId: number;
  buckets: (BucketScore & { period: string | null; start: string; end: string })[];
}

export interface ScorecardReport {
  period: Period;
  grain: Grain | null;
  scorecards: Scorecard[];
  reps: RepScorecard[];
}

/**
 * Activity and results scores per rep and bucket. Values come from runMetrics with the caller's viewer, grouped
 * by rep, so a rep gets their own line, a manager their subtree, an admin everyone; asking for a rep the caller
 * may not see is forbidden.
 */
export async function repScorecards(db: Db, viewer: Viewer, req: ScorecardRequest): Promise<ScorecardReport> {
  checkRepVisible(viewer, req.userId);
  const settings = await getSettings(db);
  const period = parsePeriod(req.periodKey, settings);
  const cards = await listScorecards(db);
  const filters = {
    ...(req.teamId !== undefined ? { teamIds: [req.teamId] } : {}),
    ...(req.userId !== undefined ? { userIds: [req.userId] } : {}),
  };
  const rows = await runMetrics(
    db,
    viewer,
    {
      metricIds: cardMetricIds(cards),
      from: period.start,
      to: lastDay(period),
      groupBy: 'rep',
      grain: req.grain,
      filters,
    },
    { now: req.now },
  );
  const ids = [...new Set(rows.map((r) => r.groupId).filter((id): id is number => id !== null))];
  const reps = await coachedReps(db, ids);
  const buckets = bucketsOf(period, req.grain, settings);
  const byRep = new Map<number, Map<string | null, Record<string, number | null>>>();
  for (const r of rows) {
    if (r.groupId === null) continue;
    let m = byRep.get(r.groupId);
    if (!m) byRep.set(r.groupId, (m = new Map()));
    m.set(r.period, Object.fromEntries(Object.entries(r.values).map(([k, v]) => [k, v.value])));
  }
  const out: RepScorecard[] = [];
  for (const id of ids) {
    const rep = reps.get(id);
    if (!rep) continue;
    const card = cardOf(cards, rep);
    const values = byRep.get(id);
    out.push({
      userId: id,
      name: rep.name,
      teamId: rep.teamId,
      salesRole: rep.salesRole,
      scorecardId: card.id,
      buckets: buckets.map((b) => ({
        period: b.key,
        start: b.start,
        end: b.end,
        ...scoreBucket(card.metrics, values?.get(b.key) ?? {}, rep, req.grain, b),
      })),
    });
  }
  return { period, grain: req.grain, scorecards: cards, reps: out };
}
