/** Display unit of a metric (src/domain/metrics/definition.ts MetricUnit). Money values are integer minor units. */
export type MetricUnit = 'count' | 'money' | 'ratio' | 'minutes' | 'days' | 'months' | 'points';

/** One entry of GET /api/metrics/definitions. */
export interface MetricDefinitionInfo {
  id: string;
  label: string;
  description: string;
  unit: MetricUnit;
  additive: boolean;
  direction: 'higher' | 'lower';
  formula?: string;
  /** The dimensions this metric can be grouped by (besides rep, team and company). */
  dimensions?: Dimension[];
}

/** Groupings by a property of the facts (src/domain/metrics/query.ts DIMENSIONS). */
export const DIMENSIONS = ['lead_source', 'deal_type', 'pipeline', 'product', 'time_category'] as const;
export type Dimension = (typeof DIMENSIONS)[number];
/** How rows are grouped (MetricQuery.groupBy): by people or by a dimension. */
export type GroupBy = 'rep' | 'team' | 'company' | Dimension;
/** Calendar bucket size. */
export type Grain = 'day' | 'week' | 'month' | 'quarter' | 'year';

/** The query of GET /api/metrics: a period key or an inclusive from/to, grouping, buckets and filters. */
export interface MetricQueryParams {
  metrics: string[];
  period?: string;
  from?: string;
  to?: string;
  groupBy: GroupBy;
  grain?: Grain | null;
  teamIds?: number[];
  userIds?: number[];
  pipelineIds?: number[];
  opportunityTypes?: ('new_business' | 'upsell' | 'renewal')[];
  leadSources?: string[];
  /** Ask the server for the previous period's value and the change. */
  comparePrevious?: boolean;
}

/** One value with its parts (ratios keep numerator and denominator for the hover) and, on request, the previous period's. */
export interface MetricValue {
  value: number | null;
  numerator?: number;
  denominator?: number;
  previous?: number | null;
  previousNumerator?: number;
  previousDenominator?: number;
  change?: number | null;
}

/** One row of GET /api/metrics. */
export interface MetricRow {
  /** id: rep, team or pipeline id; null for the company, "No team" and text dimensions (name is the value). */
  group: { type: GroupBy; id: number | null; name: string };
  period: string | null;
  values: Record<string, MetricValue>;
}

/** A resolved period: key and inclusive local dates. */
export interface ReportPeriod {
  key: string;
  from: string;
  to: string;
}

/** GET /api/metrics response. */
export interface MetricReport {
  period: ReportPeriod;
  previousPeriod: ReportPeriod | null;
  currency: string;
  rows: MetricRow[];
}

export const METRIC_REPORT_FIELDS = [
  'period',
  'previousPeriod',
  'rows',
] as const satisfies readonly (keyof MetricReport)[];
