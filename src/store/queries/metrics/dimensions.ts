import type { MetricDefinition } from '../../../domain/metrics/definition.ts';
import { DIMENSIONS, isDimension, type Dimension, type GroupBy } from '../../../domain/metrics/query.ts';
import { AppError, type ErrorDetail } from '../../../errors.ts';
import type { DimensionSplit, SourceSpec } from './source-spec.ts';
import { sourceSpec } from './sources/index.ts';

/** How a source answers a dimension: a group expression, its whole value for every group, or not at all. */
export function sourceDimension(spec: SourceSpec, dimension: Dimension): DimensionSplit | null {
  return spec.dimensions?.[dimension] ?? null;
}

/**
 * True when the metric can be grouped by the dimension: every part's source declares it, and at least one part
 * really splits (a metric made only of `total` parts would repeat one number in every group). The quota
 * attainment rate counts reps, which have no lead source or product: never.
 */
export function supportsDimension(def: MetricDefinition, dimension: Dimension): boolean {
  if (def.derivation === 'share_of_reps_at_quota') return false;
  let splits = false;
  for (const part of Object.values(def.parts)) {
    const how = sourceDimension(sourceSpec(part.source), dimension);
    if (how === null) return false;
    if (how !== 'total') splits = true;
  }
  return splits;
}

/** The dimensions a metric can be grouped by (GET /api/metrics/definitions lists them for the web selector). */
export function metricDimensions(def: MetricDefinition): Dimension[] {
  return DIMENSIONS.filter((d) => supportsDimension(def, d));
}

/** Refuses, naming every metric and the dimension, a grouping some requested metric cannot be split by. */
export function assertGroupable(defs: readonly MetricDefinition[], groupBy: GroupBy): void {
  if (!isDimension(groupBy)) return;
  const details: ErrorDetail[] = defs
    .filter((d) => !supportsDimension(d, groupBy))
    .map((d) => ({
      field: 'group',
      value: groupBy,
      reason: `metric '${d.id}' cannot be grouped by ${groupBy}`,
    }));
  if (details.length > 0) {
    const ids = defs.filter((d) => !supportsDimension(d, groupBy)).map((d) => d.id);
    throw new AppError('validation', `Cannot group ${ids.join(', ')} by ${groupBy}`, details);
  }
}
