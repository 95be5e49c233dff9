import { SYSTEM_VIEWER } from '../../../domain/access/viewer.ts';
import { scoreBucket, type BucketScore } from '../../../domain/coaching/rep-score.ts';
import type { Scorecard } from '../../../domain/coaching/scorecard.ts';
import type { Grain, Period, PeriodCalendar } from '../../../domain/calendar/period.ts';
import type { Db } from '../../db.ts';
import { listScorecards } from '../../tables/scorecards.ts';
import { runMetrics } from '../metrics/run-metrics.ts';
import { bucketsOf, cardMetricIds, cardOf, coachedReps, lastDay, type CoachedRep } from './common.ts';

/** Every peer rep's scores per bucket: what benchmarks and quadrants compare a rep with. */
export interface Population {
  cards: Scorecard[];
  buckets: { key: string | null; start: string; end: string }[];
  reps: { rep: CoachedRep; scorecardId: number; buckets: BucketScore[] }[];
}

/**
 * Scores every rep of the peer group (the team asked for with its sub-teams, else everyone). Counted with the
 * system viewer on purpose: a rep's percentile and the team's median need the peers' values. Callers return only
 * aggregates of the peers and the rows of the reps the caller may see.
 */
export async function scorePopulation(
  db: Db,
  period: Period,
  grain: Grain | null,
  periodCal: PeriodCalendar,
  teamId: number | undefined,
  now: Date | undefined,
): Promise<Population> {
  const cards = await listScorecards(db);
  const rows = await runMetrics(
    db,
    SYSTEM_VIEWER,
    {
      metricIds: cardMetricIds(cards),
      from: period.start,
      to: lastDay(period),
      groupBy: 'rep',
      grain,
      filters: teamId !== undefined ? { teamIds: [teamId] } : {},
    },
    { now },
  );
  const ids = [...new Set(rows.map((r) => r.groupId).filter((id): id is number => id !== null))];
  const profiles = await coachedReps(db, ids);
  const buckets = bucketsOf(period, grain, periodCal);
  const values = new Map<string, Record<string, number | null>>();
  for (const r of rows) {
    values.set(
      `${r.groupId}|${r.period ?? ''}`,
      Object.fromEntries(Object.entries(r.values).map(([k, v]) => [k, v.value])),
    );
  }
  const reps: Population['reps'] = [];
  for (const id of ids) {
    const rep = profiles.get(id);
    if (!rep) continue;
    const card = cardOf(cards, rep);
    reps.push({
      rep,
      scorecardId: card.id,
      buckets: buckets.map((b) =>
        scoreBucket(card.metrics, values.get(`${id}|${b.key ?? ''}`) ?? {}, rep, grain, b),
      ),
    });
  }
  return { cards, buckets, reps };
}
