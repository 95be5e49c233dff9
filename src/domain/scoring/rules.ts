/**
 * Lead scoring rules (issue 15): fit rules on a lead's attributes and engagement rules on its events, each adding
 * (or, when negative, subtracting) points. A rule set is versioned; exactly one version is active in a workspace.
 * Rule evaluation is here (pure, for one lead); the store compiles the same rules to SQL for many leads at once
 * (src/store/queries/scoring/score-sql.ts), and a test proves both give the same scores and explanations.
 */

/** Text attributes a fit rule may compare, from the lead or, where the lead has none, its account. */
export const TEXT_ATTRIBUTES = ['industry', 'country', 'region', 'persona', 'source'] as const;
export type TextAttribute = (typeof TEXT_ATTRIBUTES)[number];

/** What a fit rule tests. Text comparisons ignore letter case. */
export type FitCondition =
  /** The attribute equals the value. */
  | { kind: 'equals'; attribute: TextAttribute; value: string }
  /** The attribute is one of the values. */
  | { kind: 'in_list'; attribute: TextAttribute; values: string[] }
  /** company_size (employees) between min and max, both inclusive; a missing bound is open. No size: no match. */
  | { kind: 'company_size'; min: number | null; max: number | null }
  /** The lead's email domain (after the last '@') is one of the domains. */
  | { kind: 'email_domain'; domains: string[] }
  /** The lead's data quality: 'ok', 'inaccurate' or 'unassessed' (null). */
  | { kind: 'data_quality'; is: 'ok' | 'inaccurate' | 'unassessed' };

/** Adds `points` once when the condition holds. */
export interface FitRule {
  id: string;
  label: string;
  type: 'fit';
  condition: FitCondition;
  points: number;
}

/**
 * Adds `points` for every event of `eventType` (whose URL matches `urlPattern`, when given), decayed by the
 * event's age when `halfLifeDays` is set, counting only events of the last `windowDays` when set; the rule's
 * total is then limited to `cap` points in magnitude when set.
 */
export interface EngagementRule {
  id: string;
  label: string;
  type: 'engagement';
  eventType: string;
  /** A glob over the event URL, case-insensitive: `*` is any text, e.g. `*\/pricing*`. */
  urlPattern: string | null;
  points: number;
  cap: number | null;
  windowDays: number | null;
  halfLifeDays: number | null;
}

export type ScoringRule = FitRule | EngagementRule;

/** The event type that, when the rule set says so, makes a lead sales-qualified at once. */
export const DEMO_REQUEST_EVENT = 'demo_request';

/** Well-known event types (any other lower_snake_case type is accepted as a custom one). */
export const KNOWN_EVENT_TYPES = [
  'page_view',
  'email_open',
  'email_click',
  'form_submit',
  DEMO_REQUEST_EVENT,
] as const;

export interface RuleSetDraft {
  rules: ScoringRule[];
  /** Score at or above which a new/working lead becomes an MQL. */
  mqlThreshold: number;
  /** Score at or above which a new/working/MQL lead becomes an SQL. */
  sqlThreshold: number;
  /** A demo_request event makes the lead an SQL whatever its score. */
  demoRequestQualifies: boolean;
}

/** A saved rule set. */
export interface RuleSet extends RuleSetDraft {
  version: number;
}
