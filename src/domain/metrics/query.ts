import type { Grain } from '../calendar/period.ts';
import type { MethodId } from '../forecast/types.ts';
import type { MetricValue } from './definition.ts';
import type { ResponseBucket } from './response-buckets.ts';

export type { MetricValue } from './definition.ts';

/** Groupings by who: one row per rep, per team, or one for the whole company. */
export const PEOPLE_GROUPS = ['rep', 'team', 'company'] as const;
export type PeopleGroup = (typeof PEOPLE_GROUPS)[number];

/**
 * Groupings by a property of the facts (issue 18: which channel and which customer type pay best): the deal's or
 * lead's lead source, the deal type, the pipeline, the deal's product, the activity's time category. Each metric
 * source says which of these it can split by (store/queries/metrics/dimensions.ts); a metric whose sources cannot
 * is refused, never replicated or dropped.
 */
export const DIMENSIONS = ['lead_source', 'deal_type', 'pipeline', 'product', 'time_category'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** How rows are grouped: by people (rep, team, company) or by a dimension of the facts. */
export type GroupBy = PeopleGroup | Dimension;
export const GROUP_BYS: readonly GroupBy[] = [...PEOPLE_GROUPS, ...DIMENSIONS];

/** True for the dimension groupings (not rep, team or company). */
export function isDimension(g: GroupBy): g is Dimension {
  return (DIMENSIONS as readonly string[]).includes(g);
}

/** The name of a dimension group whose value is not recorded (null), e.g. "No lead source". */
export const NO_VALUE_NAMES: Readonly<Record<Dimension, string>> = {
  lead_source: 'No lead source',
  deal_type: 'No deal type',
  pipeline: 'No pipeline',
  product: 'No product',
  time_category: 'No time category',
};

/** The opportunity types a query may filter on. */
export type OpportunityTypeFilter = 'new_business' | 'upsell' | 'renewal';

/** Narrows the facts a query reads; empty or missing lists mean no restriction. */
export interface MetricFilters {
  teamIds?: number[];
  userIds?: number[];
  /** Applies to opportunity facts only (activities and leads have no pipeline). */
  pipelineIds?: number[];
  /** Applies to opportunity facts only. */
  opportunityTypes?: OpportunityTypeFilter[];
  /** Applies to leads (source) and opportunities (lead_source). */
  leadSources?: string[];
  /** Applies to leads (and their assignments): the speed-to-lead bucket of the first response. */
  responseBuckets?: ResponseBucket[];
  /** Forecast facts (forecast_accuracy): the method whose forecasts are scored (default stage_weighted). */
  forecastMethod?: MethodId;
  /** Forecast facts: when in the quarter the forecast was made (default start). */
  forecastCheckpoint?: ForecastCheckpoint;
}

/** When in a period a forecast was made: its first week, its second week, or the week up to its middle. */
export const FORECAST_CHECKPOINTS = ['start', 'week2', 'mid'] as const;
export type ForecastCheckpoint = (typeof FORECAST_CHECKPOINTS)[number];
export const DEFAULT_FORECAST_METHOD: MethodId = 'stage_weighted';
export const DEFAULT_FORECAST_CHECKPOINT: ForecastCheckpoint = 'start';

/** One question to the metrics engine: which metrics, over which inclusive local dates, grouped how. */
export interface MetricQuery {
  metricIds: string[];
  /** First local date, inclusive ('YYYY-MM-DD' in the workspace time zone). */
  from: string;
  /** Last local date, inclusive. */
  to: string;
  groupBy: GroupBy;
  /** Split the period into buckets of this grain; null/undefined gives one row per group for the whole period. */
  grain?: Grain | null;
  filters?: MetricFilters;
}

/**
 * One result row: a group, an optional period bucket, and a value per metric id. People groups carry their id
 * (null: company, "No team"); dimension groups carry the pipeline id for `pipeline` and null otherwise, with the
 * value itself as the name (or NO_VALUE_NAMES when not recorded).
 */
export interface MetricRow {
  groupType: GroupBy;
  groupId: number | null;
  groupName: string;
  /** Period key of the bucket (e.g. '2026-07', '2026-W27'), or null without a grain. */
  period: string | null;
  values: Record<string, MetricValue>;
}
