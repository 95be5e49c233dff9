import { isLocalDate } from '../calendar/local-date.ts';
import { AppError, type ErrorDetail } from '../../errors.ts';
import type { MetricDefinition } from './definition.ts';
import type { MetricQuery } from './query.ts';
import { getMetric } from './registry.ts';

/** The definitions for these ids, in the order given; every unknown id is named in one validation error. */
export function resolveMetrics(ids: readonly string[]): MetricDefinition[] {
  const details: ErrorDetail[] = [];
  const defs: MetricDefinition[] = [];
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) continue;
    seen.add(id);
    const def = getMetric(id);
    if (def) defs.push(def);
    else details.push({ field: 'ids', value: id, reason: `unknown metric id '${id}'` });
  }
  if (details.length > 0) {
    throw new AppError(
      'validation',
      `Unknown metric ids: ${details.map((d) => d.value).join(', ')}`,
      details,
    );
  }
  if (defs.length === 0) {
    throw new AppError('validation', 'No metric ids given', [
      { field: 'ids', reason: 'name at least one metric' },
    ]);
  }
  return defs;
}

/** Checks the query's dates; all problems are reported together. */
export function validateQueryDates(query: Pick<MetricQuery, 'from' | 'to'>): void {
  const details: ErrorDetail[] = [];
  if (!isLocalDate(query.from))
    details.push({ field: 'from', value: query.from, reason: 'expected YYYY-MM-DD', rule: 'invalid_date' });
  if (!isLocalDate(query.to))
    details.push({ field: 'to', value: query.to, reason: 'expected YYYY-MM-DD', rule: 'invalid_date' });
  if (details.length === 0 && query.to < query.from) {
    details.push({ field: 'to', value: query.to, reason: 'the end is before the start' });
  }
  if (details.length > 0) throw new AppError('validation', 'Invalid report period', details);
}
