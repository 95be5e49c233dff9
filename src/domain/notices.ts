/**
 * A note a reader must see (a forecast's thin pipeline, a statement's excluded deals), in structured form: a
 * stable code and the values it names. Responses carry these as `notices` beside `warnings`, the same notes in
 * English for the CLI and scripts; the web app says each notice in the reader's language by its code
 * (docs/localization.md). Money is minor units with its currency, rates basis points, names as written.
 */
export interface Notice<Code extends string = string> {
  code: Code;
  params: Record<string, string | number | string[]>;
}

/** The notes of a commission statement (src/domain/commissions/compute-statement.ts). */
export const STATEMENT_NOTICES = [
  /** A plan segment pays in another currency than the statement: {from, planCurrency, currency}. */
  'plan_currency',
  /** No target for the whole period: {rateBp, tier} (the on-target tier's rate and 1-based number). */
  'no_target',
  /** No target for one plan segment: {segment (1-based), from, to (exclusive), rateBp, tier}. */
  'no_target_segment',
  /** A target bonus reached again after a plan change is paid once: {label}. */
  'bonus_repeated',
  /** Deals credited on days without a plan assignment are not counted: {count}. */
  'outside_plan',
  /** Deals in another currency than the statement's are not counted: {count, currency}. */
  'other_currency',
  /** Deductions exceed earnings: {amountMinor, currency}. */
  'negative_payout',
] as const;
export type StatementNotice = Notice<(typeof STATEMENT_NOTICES)[number]>;

/** The notes of a what-if plan model (src/store/queries/commissions/what-if.ts); `names` are the first ten. */
export const WHAT_IF_NOTICES = [
  /** {names, more}: people on no plan today, so without a baseline. */
  'no_plan_today',
  /** {names, more, currency}: people on a plan in another currency, so without a baseline. */
  'other_currency_plan',
  /** {names, more}: people without a target in some periods. */
  'no_target',
] as const;
export type WhatIfNotice = Notice<(typeof WHAT_IF_NOTICES)[number]>;

/** The notes of a forecast (src/store/queries/forecast/forecast-report.ts). */
export const FORECAST_NOTICES = [
  /** {period, coveragePct}: open pipeline covers less than the run rate expects. */
  'low_coverage',
  /** {method}: the blend has not beaten this method, which is the number to plan with. */
  'blend_not_used',
] as const;
export type ForecastNotice = Notice<(typeof FORECAST_NOTICES)[number]>;
