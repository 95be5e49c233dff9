import type { Viewer } from '../../../domain/access/viewer.ts';
import { addDays } from '../../../domain/calendar/local-date.ts';
import { instantToLocal } from '../../../domain/calendar/zoned.ts';
import {
  checkInsByWeek,
  checkTarget,
  planStatus,
  planWindows,
  type TargetStatus,
  type WeekCheckIns,
  type WindowCheck,
} from '../../../domain/coaching/plan-status.ts';
import type { Plan } from '../../../domain/coaching/plan.ts';
import { getMetric } from '../../../domain/metrics/registry.ts';
import { AppError } from '../../../errors.ts';
import type { Db } from '../../db.ts';
import { getBusinessCalendar } from '../../tables/calendar.ts';
import { getSettingsWithRollupZone } from '../../tables/settings.ts';
import { getPlan } from './plans-read.ts';
import { repMetricValues } from './plans-targets.ts';

/** One target's check, as the API returns it. */
export interface TargetStatusRow {
  targetId: number;
  metricId: string;
  metricLabel: string;
  unit: string;
  comparison: Plan['targets'][number]['comparison'];
  cadence: Plan['targets'][number]['cadence'];
  resolvedTarget: number;
  status: TargetStatus;
  windows: WindowCheck[];
}

/** A plan's computed status. */
export interface PlanStatusReport {
  planId: number;
  /** The local date the actuals run to (today, or the plan's last day once over). */
  asOf: string;
  status: TargetStatus;
  targets: TargetStatusRow[];
  /** The plan's weeks with the number of check-ins dated in each (a PIP's weekly check-ins). */
  weeks: WeekCheckIns[];
}

/**
 * Computes the status of a plan the caller already may see: the rep's actuals come from the metrics engine
 * (one call per window for all the plan's metrics that use it), each window from its start to today or its end.
 */
export async function computePlanStatus(db: Db, plan: Plan, now: Date): Promise<PlanStatusReport> {
  const read = await getSettingsWithRollupZone(db);
  const today = instantToLocal(now, read.settings.timeZone).date;
  const y = Number(plan.startOn.slice(0, 4));
  const cal = await getBusinessCalendar(db, y - 1, Number(plan.endOn.slice(0, 4)) + 1, read.settings);
  // Windows shared by targets are measured once: key start|end -> metric ids.
  const asks = new Map<string, { from: string; to: string; ids: Set<string> }>();
  for (const t of plan.targets) {
    for (const w of planWindows(t.cadence, plan.startOn, plan.endOn)) {
      if (today < w.start) continue;
      const last = addDays(w.endExclusive, -1);
      const to = today < last ? today : last;
      const key = `${w.start}|${to}`;
      const a = asks.get(key) ?? { from: w.start, to, ids: new Set<string>() };
      a.ids.add(t.metricId);
      asks.set(key, a);
    }
  }
  const measured = new Map<string, Map<string, number | null>>();
  for (const [key, a] of asks) {
    measured.set(key, await repMetricValues(db, plan.userId, [...a.ids], a.from, a.to, now, read));
  }
  const targets: TargetStatusRow[] = plan.targets.map((t) => {
    const metric = getMetric(t.metricId);
    const actuals = new Map<string, number | null>();
    for (const w of planWindows(t.cadence, plan.startOn, plan.endOn)) {
      if (today < w.start) continue;
      const last = addDays(w.endExclusive, -1);
      const v = measured.get(`${w.start}|${today < last ? today : last}`)?.get(t.metricId);
      actuals.set(w.start, v ?? null);
    }
    const check = checkTarget({
      comparison: t.comparison,
      cadence: t.cadence,
      additive: metric?.additive ?? false,
      target: t.resolvedTarget,
      startOn: plan.startOn,
      endOn: plan.endOn,
      now,
      cal,
      actuals,
    });
    return {
      targetId: t.id,
      metricId: t.metricId,
      metricLabel: metric?.label ?? t.metricId,
      unit: metric?.unit ?? 'count',
      comparison: t.comparison,
      cadence: t.cadence,
      resolvedTarget: t.resolvedTarget,
      status: check.status,
      windows: check.windows,
    };
  });
  return {
    planId: plan.id,
    asOf: today < plan.endOn ? today : plan.endOn,
    status: planStatus(targets.map((t) => t.status)),
    targets,
    weeks: checkInsByWeek(
      plan.startOn,
      plan.endOn,
      plan.checkIns.map((c) => c.onDate),
      today,
    ),
  };
}

/** The status of a plan the viewer may see; 404 otherwise. */
export async function planStatusFor(
  db: Db,
  viewer: Viewer,
  planId: number,
  now = new Date(),
): Promise<PlanStatusReport> {
  const plan = await getPlan(db, viewer, planId);
  if (!plan) {
    throw new AppError('not_found', `Plan ${planId} not found`, [
      { field: 'id', value: String(planId), reason: 'no such plan', rule: 'not_found' },
    ]);
  }
  return computePlanStatus(db, plan, now);
}
