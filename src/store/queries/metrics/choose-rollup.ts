import type { Scope } from '../../../domain/access/scope.ts';
import type { MetricPart } from '../../../domain/metrics/definition.ts';
import { isDimension, type GroupBy } from '../../../domain/metrics/query.ts';
import type { RollupPicker } from './plan.ts';
import {
  defaultTimeColumn,
  type FilterColumns,
  type RollupRange,
  type RollupSpec,
  type SourceSpec,
} from './source-spec.ts';
import { sourceSpec } from './sources/index.ts';
import { assertNever } from '../../../errors.ts';

/** How a run reads its parts: `auto` uses a rollup wherever one answers exactly, `raw` always scans the fact rows. */
export type MetricsStrategy = 'raw' | 'auto';

/** The range a run reads (see RollupRange). */
export type RunRange = RollupRange;

/** True when the range and its buckets are whole periods of the rollup. */
function coversWholePeriods(rollup: RollupSpec, range: RunRange): boolean {
  if (rollup.runs) return rollup.runs(range) !== null;
  switch (rollup.period) {
    case 'day':
      return true;
    case 'month':
      return (
        range.from.endsWith('-01') &&
        range.toExclusive.endsWith('-01') &&
        (range.grain === null ||
          range.grain === 'month' ||
          range.grain === 'quarter' ||
          range.grain === 'year')
      );
    default:
      return assertNever(rollup.period, 'rollup period');
  }
}

/** True when every query filter the source applies can also be applied on the rollup, and it keeps the grouping. */
function appliesScope(spec: SourceSpec, rollup: RollupSpec, scope: Scope, groupBy: GroupBy): boolean {
  const needs: [unknown, keyof FilterColumns][] = [
    [scope.pipelineIds, 'pipeline'],
    [scope.opportunityTypes, 'opportunityType'],
    [scope.leadSources, 'leadSource'],
    [scope.responseBuckets, 'responseBucket'],
  ];
  for (const [filter, column] of needs) {
    if (filter && spec.filterColumns[column] && !rollup.filterColumns[column]) return false;
  }
  if (rollup.groupings && !rollup.groupings.includes(groupBy)) return false;
  // A grouping by a dimension the rollup does not keep (deals by product) reads the raw rows.
  if (isDimension(groupBy) && !rollup.dimensions?.[groupBy]) return false;
  if (groupBy === 'rep' || scope.ownerIds !== null) return rollup.owner !== null;
  return true;
}

/**
 * The rollup picker for a run: a part goes to the first rollup of its source that reads the same time column,
 * covers the range in whole periods, applies the run's scope and can rewrite the part's aggregate; anything else
 * stays on the raw rows.
 * `rollupsCurrent` is false while the rollups' local days are in another zone than the workspace's (a zone
 * change not rebuilt yet), and then every part reads raw.
 */
export function rollupPicker(
  strategy: MetricsStrategy,
  scope: Scope,
  groupBy: GroupBy,
  range: RunRange,
  rollupsCurrent: boolean,
): RollupPicker {
  if (strategy === 'raw' || !rollupsCurrent) return () => null;
  return (part: MetricPart) => {
    const spec = sourceSpec(part.source);
    if (spec.mode !== 'event' || !spec.rollups) return null;
    const timeColumn = part.timeColumn ?? defaultTimeColumn(spec);
    for (const rollup of spec.rollups) {
      if (rollup.timeColumn !== timeColumn || !coversWholePeriods(rollup, range)) continue;
      if (!appliesScope(spec, rollup, scope, groupBy)) continue;
      if (rollup.aggregate(part.aggregate) !== null) return rollup;
    }
    return null;
  };
}
