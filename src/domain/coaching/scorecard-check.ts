import type { ErrorDetail } from '../../errors.ts';
import { getMetric } from '../metrics/registry.ts';
import type { ScorecardMetric, ScoreKind } from './scorecard.ts';

const KINDS: readonly ScoreKind[] = ['leading', 'lagging'];
/** Bounds that keep sums finite: a benchmark up to 10^12 (minor units: ten billion in a two-decimal currency). */
const MAX_BENCHMARK = 1e12;
const MAX_WEIGHT = 1000;

/**
 * Every problem of a scorecard's metric list, each naming the line (metrics[i].field), collected so an admin fixes
 * them in one pass: an unknown metric, a metric listed twice, a kind other than leading/lagging, a benchmark or
 * weight that is not a positive number, an empty list.
 */
export function scorecardProblems(metrics: readonly ScorecardMetric[]): ErrorDetail[] {
  const out: ErrorDetail[] = [];
  if (metrics.length === 0) out.push({ field: 'metrics', reason: 'a scorecard needs at least one metric' });
  const seen = new Set<string>();
  metrics.forEach((m, i) => {
    const at = `metrics[${i}]`;
    if (!getMetric(m.metricId))
      out.push({
        field: `${at}.metricId`,
        value: m.metricId,
        reason: 'no metric with this id',
        rule: 'not_found',
      });
    if (seen.has(m.metricId))
      out.push({ field: `${at}.metricId`, value: m.metricId, reason: 'listed more than once' });
    seen.add(m.metricId);
    if (!KINDS.includes(m.kind))
      out.push({ field: `${at}.kind`, value: String(m.kind), reason: 'must be leading or lagging' });
    if (!(m.benchmark > 0 && m.benchmark <= MAX_BENCHMARK))
      out.push({
        field: `${at}.benchmark`,
        value: String(m.benchmark),
        reason: `must be a number > 0 and <= ${MAX_BENCHMARK}`,
      });
    if (!(m.weight > 0 && m.weight <= MAX_WEIGHT))
      out.push({
        field: `${at}.weight`,
        value: String(m.weight),
        reason: `must be a number > 0 and <= ${MAX_WEIGHT}`,
      });
  });
  return out;
}
