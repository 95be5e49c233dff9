import { SYSTEM_VIEWER, type Viewer } from '../../../domain/access/viewer.ts';
import type { BusinessCalendar } from '../../../domain/calendar/business-time.ts';
import { addDays } from '../../../domain/calendar/local-date.ts';
import {
  parsePeriod,
  periodContaining,
  type Period,
  type PeriodCalendar,
} from '../../../domain/calendar/period.ts';
import { instantToLocal } from '../../../domain/calendar/zoned.ts';
import type { Goal } from '../../../domain/goals/goal.ts';
import { getMetric } from '../../../domain/metrics/registry.ts';
import type { GroupBy, MetricQuery } from '../../../domain/metrics/query.ts';
import { businessDayProgress } from '../../../domain/pacing/elapsed.ts';
import { computePacing, type Pacing } from '../../../domain/pacing/pacing.ts';
import type { Db } from '../../db.ts';
import { getBusinessCalendar } from '../../tables/calendar.ts';
import { getSettings } from '../../tables/settings.ts';
import { runMetrics } from '../metrics/run-metrics.ts';
import { listGoals } from './list-goals.ts';

/** A goal with its current period and pacing. */
export interface GoalPacing {
  goal: Goal;
  period: Period;
  /** Last local date included in the actual. */
  asOf: string;
  pacing: Pacing;
}

/** What to pace: as of `now`, or as of the last day of `periodKey` when that period is over. */
export interface PacingRequest {
  now: Date;
  periodKey?: string;
  /** Only goals that apply to this user (personal, their team, company). */
  forUserId?: number;
}

const GROUP_OF: Record<Goal['scopeType'], GroupBy> = { user: 'rep', team: 'team', company: 'company' };

/** The period a goal is measured over on local date `asOf`, or null when a fixed-period goal is not current. */
export function goalPeriodOn(goal: Goal, asOf: string, cal: PeriodCalendar): Period | null {
  if (goal.periodKey === null) return periodContaining(asOf, goal.grain, cal);
  const p = parsePeriod(goal.periodKey, cal);
  return asOf >= p.start && asOf < p.end ? p : null;
}

/**
 * Pacing of every active goal the viewer can see. Actuals come only from runMetrics (grouped per rep, team or
 * company and batched per period), computed with the system viewer: once a goal is visible, its progress is
 * too, and a team goal's actual must include every member. Business days come from the workspace calendar.
 */
export async function goalPacing(db: Db, viewer: Viewer, req: PacingRequest): Promise<GoalPacing[]> {
  const settings = await getSettings(db);
  const periodCal: PeriodCalendar = settings;
  const today = instantToLocal(req.now, settings.timeZone).date;
  let asOf = today;
  if (req.periodKey) {
    const p = parsePeriod(req.periodKey, periodCal);
    const last = addDays(p.end, -1);
    asOf = today < p.start ? p.start : today > last ? last : today;
  }
  const goals = await listGoals(db, viewer, { forUserId: req.forUserId });
  const current = goals
    .map((goal) => ({ goal, period: goalPeriodOn(goal, asOf, periodCal) }))
    .filter((g): g is { goal: Goal; period: Period } => g.period !== null);
  if (current.length === 0) return [];

  const year = Number(asOf.slice(0, 4));
  const cal: BusinessCalendar = await getBusinessCalendar(db, year - 1, year + 1);

  // One runMetrics call per (group kind, period): metric ids and scope ids are merged.
  const batches = new Map<string, { query: MetricQuery; members: typeof current }>();
  for (const item of current) {
    const groupBy = GROUP_OF[item.goal.scopeType];
    const to = asOf < item.period.end ? asOf : addDays(item.period.end, -1);
    const key = `${groupBy}|${item.period.start}|${to}`;
    let b = batches.get(key);
    if (!b) {
      b = { query: { metricIds: [], from: item.period.start, to, groupBy, filters: {} }, members: [] };
      batches.set(key, b);
    }
    if (!b.query.metricIds.includes(item.goal.metricId)) b.query.metricIds.push(item.goal.metricId);
    if (item.goal.scopeType === 'user' && item.goal.scopeId !== null) {
      (b.query.filters!.userIds ??= []).push(item.goal.scopeId);
    }
    if (item.goal.scopeType === 'team' && item.goal.scopeId !== null) {
      (b.query.filters!.teamIds ??= []).push(item.goal.scopeId);
    }
    b.members.push(item);
  }

  const out: GoalPacing[] = [];
  for (const { query, members } of batches.values()) {
    const rows = await runMetrics(db, SYSTEM_VIEWER, query, { now: req.now });
    for (const { goal, period } of members) {
      const row = rows.find((r) => (goal.scopeType === 'company' ? true : r.groupId === goal.scopeId));
      const actual = row?.values[goal.metricId]?.value ?? null;
      const progress = businessDayProgress(period, req.now, cal);
      const pacing = computePacing({
        target: goal.target,
        direction: goal.direction,
        additive: getMetric(goal.metricId)?.additive ?? false,
        actual,
        totalBusinessDays: progress.total,
        elapsedBusinessDays: progress.elapsed,
      });
      out.push({ goal, period, asOf: query.to, pacing });
    }
  }
  return out.sort((a, b) => a.goal.id - b.goal.id);
}
