import type { Viewer } from '../../../domain/access/viewer.ts';
import { addDays } from '../../../domain/calendar/local-date.ts';
import { previousPeriod, type Period } from '../../../domain/calendar/period.ts';
import type { MetricFilters, MetricQuery, MetricRow, MetricValue } from '../../../domain/metrics/query.ts';
import type { Db } from '../../db.ts';
import { getSettingsWithRollupZone } from '../../tables/settings.ts';
import { runMetrics, type RunMetricsOptions } from './run-metrics.ts';

/** A report request: the period as a calendar Period (see resolveReportPeriod), and whether to compare. */
export interface ReportRequest {
  metricIds: string[];
  period: Period;
  groupBy: MetricQuery['groupBy'];
  grain?: MetricQuery['grain'];
  filters?: MetricFilters;
  comparePrevious?: boolean;
}

/** A value with the same metric in the previous period and the change (value - previous). */
export interface ReportValue extends MetricValue {
  previous?: number | null;
  previousNumerator?: number;
  previousDenominator?: number;
  change?: number | null;
}

/** One row of a report: group, bucket, values. */
export interface ReportRow {
  group: { type: MetricRow['groupType']; id: number | null; name: string };
  period: string | null;
  values: Record<string, ReportValue>;
}

/** What the API returns and `pacesetter report --json` prints: identical numbers by construction. */
export interface MetricReport {
  period: { key: string; from: string; to: string };
  previousPeriod: { key: string; from: string; to: string } | null;
  currency: string;
  rows: ReportRow[];
}

const describe = (p: Period) => ({ key: p.key, from: p.start, to: addDays(p.end, -1) });

function queryFor(req: ReportRequest, p: Period): MetricQuery {
  return {
    metricIds: req.metricIds,
    from: p.start,
    to: addDays(p.end, -1),
    groupBy: req.groupBy,
    grain: req.grain ?? null,
    filters: req.filters,
  };
}

/**
 * Runs the metrics for the period and, when asked, for the previous period of the same length, and pairs the
 * rows by group and bucket position (the n-th month of this quarter with the n-th month of the last).
 */
export async function reportMetrics(
  db: Db,
  viewer: Viewer,
  req: ReportRequest,
  options: RunMetricsOptions = {},
): Promise<MetricReport> {
  // One read of the settings for the request, handed to both periods' runs.
  const read = options.settings ?? (await getSettingsWithRollupZone(db));
  const settings = read.settings;
  const runOptions = { ...options, settings: read };
  const prevPeriod = req.comparePrevious ? previousPeriod(req.period, settings.fiscalYearStartMonth) : null;
  // The two periods are independent: on PostgreSQL their queries share the pool instead of waiting in turn.
  const [rows, previous] = await Promise.all([
    runMetrics(db, viewer, queryFor(req, req.period), runOptions),
    prevPeriod ? runMetrics(db, viewer, queryFor(req, prevPeriod), runOptions) : Promise.resolve([]),
  ]);

  const prevIndex = new Map<string, MetricRow>();
  const position = new Map<number | null, number>();
  for (const r of previous) {
    const n = position.get(r.groupId) ?? 0;
    position.set(r.groupId, n + 1);
    prevIndex.set(`${r.groupId}|${n}`, r);
  }
  position.clear();
  const out: ReportRow[] = rows.map((r) => {
    const n = position.get(r.groupId) ?? 0;
    position.set(r.groupId, n + 1);
    const before = prevPeriod ? prevIndex.get(`${r.groupId}|${n}`) : undefined;
    const values: Record<string, ReportValue> = {};
    for (const [id, v] of Object.entries(r.values)) {
      const value: ReportValue = { ...v };
      if (prevPeriod) {
        const p = before?.values[id];
        value.previous = p?.value ?? null;
        if (p?.numerator !== undefined) value.previousNumerator = p.numerator;
        if (p?.denominator !== undefined) value.previousDenominator = p.denominator;
        value.change = v.value !== null && value.previous !== null ? v.value - value.previous : null;
      }
      values[id] = value;
    }
    return { group: { type: r.groupType, id: r.groupId, name: r.groupName }, period: r.period, values };
  });
  return {
    period: describe(req.period),
    previousPeriod: prevPeriod ? describe(prevPeriod) : null,
    currency: settings.currency,
    rows: out,
  };
}
