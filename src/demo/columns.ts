import type { ColumnTypes } from './bulk-insert.ts';

// The columns the demo writes per table, with their PostgreSQL types (see migrations/0001-initial.ts).

export const TEAM_COLUMNS: ColumnTypes = {
  id: 'int8',
  name: 'text',
  manager_id: 'int8',
  parent_team_id: 'int8',
};

export const USER_COLUMNS: ColumnTypes = {
  id: 'int8',
  name: 'text',
  email: 'text',
  role: 'text',
  team_id: 'int8',
  hire_date: 'date',
  ramp_months: 'int2',
  active: 'bool',
  password_hash: 'text',
  created_at: 'timestamptz',
};

export const ACCOUNT_COLUMNS: ColumnTypes = {
  id: 'int8',
  name: 'text',
  industry: 'text',
  owner_id: 'int8',
  created_at: 'timestamptz',
};

export const CONTACT_COLUMNS: ColumnTypes = {
  id: 'int8',
  account_id: 'int8',
  name: 'text',
  email: 'text',
  owner_id: 'int8',
  first_touch_at: 'timestamptz',
  created_at: 'timestamptz',
};

export const LEAD_COLUMNS: ColumnTypes = {
  id: 'int8',
  name: 'text',
  email: 'text',
  company: 'text',
  source: 'text',
  owner_id: 'int8',
  status: 'text',
  created_at: 'timestamptz',
  mql_at: 'timestamptz',
  sql_at: 'timestamptz',
  disqualified_at: 'timestamptz',
  converted_at: 'timestamptz',
  converted_contact_id: 'int8',
  first_touch_at: 'timestamptz',
  first_response_at: 'timestamptz',
  response_business_minutes: 'int4',
  sla_deadline_at: 'timestamptz',
  persona: 'text',
  industry: 'text',
  company_size: 'int4',
  country: 'text',
  region: 'text',
  data_quality: 'text',
};

/** lead_events; properties and received_at take their defaults. */
export const LEAD_EVENT_COLUMNS: ColumnTypes = {
  id: 'int8',
  external_id: 'text',
  lead_id: 'int8',
  type: 'text',
  url: 'text',
  occurred_at: 'timestamptz',
};

export const OPPORTUNITY_COLUMNS: ColumnTypes = {
  id: 'int8',
  name: 'text',
  account_id: 'int8',
  contact_id: 'int8',
  lead_id: 'int8',
  owner_id: 'int8',
  pipeline_id: 'int8',
  stage_id: 'int8',
  status: 'text',
  amount_minor: 'int8',
  currency: 'text',
  type: 'text',
  forecast_category: 'text',
  forecast_amount_minor: 'int8',
  lead_source: 'text',
  expected_close_date: 'date',
  created_at: 'timestamptz',
  closed_at: 'timestamptz',
  lost_reason: 'text',
  product: 'text',
  paid_on: 'date',
};

export const HISTORY_COLUMNS: ColumnTypes = {
  opportunity_id: 'int8',
  changed_at: 'timestamptz',
  stage_id: 'int8',
  amount_minor: 'int8',
  expected_close_date: 'date',
  forecast_category: 'text',
  owner_id: 'int8',
  changed_by: 'int8',
};

export const ACTIVITY_COLUMNS: ColumnTypes = {
  type: 'text',
  direction: 'text',
  outcome: 'text',
  duration_seconds: 'int4',
  user_id: 'int8',
  lead_id: 'int8',
  contact_id: 'int8',
  account_id: 'int8',
  opportunity_id: 'int8',
  subject: 'text',
  occurred_at: 'timestamptz',
  is_new_prospect: 'bool',
  // Issue 18: demo rows say so; the padder's rows are quick_log, written at day end (src/demo/padder.ts).
  logged_via: 'text',
  created_at: 'timestamptz',
  // Issue 18: the non-selling time rows' category and when each meeting was set (src/demo/work-time.ts).
  time_category: 'text',
  booked_at: 'timestamptz',
  // Migration 0041, filled by the derived prefill (repeat_touch is left to the refresh: about 0.3% of rows).
  held_meeting_before: 'bool',
};

export const CUSTOMER_COLUMNS: ColumnTypes = {
  id: 'int8',
  account_id: 'int8',
  name: 'text',
  acquired_by: 'int8',
  started_at: 'date',
  ended_at: 'date',
};

export const SUBSCRIPTION_COLUMNS: ColumnTypes = {
  customer_id: 'int8',
  start_date: 'date',
  end_date: 'date',
  mrr_minor: 'int8',
  currency: 'text',
};

export const GOAL_COLUMNS: ColumnTypes = {
  name: 'text',
  metric_id: 'text',
  scope_type: 'text',
  scope_id: 'int8',
  grain: 'text',
  period_key: 'text',
  target: 'int8',
  direction: 'text',
  template: 'text',
  created_by: 'int8',
};

export const COST_COLUMNS: ColumnTypes = {
  period_start: 'date',
  period_end: 'date',
  category: 'text',
  team_id: 'int8',
  amount_minor: 'int8',
  currency: 'text',
};
