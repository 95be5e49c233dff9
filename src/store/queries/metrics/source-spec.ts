import type { RawBuilder } from 'kysely';
import type { MethodId } from '../../../domain/forecast/types.ts';
import type { Aggregate, MetricSource } from '../../../domain/metrics/definition.ts';
import type { Grain, PeriodCalendar } from '../../../domain/calendar/period.ts';
import type { Dimension, ForecastCheckpoint, GroupBy } from '../../../domain/metrics/query.ts';

/** A SQL fragment (static text or with bound parameters). */
export type Fragment = RawBuilder<unknown>;

/** What a source needs to know about the range it is read for. */
export interface SourceContext {
  /** First local date of the range (inclusive). */
  from: string;
  /** Local date after the range (exclusive). */
  toExclusive: string;
  timeZone: string;
  /** Workspace currency: money columns are null for other currencies. */
  currency: string;
  /** Follow-ups expected after a held meeting (settings.follow_up_target): lost_deals_few_follow_ups reads it. */
  followUpTarget: number;
  /** Business minutes per rep in the range (working_time source). */
  businessMinutes: number;
  /** Quota goals counted in the range, with how many times each counts (recurring goals once per whole period). */
  quotaGoals: ReadonlyArray<{ goalId: number; weight: number }>;
  /** The instant reports treat as now (past periods rebuild the pipeline from history). */
  now: Date;
  /** Forecast facts (forecast_accuracy): the method and checkpoint read; summing across them means nothing. */
  forecastMethod: MethodId;
  forecastCheckpoint: ForecastCheckpoint;
}

/** A time column of an event source: a timestamptz compared in the workspace zone, or a local date. */
export interface TimeColumn {
  expr: Fragment;
  type: 'timestamptz' | 'date';
}

/**
 * How one fact table is read. The compiler only sees these fragments, so a source can later be pointed at a
 * maintained rollup table (same column names) without touching any metric definition.
 */
export interface SourceSpec {
  name: MetricSource;
  /** event: bucketed by a time column in one grouped query; snapshot: evaluated once per period bucket. */
  mode: 'event' | 'snapshot';
  /** FROM clause with joins. */
  from: (ctx: SourceContext) => Fragment;
  /** Conditions every row must meet (for snapshots, the range test). */
  where: (ctx: SourceContext) => Fragment[];
  /** The rep a row counts for, or null when the fact has no rep (costs). */
  owner: Fragment | null;
  /** The team a row counts for. */
  team: Fragment;
  /** Time columns of event sources; the first is the default. */
  timeColumns: Readonly<Record<string, TimeColumn>>;
  /** Public column names used by metric definitions. */
  columns: (ctx: SourceContext) => Readonly<Record<string, Fragment>>;
  /** Columns that the optional query filters apply to; a filter on a missing column is ignored for this source. */
  filterColumns: FilterColumns;
  /** Maintained aggregates that can answer some parts instead of the raw rows (tried in order). */
  rollups?: readonly RollupSpec[];
  /** How the source splits by each dimension it supports (see SourceDimensions); missing: none. */
  dimensions?: SourceDimensions;
  /**
   * Columns whose value costs work per row (a correlated subquery, a join the planner keeps once it is read): a
   * raw part naming one runs in a statement of its own, shared only with parts naming the same ones, so the cheap
   * parts of the source do not pay for them and the statements run in parallel on the pool. Together, the
   * activities source's per-row probes and joins made one plan that ran for minutes (docs/performance.md).
   */
  ownStatementColumns?: readonly string[];
}

/**
 * Per dimension, how a source's facts split: a SQL expression giving each row's group value (null = the "not
 * recorded" group), optionally with a join it needs (added to the source's FROM only for that grouping: a join is
 * hashed once where a correlated subquery would probe an index per row), or `total` for a snapshot denominator that has no such split but whose whole value is the right
 * denominator for every group (working time for a share of time by category). A dimension not listed cannot group
 * the source's metrics: the request is refused rather than the facts replicated or dropped.
 */
export type SourceDimensions = Readonly<Partial<Record<Dimension, DimensionSplit>>>;
export type DimensionSplit = Fragment | { expr: Fragment; join: Fragment } | 'total';

/** The columns of a source or rollup that the optional query filters apply to. */
export interface FilterColumns {
  pipeline?: Fragment;
  opportunityType?: Fragment;
  leadSource?: Fragment;
  /** Leads: the speed-to-lead bucket of the first response (domain/metrics/response-buckets.ts). */
  responseBucket?: Fragment;
}

/**
 * A maintained aggregate of an event source, kept by triggers (see the migrations), one row per local day or month.
 * It answers a part when `aggregate` can rewrite the part's aggregate over its rows and the query's range and
 * buckets are whole periods of the rollup (ranges are local dates, so a day rollup serves every grain, a month
 * rollup month-aligned ranges by month, quarter, year or whole period). Groups and scope work as for the source:
 * `owner` and `team` must mean the same, and a query filter the source applies but the rollup has no column for
 * sends the part to raw.
 */
export interface RollupSpec {
  name: string;
  /** The source time column whose local date `day` is. */
  timeColumn: string;
  from: (ctx: SourceContext) => Fragment;
  /** One row per local day or per local month. */
  period: 'day' | 'month';
  /** The first local date of a row's period. */
  periodStart: Fragment;
  owner: Fragment | null;
  team: Fragment;
  filterColumns: FilterColumns;
  /** The rollup's key column for each dimension it keeps; a grouping by any other dimension reads the raw rows. */
  dimensions?: Readonly<Partial<Record<Dimension, Fragment>>>;
  /** The SQL aggregate over rollup rows equal to `agg` over the source rows, or null when it cannot be answered. */
  aggregate: (agg: Aggregate) => Fragment | null;
  /**
   * For a rollup whose rows are overlapping runs of months (activity_people_runs): the conditions picking the one
   * row per group and bucket that answers the range, or null when its rows cannot (then `period` is not used).
   */
  runs?: (range: RollupRange) => Fragment[] | null;
  /** The groupings it answers; absent: any. A distinct count per rep cannot be added up for a team. */
  groupings?: readonly GroupBy[];
}

/** The range a run reads: local dates, end exclusive, its bucket grain (null = the whole range) and calendar. */
export interface RollupRange {
  from: string;
  toExclusive: string;
  grain: Grain | null;
  /** Where quarters and years start; absent: a rollup that needs it does not answer. */
  calendar?: PeriodCalendar;
}

/** The default time column of a source (its first). */
export function defaultTimeColumn(spec: SourceSpec): string | undefined {
  return Object.keys(spec.timeColumns)[0];
}
