/** Display unit of a metric (src/domain/metrics/definition.ts MetricUnit). Money values are integer minor units. */
export type MetricUnit = 'count' | 'money' | 'ratio' | 'minutes' | 'days' | 'months';

/** One entry of GET /api/metrics/definitions. */
export interface MetricDefinitionInfo {
  id: string;
  label: string;
  description: string;
  unit: MetricUnit;
  additive: boolean;
  direction: 'higher' | 'lower';
  formula?: string;
}

/** How rows are grouped (MetricQuery.groupBy). */
export type GroupBy = 'rep' | 'team' | 'company';
/** Calendar bucket size. */
export type Grain = 'day' | 'week' | 'month' | 'quarter' | 'year';

/** The query string of GET /api/metrics (MetricQuery; dates inclusive). */
export interface MetricQueryParams {
  metrics: string[];
  from: string;
  to: string;
  groupBy: GroupBy;
  grain?: Grain | null;
  teamIds?: number[];
  userIds?: number[];
  pipelineIds?: number[];
  opportunityTypes?: ('new_business' | 'upsell' | 'renewal')[];
  leadSources?: string[];
}

/** One value with its parts (ratios keep numerator and denominator for the hover). */
export interface MetricValue {
  value: number | null;
  numerator?: number;
  denominator?: number;
}

/** One row of GET /api/metrics. */
export interface MetricRow {
  groupType: GroupBy;
  groupId: number | null;
  groupName: string;
  period: string | null;
  values: Record<string, MetricValue>;
}

export const METRIC_ROW_FIELDS = [
  'groupType',
  'groupId',
  'groupName',
  'period',
  'values',
] as const satisfies readonly (keyof MetricRow)[];
