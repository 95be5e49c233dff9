import { SYSTEM_VIEWER } from '../../../domain/access/viewer.ts';
import { addDays } from '../../../domain/calendar/local-date.ts';
import {
  parsePeriod,
  periodContaining,
  periodsBetween,
  type Grain,
  type Period,
  type PeriodCalendar,
} from '../../../domain/calendar/period.ts';
import { isBusinessDay, type BusinessCalendar } from '../../../domain/calendar/business-time.ts';
import { instantToLocal } from '../../../domain/calendar/zoned.ts';
import { personalBest, streakAwards } from '../../../domain/goals/badges.ts';
import { goalMet } from '../../../domain/goals/goal.ts';
import { getMetric } from '../../../domain/metrics/registry.ts';
import type { MetricRow } from '../../../domain/metrics/query.ts';
import type { Db } from '../../db.ts';
import type { BadgesTable } from '../../schema.ts';
import { getBusinessCalendar } from '../../tables/calendar.ts';
import { getSettings } from '../../tables/settings.ts';
import { runMetrics } from '../metrics/run-metrics.ts';
import type { Insertable } from 'kysely';

/** Completed periods looked back over, per grain (streaks longer than this stop growing). */
const LOOKBACK: Record<Grain, number> = { day: 60, week: 26, month: 24, quarter: 12, year: 5 };

/** Personal bests tracked for every rep, goal or not. */
export const PERSONAL_BEST_TRACKS: ReadonlyArray<{ metricId: string; grain: Grain }> = [
  { metricId: 'won_revenue', grain: 'month' },
  { metricId: 'meetings_held', grain: 'month' },
  { metricId: 'calls', grain: 'week' },
];

/** Counts from one run, for the job log. */
export interface BadgeSummary {
  goalsChecked: number;
  awarded: number;
}

/**
 * The last `n` completed periods of `grain` before the one containing `today`. Days off are left out of daily
 * series, so a weekend or holiday neither breaks nor extends a daily streak.
 */
function completedPeriods(
  today: string,
  grain: Grain,
  periodCal: PeriodCalendar,
  n: number,
  cal: BusinessCalendar,
): Period[] {
  const current = periodContaining(today, grain, periodCal);
  let start = current.start;
  for (let i = 0; i < n; i++) start = periodContaining(addDays(start, -1), grain, periodCal).start;
  const periods = periodsBetween(start, current.start, grain, periodCal);
  return grain === 'day' ? periods.filter((p) => isBusinessDay(p.start, cal)) : periods;
}

/** Per-rep, per-period values of one metric over the periods, from runMetrics. */
async function series(
  db: Db,
  metricId: string,
  grain: Grain,
  periods: Period[],
  userIds: number[] | null,
  now: Date,
) {
  if (periods.length === 0) return new Map<number, Map<string, number | null>>();
  const rows: MetricRow[] = await runMetrics(
    db,
    SYSTEM_VIEWER,
    {
      metricIds: [metricId],
      from: periods[0]!.start,
      to: addDays(periods[periods.length - 1]!.end, -1),
      groupBy: 'rep',
      grain,
      filters: userIds ? { userIds } : {},
    },
    { now },
  );
  const out = new Map<number, Map<string, number | null>>();
  for (const r of rows) {
    if (r.groupId === null || r.period === null) continue;
    let m = out.get(r.groupId);
    if (!m) out.set(r.groupId, (m = new Map()));
    m.set(r.period, r.values[metricId]?.value ?? null);
  }
  return out;
}

/**
 * Awards badges for completed periods: goal streaks (3, 5, 10, 20, 52 consecutive periods of a recurring
 * personal goal met), goal_met for fixed-period personal goals and recurring monthly-or-longer ones, and personal
 * bests (the latest completed month/week better than every earlier one). Idempotent: every award is an insert
 * with ON CONFLICT DO NOTHING on unique (user_id, kind, metric_id, period_key).
 */
export async function awardBadges(db: Db, now: Date): Promise<BadgeSummary> {
  const settings = await getSettings(db);
  const periodCal: PeriodCalendar = settings;
  const today = instantToLocal(now, settings.timeZone).date;
  const year = Number(today.slice(0, 4));
  const cal = await getBusinessCalendar(db, year - 1, year);
  const awards: Insertable<BadgesTable>[] = [];
  // Recurring goals on the same metric and grain share one runMetrics call over all reps.
  const seriesCache = new Map<string, Promise<Map<number, Map<string, number | null>>>>();
  const recurringSeries = (metricId: string, grain: Grain, periods: Period[]) => {
    const key = `${metricId}|${grain}`;
    let hit = seriesCache.get(key);
    if (!hit) seriesCache.set(key, (hit = series(db, metricId, grain, periods, null, now)));
    return hit;
  };

  const goals = await db
    .selectFrom('goals')
    .selectAll()
    .where('archived_at', 'is', null)
    .where('scope_type', '=', 'user')
    .execute();
  for (const g of goals) {
    const userId = g.scope_id as number;
    const target = Number(g.target);
    if (g.period_key !== null) {
      const p = parsePeriod(g.period_key, periodCal);
      if (p.end > today) continue;
      const values = await series(db, g.metric_id, g.grain, [p], [userId], now);
      const v = values.get(userId)?.get(p.key) ?? null;
      if (goalMet(g.direction, v, target)) {
        awards.push({
          user_id: userId,
          kind: 'goal_met',
          metric_id: g.metric_id,
          goal_id: g.id,
          period_key: p.key,
          value: v,
        });
      }
      continue;
    }
    const periods = completedPeriods(today, g.grain, periodCal, LOOKBACK[g.grain], cal);
    const values = (await recurringSeries(g.metric_id, g.grain, periods)).get(userId);
    const met = periods.map((p) => {
      const v = values?.get(p.key) ?? null;
      return { period: p.key, value: v, met: goalMet(g.direction, v, target) };
    });
    for (const s of streakAwards(met)) {
      awards.push({
        user_id: userId,
        kind: 'goal_streak',
        metric_id: g.metric_id,
        goal_id: g.id,
        period_key: s.period,
        value: s.streak,
        details: JSON.stringify({ streak: s.streak, grain: g.grain, target }),
      });
    }
    if (g.grain === 'month' || g.grain === 'quarter' || g.grain === 'year') {
      for (const m of met.filter((x) => x.met)) {
        awards.push({
          user_id: userId,
          kind: 'goal_met',
          metric_id: g.metric_id,
          goal_id: g.id,
          period_key: m.period,
          value: m.value,
        });
      }
    }
  }

  for (const track of PERSONAL_BEST_TRACKS) {
    const def = getMetric(track.metricId);
    if (!def) continue;
    const periods = completedPeriods(today, track.grain, periodCal, LOOKBACK[track.grain], cal);
    const byUser = await recurringSeries(track.metricId, track.grain, periods);
    for (const [userId, values] of byUser) {
      const best = personalBest(
        periods.map((p) => ({ period: p.key, value: values.get(p.key) ?? null })),
        def.direction,
      );
      if (best) {
        awards.push({
          user_id: userId,
          kind: 'personal_best',
          metric_id: track.metricId,
          period_key: best.period,
          value: best.value,
          details: JSON.stringify({ previousBest: best.previousBest, grain: track.grain }),
        });
      }
    }
  }

  let awarded = 0;
  for (let i = 0; i < awards.length; i += 500) {
    const r = await db
      .insertInto('badges')
      .values(awards.slice(i, i + 500))
      .onConflict((oc) => oc.columns(['user_id', 'kind', 'metric_id', 'period_key']).doNothing())
      .executeTakeFirst();
    awarded += Number(r.numInsertedOrUpdatedRows ?? 0);
  }
  return { goalsChecked: goals.length, awarded };
}
