import type { Grain } from '../calendar/period.ts';
import type { MethodId } from '../forecast/types.ts';
import type { MetricValue } from './definition.ts';
import type { ResponseBucket } from './response-buckets.ts';

export type { MetricValue } from './definition.ts';

/** How rows are grouped: one per rep, per team, or one for the whole company. */
export type GroupBy = 'rep' | 'team' | 'company';

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

/** One result row: a group (rep, team or company), an optional period bucket, and a value per metric id. */
export interface MetricRow {
  groupType: GroupBy;
  groupId: number | null;
  groupName: string;
  /** Period key of the bucket (e.g. '2026-07', '2026-W27'), or null without a grain. */
  period: string | null;
  values: Record<string, MetricValue>;
}
