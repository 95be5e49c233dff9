/**
 * The vocabulary of a metric definition. Each metric is declared once as data (see definitions/) and compiled to
 * SQL by src/store/queries/metrics/; nothing else re-implements a formula.
 */

/** How a value is displayed and what it measures. */
/** `points`: a lead score (issue 15), a plain number shown with one decimal. */
export type MetricUnit = 'count' | 'money' | 'ratio' | 'minutes' | 'days' | 'months' | 'points';

/** How the value is produced from its parts. */
export type MetricKind = 'count' | 'sum' | 'ratio' | 'percentile' | 'mean' | 'median' | 'derived';

/**
 * The fact a part reads. Event sources are bucketed by their time column; snapshot sources
 * (open pipeline, customers and their subscriptions, costs, goals, working time) are evaluated once per period bucket.
 */
export type MetricSource =
  | 'activities'
  | 'opportunities_closed'
  | 'opportunities_open_at_end'
  | 'opportunities_created'
  | 'leads'
  | 'goals'
  | 'customers'
  | 'customer_subscriptions'
  | 'costs'
  | 'stage_history'
  | 'working_time'
  | 'forecast_snapshots'
  | 'lead_assignments'
  | 'reps'
  | 'commission_statements';

/** A condition on a source column; columns are the source's public names (see the source descriptors). */
export type Condition =
  | { column: string; op: 'eq'; value: string | number | boolean }
  | { column: string; op: 'in'; values: readonly string[] }
  | { column: string; op: 'not_in'; values: readonly string[] }
  | { column: string; op: 'not_null' }
  | { column: string; op: 'is_true' }
  | { column: string; op: 'is_false' };

/** One SQL aggregate over a source's rows in the period. */
export type Aggregate =
  | { fn: 'count'; where?: readonly Condition[] }
  | { fn: 'count_distinct'; column: string; where?: readonly Condition[] }
  | { fn: 'sum'; column: string; where?: readonly Condition[] }
  | { fn: 'mean'; column: string; where?: readonly Condition[] }
  | { fn: 'percentile'; column: string; fraction: number; where?: readonly Condition[] };

/** A part of a metric: one aggregate over one source, in the period by the source's time column (or another one it offers). */
export interface MetricPart {
  source: MetricSource;
  /** Overrides the source's default time column, e.g. leads by `mql_at` instead of `created_at`. */
  timeColumn?: string;
  aggregate: Aggregate;
}

/** Whether the behaviour predicts results (leading) or is the result (lagging). */
export type Indicator = 'leading' | 'lagging';
/** Efficiency: output per effort or time; effectiveness: the outcome achieved. */
export type Focus = 'efficiency' | 'effectiveness';

/** Metrics whose value is not a plain quotient of summed parts; each has a pure combiner in derive.ts. */
export type Derivation = 'share_of_reps_at_quota' | 'customer_lifetime_value' | 'forecast_accuracy';

/** One metric, declared once. */
export interface MetricDefinition {
  id: string;
  label: string;
  description: string;
  unit: MetricUnit;
  kind: MetricKind;
  /** Human-readable formula for docs/metrics.md. */
  formula: string;
  /** What is counted and what is not, for the docs. */
  counts: string;
  /**
   * The parts, each one SQL aggregate: `value` for count/sum/percentile/mean/median; `numerator` and `denominator`
   * for ratios (summed per group before dividing, never averaged); named inputs for derived metrics.
   */
  parts: Readonly<Record<string, MetricPart>>;
  /** Set exactly when kind is 'derived'. */
  derivation?: Derivation;
  /** True when values of disjoint groups or periods may be summed (counts and sums). */
  additive: boolean;
  indicator: Indicator;
  focus: Focus;
  direction: 'higher' | 'lower';
  /**
   * Pay: a metric made of people's commission. A report that asks for one is computed over the people the viewer
   * may see in every grouping (a rep: themself), not only per rep, and leaderboards refuse it: a team or company
   * aggregate of one person's pay would be their pay.
   */
  pay?: true;
}

/** The value of one metric for one group and bucket; ratios carry their parts so a user can check them. */
export interface MetricValue {
  value: number | null;
  numerator?: number;
  denominator?: number;
}
