import type { ColumnType, Generated } from 'kysely';
import type { Language } from '../domain/i18n/languages.ts';

/** Kysely's view of the schema; one interface per table, composed in Database at the bottom. */

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
/** `date` columns are read as 'YYYY-MM-DD' text (see db.ts parsers). */
type DateText = string;

export interface SettingsTable {
  id: Generated<number>;
  currency: Generated<string>;
  locale: Generated<string>;
  time_zone: Generated<string>;
  working_days: Generated<number[]>;
  work_start_minute: Generated<number>;
  work_end_minute: Generated<number>;
  holiday_country: string | null;
  holiday_region: string | null;
  fiscal_year_start_month: Generated<number>;
  /** ISO weekday weeks start on; null = the locale's first day (migration 0035). */
  week_start_day: number | null;
  lead_sla_minutes: Generated<number>;
  lead_sla_same_business_day: Generated<boolean>;
  lead_min_attempts: Generated<number>;
  follow_up_target: Generated<number>;
  gross_margin_pct: Generated<number>;
  leaderboard_metrics: Generated<string[]>;
  planned_growth_pct: number | null;
  /** The zone the activity rollups' local days are in; they serve metrics only while it equals time_zone. */
  rollup_time_zone: Generated<string>;
  updated_at: UpdatedAt;
}

export interface HolidaysTable {
  day: DateText;
  name: string;
}

export interface TeamsTable {
  id: Generated<number>;
  external_id: string | null;
  name: string;
  manager_id: number | null;
  parent_team_id: number | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface UsersTable {
  id: Generated<number>;
  external_id: string | null;
  name: string;
  email: string;
  role: 'admin' | 'manager' | 'rep';
  team_id: number | null;
  hire_date: DateText | null;
  ramp_months: Generated<number>;
  /** Sales role (SDR, AE ...), picks the rep's scorecard; null = none (0026). */
  sales_role: Generated<string | null>;
  active: Generated<boolean>;
  password_hash: string | null;
  /** First day no longer employed (0028); set together with active = false. */
  left_on: DateText | null;
  leave_reason: string | null;
  /** The language the user reads the app in (0034); null = the browser's. */
  language: Language | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface AccountsTable {
  id: Generated<number>;
  external_id: string | null;
  name: string;
  industry: string | null;
  /** Employees. */
  company_size: number | null;
  /** ISO 3166-1 alpha-2, upper case. */
  country: string | null;
  region: string | null;
  owner_id: number | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface ContactsTable {
  id: Generated<number>;
  external_id: string | null;
  account_id: number | null;
  name: string;
  email: string | null;
  owner_id: number | null;
  first_touch_at: Date | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface PipelinesTable {
  id: Generated<number>;
  external_id: string | null;
  name: string;
  is_default: Generated<boolean>;
  probability_source: Generated<'configured' | 'learned'>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface StagesTable {
  id: Generated<number>;
  external_id: string | null;
  pipeline_id: number;
  name: string;
  position: number;
  probability_pct: number;
  is_won: Generated<boolean>;
  is_lost: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export type LeadStatus = 'new' | 'working' | 'mql' | 'sql' | 'disqualified' | 'converted';

export interface LeadsTable {
  id: Generated<number>;
  external_id: string | null;
  name: string;
  email: string | null;
  company: string | null;
  source: string | null;
  owner_id: number | null;
  status: Generated<LeadStatus>;
  created_at: Timestamp;
  mql_at: Timestamp | null;
  sql_at: Timestamp | null;
  disqualified_at: Timestamp | null;
  converted_at: Timestamp | null;
  converted_contact_id: number | null;
  converted_opportunity_id: number | null;
  first_touch_at: Timestamp | null;
  first_response_at: Timestamp | null;
  response_business_minutes: number | null;
  /** When the lead must have been contacted (leadSlaDeadline), filled by refreshDerived. */
  sla_deadline_at: Timestamp | null;
  /** Fit attributes (0020); the account's fill gaps where the lead has none. */
  account_id: number | null;
  industry: string | null;
  /** Employees. */
  company_size: number | null;
  /** ISO 3166-1 alpha-2, upper case. */
  country: string | null;
  region: string | null;
  persona: string | null;
  data_quality: 'ok' | 'inaccurate' | null;
  updated_at: UpdatedAt;
}

export type OpportunityStatus = 'open' | 'won' | 'lost';
export type OpportunityType = 'new_business' | 'upsell' | 'renewal';
export type ForecastCategory = 'pipeline' | 'best_case' | 'commit' | 'closed' | 'omitted';

export interface OpportunitiesTable {
  id: Generated<number>;
  external_id: string | null;
  name: string;
  account_id: number | null;
  contact_id: number | null;
  lead_id: number | null;
  owner_id: number | null;
  pipeline_id: number;
  stage_id: number;
  status: Generated<OpportunityStatus>;
  amount_minor: Generated<number>;
  currency: string;
  type: Generated<OpportunityType>;
  forecast_category: Generated<ForecastCategory>;
  forecast_amount_minor: number | null;
  lead_source: string | null;
  expected_close_date: DateText | null;
  created_at: Timestamp;
  closed_at: Timestamp | null;
  lost_reason: string | null;
  updated_at: UpdatedAt;
  /** Product or product line sold (0029); SPIFs and reports read it. */
  product: Generated<string | null>;
  /** Local date the deal's invoice was paid (0029); "credit when paid" plans count it then. */
  paid_on: Generated<DateText | null>;
}

export interface OpportunityHistoryTable {
  id: Generated<number>;
  opportunity_id: number;
  changed_at: Timestamp;
  stage_id: number;
  amount_minor: number;
  expected_close_date: DateText | null;
  forecast_category: ForecastCategory | null;
  owner_id: number | null;
  changed_by: number | null;
  /** Source-CRM id of the history row (imports only); added by migration 0005. */
  external_id: string | null;
  /** True for rows the importer derived from a deal's dates; a history import replaces them. */
  synthesized: Generated<boolean>;
}

/** activities.time_category (0032): what logged time was spent on; the list is TIME_CATEGORIES in the capture domain. */
export type TimeCategory =
  'selling' | 'prospecting' | 'admin' | 'crm_updates' | 'internal_meetings' | 'training' | 'travel';
/** activities.logged_via (0032): the path that wrote the row. */
export type LoggedVia = 'quick_log' | 'api' | 'webhook' | 'email' | 'calendar' | 'import' | 'demo';
export type ActivityType = 'call' | 'email' | 'meeting' | 'linkedin' | 'other';
export type ActivityOutcome =
  'connected' | 'no_answer' | 'voicemail' | 'held' | 'no_show' | 'scheduled' | 'replied' | 'bounced' | 'sent';

export interface ActivitiesTable {
  id: Generated<number>;
  external_id: string | null;
  type: ActivityType;
  direction: Generated<'outbound' | 'inbound'>;
  outcome: ActivityOutcome | null;
  duration_seconds: number | null;
  user_id: number | null;
  lead_id: number | null;
  contact_id: number | null;
  account_id: number | null;
  opportunity_id: number | null;
  subject: string | null;
  occurred_at: Timestamp;
  is_new_prospect: Generated<boolean>;
  /** Migration 0032 (issue 18). */
  time_category: TimeCategory | null;
  booked_at: Timestamp | null;
  note: string | null;
  logged_via: LoggedVia | null;
  created_at: CreatedAt;
  /** Migration 0041: derived at write time (src/store/derived/activity-flags.ts), like is_new_prospect. */
  repeat_touch: Generated<boolean>;
  held_meeting_before: Generated<boolean>;
}

export interface GoalsTable {
  id: Generated<number>;
  external_id: string | null;
  name: string;
  metric_id: string;
  scope_type: 'user' | 'team' | 'company';
  scope_id: number | null;
  grain: 'day' | 'week' | 'month' | 'quarter' | 'year';
  period_key: string | null;
  target: number;
  direction: Generated<'at_least' | 'at_most'>;
  template: string | null;
  created_by: number | null;
  archived_at: Timestamp | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface BadgesTable {
  id: Generated<number>;
  user_id: number;
  kind: 'goal_streak' | 'personal_best' | 'goal_met';
  metric_id: string;
  goal_id: number | null;
  period_key: string;
  value: number | null;
  details: Generated<unknown>;
  awarded_at: CreatedAt;
}

export interface CustomersTable {
  id: Generated<number>;
  external_id: string | null;
  account_id: number | null;
  name: string;
  acquired_by: number | null;
  started_at: DateText;
  ended_at: DateText | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface SubscriptionsTable {
  id: Generated<number>;
  external_id: string | null;
  customer_id: number;
  start_date: DateText;
  end_date: DateText | null;
  mrr_minor: number;
  currency: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface AcquisitionCostsTable {
  id: Generated<number>;
  external_id: string | null;
  period_start: DateText;
  period_end: DateText;
  category: Generated<string>;
  team_id: number | null;
  amount_minor: number;
  currency: string;
  created_at: CreatedAt;
}

export interface ImportsTable {
  id: Generated<number>;
  source: string;
  entity: string;
  file_name: string;
  status: 'running' | 'succeeded' | 'rejected' | 'failed';
  rows_total: Generated<number>;
  rows_imported: Generated<number>;
  rows_rejected: Generated<number>;
  rejects: Generated<unknown>;
  started_by: number | null;
  started_at: CreatedAt;
  finished_at: Timestamp | null;
  /** Added by migration 0005. */
  rows_created: Generated<number>;
  rows_updated: Generated<number>;
  rows_unchanged: Generated<number>;
  rows_skipped: Generated<number>;
  error: string | null;
}

/** A deal credited to several people (0029); shares in basis points sum to 10000 per deal. */
export interface OpportunitySplitsTable {
  opportunity_id: number;
  user_id: number;
  share_bp: number;
}

/** Every table; capability migrations add their tables here (keep one line per table). */
export interface Database {
  settings: SettingsTable;
  holidays: HolidaysTable;
  teams: TeamsTable;
  users: UsersTable;
  accounts: AccountsTable;
  contacts: ContactsTable;
  pipelines: PipelinesTable;
  stages: StagesTable;
  leads: LeadsTable;
  opportunities: OpportunitiesTable;
  opportunity_history: OpportunityHistoryTable;
  activities: ActivitiesTable;
  goals: GoalsTable;
  badges: BadgesTable;
  customers: CustomersTable;
  subscriptions: SubscriptionsTable;
  acquisition_costs: AcquisitionCostsTable;
  imports: ImportsTable;
  sessions: import('./tables/auth.ts').SessionsTable;
  api_tokens: import('./tables/auth.ts').ApiTokensTable;
  audit_log: import('./tables/auth.ts').AuditLogTable;
  auth_failures: import('./tables/auth.ts').AuthFailuresTable;
  alerts: import('./tables/alerts.ts').AlertsTable;
  webhook_endpoints: import('./tables/alerts.ts').WebhookEndpointsTable;
  webhook_deliveries: import('./tables/alerts.ts').WebhookDeliveriesTable;
  forecast_calls: import('./tables/forecast.ts').ForecastCallsTable;
  forecast_snapshots: import('./tables/forecast.ts').ForecastSnapshotsTable;
  forecast_snapshot_values: import('./tables/forecast.ts').ForecastSnapshotValuesTable;
  forecast_snapshot_lines: import('./tables/forecast.ts').ForecastSnapshotLinesTable;
  job_runs: import('./tables/job-runs.ts').JobRunsTable;
  lead_events: import('./tables/lead-events.ts').LeadEventsTable;
  scoring_rule_sets: import('./tables/scoring-rule-sets.ts').ScoringRuleSetsTable;
  lead_scores: import('./tables/lead-scores.ts').LeadScoresTable;
  lead_status_changes: import('./tables/lead-status-changes.ts').LeadStatusChangesTable;
  scoring_rescores: import('./tables/scoring-rescores.ts').ScoringRescoresTable;
  routing_settings: import('./tables/routing.ts').RoutingSettingsTable;
  routing_reps: import('./tables/routing.ts').RoutingRepsTable;
  out_of_office: import('./tables/routing.ts').OutOfOfficeTable;
  routing_rules: import('./tables/routing.ts').RoutingRulesTable;
  routing_round_robin: import('./tables/routing.ts').RoutingRoundRobinTable;
  lead_assignments: import('./tables/routing.ts').LeadAssignmentsTable;
  coaching_plans: import('./tables/coaching-plans.ts').CoachingPlansTable;
  coaching_plan_skills: import('./tables/coaching-plans.ts').CoachingPlanSkillsTable;
  coaching_plan_actions: import('./tables/coaching-plans.ts').CoachingPlanActionsTable;
  coaching_plan_targets: import('./tables/coaching-plans.ts').CoachingPlanTargetsTable;
  coaching_plan_check_ins: import('./tables/coaching-plans.ts').CoachingPlanCheckInsTable;
  hiring_openings: import('./tables/hiring.ts').HiringOpeningsTable;
  hiring_criteria: import('./tables/hiring.ts').HiringCriteriaTable;
  hiring_candidates: import('./tables/hiring.ts').HiringCandidatesTable;
  hiring_scores: import('./tables/hiring.ts').HiringScoresTable;
  scorecards: import('./tables/scorecards.ts').ScorecardsTable;
  quadrant_settings: import('./tables/quadrant-settings.ts').QuadrantSettingsTable;
  opportunity_splits: OpportunitySplitsTable;
  commission_plans: import('./tables/commissions.ts').CommissionPlansTable;
  commission_plan_versions: import('./tables/commissions.ts').CommissionPlanVersionsTable;
  commission_assignments: import('./tables/commissions.ts').CommissionAssignmentsTable;
  commission_statements: import('./tables/commissions.ts').CommissionStatementsTable;
  commission_statement_lines: import('./tables/commissions.ts').CommissionStatementLinesTable;
  commission_disputes: import('./tables/commissions.ts').CommissionDisputesTable;
  capture_sources: import('./tables/capture.ts').CaptureSourcesTable;
  capture_settings: import('./tables/capture.ts').CaptureSettingsTable;
  capture_email_messages: import('./tables/capture.ts').CaptureEmailMessagesTable;
  exchange_rates: import('./tables/exchange-rates.ts').ExchangeRatesTable;
}
