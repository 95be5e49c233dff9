import { ownersScope } from '../../../domain/access/scope.ts';
import type { ErrorDetail } from '../../../errors.ts';
import { addDays } from '../../../domain/calendar/local-date.ts';
import type { BusinessCalendar } from '../../../domain/calendar/business-time.ts';
import { baselinePeriodOf } from '../../../domain/coaching/plan-input.ts';
import { baselineScale, resolveRelativeTarget } from '../../../domain/coaching/plan-targets.ts';
import type { TargetSpec } from '../../../domain/coaching/plan.ts';
import { getMetric } from '../../../domain/metrics/registry.ts';
import type { Db } from '../../db.ts';
import type { SettingsRead } from '../../tables/settings.ts';
import { runMetricsInScope } from '../metrics/run-metrics.ts';

/** A target ready to store: the spec's columns plus what it resolved to. */
export interface ResolvedTargetRow {
  metric_id: string;
  comparison: 'at_least' | 'at_most';
  cadence: 'plan' | 'weekly';
  absolute_target: number | null;
  baseline_start: string | null;
  baseline_end: string | null;
  delta: number | null;
  delta_unit: 'points' | 'percent' | null;
  baseline_value: number | null;
  resolved_target: number;
}

/**
 * The metric values of one rep over [from, to] (inclusive local dates), from the metrics engine only: one
 * runMetricsInScope call for every metric id, scoped to the rep's own facts.
 */
export async function repMetricValues(
  db: Db,
  userId: number,
  metricIds: readonly string[],
  from: string,
  to: string,
  now: Date,
  settings: SettingsRead,
): Promise<Map<string, number | null>> {
  const out = new Map<string, number | null>();
  if (metricIds.length === 0) return out;
  const rows = await runMetricsInScope(
    db,
    ownersScope({ type: 'rep', id: userId }, [userId]),
    { metricIds: [...new Set(metricIds)], from, to, groupBy: 'rep' },
    { now, settings },
  );
  const row = rows.find((r) => r.groupId === userId);
  for (const id of metricIds) out.set(id, row?.values[id]?.value ?? null);
  return out;
}

/**
 * Resolves every target of a plan for `userId`: absolute ones as given; relative ones from the rep's value of the
 * metric in the baseline period (measured now, then stored). Collects every problem, each naming its field.
 */
export async function resolveTargets(
  db: Db,
  userId: number,
  plan: { startOn: string; endOn: string },
  specs: readonly TargetSpec[],
  cal: BusinessCalendar,
  settings: SettingsRead,
  now: Date,
): Promise<{ rows: ResolvedTargetRow[]; errors: ErrorDetail[] }> {
  const rows: ResolvedTargetRow[] = [];
  const errors: ErrorDetail[] = [];
  const periodCal = settings.settings;
  // One engine call per distinct baseline period.
  const baselines = new Map<string, { from: string; to: string; ids: string[] }>();
  for (const spec of specs) {
    if ('target' in spec) continue;
    const p = baselinePeriodOf(spec, plan.startOn, periodCal);
    const key = `${p.start}|${p.end}`;
    const b = baselines.get(key) ?? { from: p.start, to: addDays(p.end, -1), ids: [] };
    b.ids.push(spec.metricId);
    baselines.set(key, b);
  }
  const values = new Map<string, Map<string, number | null>>();
  for (const [key, b] of baselines) {
    values.set(key, await repMetricValues(db, userId, b.ids, b.from, b.to, now, settings));
  }
  specs.forEach((spec, i) => {
    const common = { metric_id: spec.metricId, comparison: spec.comparison, cadence: spec.cadence };
    if ('target' in spec) {
      rows.push({
        ...common,
        absolute_target: spec.target,
        baseline_start: null,
        baseline_end: null,
        delta: null,
        delta_unit: null,
        baseline_value: null,
        resolved_target: spec.target,
      });
      return;
    }
    const metric = getMetric(spec.metricId);
    if (!metric) throw new Error(`unvalidated metric ${spec.metricId}`);
    const p = baselinePeriodOf(spec, plan.startOn, periodCal);
    const baseline = values.get(`${p.start}|${p.end}`)?.get(spec.metricId) ?? null;
    const scale = baselineScale(
      spec.cadence,
      { startOn: plan.startOn, endOnExclusive: addDays(plan.endOn, 1) },
      { start: p.start, endExclusive: p.end },
      cal,
    );
    if (scale === null) {
      errors.push({ field: `targets.${i}.baselinePeriod`, value: p.key, reason: 'has no business day' });
      return;
    }
    const r = resolveRelativeTarget({ metric, baseline, delta: spec.delta, unit: spec.unit, scale });
    if (!r.ok) {
      errors.push({ field: `targets.${i}.delta`, value: String(spec.delta), reason: r.reason });
      return;
    }
    rows.push({
      ...common,
      absolute_target: null,
      baseline_start: p.start,
      baseline_end: p.end,
      delta: spec.delta,
      delta_unit: spec.unit,
      baseline_value: baseline,
      resolved_target: r.value,
    });
  });
  return { rows, errors };
}
