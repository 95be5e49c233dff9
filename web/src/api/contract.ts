import { MEETING_PACK_FIELDS } from './types/meeting-pack.ts';
import { FORECAST_FIELDS } from './types/forecast.ts';
import { FUNNEL_FIELDS } from './types/funnel.ts';
import { FUNNEL_DIAGNOSIS_FIELDS, PIPELINE_CHANGES_FIELDS } from './types/coaching.ts';
import { CADENCE_FIELDS } from './types/cadence.ts';
import { BENCHMARKS_FIELDS, QUADRANTS_FIELDS, SCORECARD_FIELDS } from './types/coaching.ts';
import { GOAL_FIELDS } from './types/goals.ts';
import { LEADERBOARD_FIELDS } from './types/leaderboard.ts';
import { IMPORT_SUMMARY_FIELDS } from './types/imports.ts';
import { METRIC_REPORT_FIELDS } from './types/metrics.ts';
import { TEAM_FIELDS, USER_FIELDS } from './types/people.ts';
import { LEAD_FIELDS, OPPORTUNITY_FIELDS } from './types/rows.ts';
import { PLAN_FIELDS } from './types/plans.ts';
import {
  COMMISSION_PLAN_FIELDS,
  COMMISSION_RUN_FIELDS,
  ESTIMATE_FIELDS,
  STATEMENT_DETAIL_FIELDS,
  WHAT_IF_FIELDS,
} from './types/commissions.ts';
import { SETTINGS_FIELDS } from './types/settings.ts';
import { CALIBRATION_FIELDS, PREVIEW_FIELDS, RULES_FIELDS } from './types/scoring.ts';

/** One endpoint the web app calls, in OpenAPI path syntax, with the response fields it reads. */
export interface ContractEntry {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  /** Fields read from the success response; `in` says where: the body itself or each element of `items`. */
  fields?: readonly string[];
  in?: 'body' | 'items';
  /** Not served yet by the API (its engineer is building it); the page shows "not available" until then. */
  pending?: boolean;
}

/**
 * Every endpoint the web app calls. e2e/api-contract.test.ts checks each against /api/openapi.json, so a
 * renamed field or path fails a test instead of a dashboard.
 */
export const API_CONTRACT: readonly ContractEntry[] = [
  { method: 'post', path: '/api/auth/login', fields: ['user', 'csrfToken'] },
  { method: 'get', path: '/api/auth/me', fields: ['user', 'csrfToken'] },
  { method: 'post', path: '/api/auth/logout' },
  { method: 'get', path: '/api/settings', fields: SETTINGS_FIELDS },
  { method: 'put', path: '/api/settings', fields: SETTINGS_FIELDS },
  { method: 'get', path: '/api/holidays', fields: ['year', 'custom', 'resolved'] },
  { method: 'put', path: '/api/holidays', fields: ['year', 'custom', 'resolved'] },
  { method: 'get', path: '/api/users', fields: USER_FIELDS, in: 'items' },
  { method: 'post', path: '/api/users', fields: USER_FIELDS },
  { method: 'patch', path: '/api/users/{id}', fields: USER_FIELDS },
  { method: 'get', path: '/api/teams', fields: TEAM_FIELDS, in: 'items' },
  { method: 'post', path: '/api/teams', fields: TEAM_FIELDS },
  { method: 'get', path: '/api/opportunities', fields: OPPORTUNITY_FIELDS, in: 'items' },
  { method: 'get', path: '/api/leads', fields: LEAD_FIELDS, in: 'items' },
  { method: 'get', path: '/api/scoring/rules', fields: RULES_FIELDS },
  { method: 'put', path: '/api/scoring/rules', fields: ['ruleSet', 'rescore'] },
  { method: 'post', path: '/api/scoring/rules/preview', fields: PREVIEW_FIELDS },
  { method: 'get', path: '/api/scoring/calibration', fields: CALIBRATION_FIELDS },
  { method: 'get', path: '/api/routing/speed-to-lead', fields: ['rows'] },
  { method: 'get', path: '/api/routing/fairness', fields: ['rows'] },
  { method: 'get', path: '/api/routing/rules', fields: ['rules'] },
  { method: 'post', path: '/api/routing/rules' },
  { method: 'delete', path: '/api/routing/rules/{id}' },
  { method: 'get', path: '/api/routing/out-of-office', fields: ['periods'] },
  { method: 'post', path: '/api/routing/out-of-office' },
  { method: 'delete', path: '/api/routing/out-of-office/{id}' },
  {
    method: 'get',
    path: '/api/hiring/openings',
    fields: ['id', 'name', 'teamName', 'status', 'candidates'],
    in: 'items',
  },
  { method: 'get', path: '/api/hiring/openings/{id}/candidates', fields: ['opening', 'candidates'] },
  { method: 'put', path: '/api/hiring/candidates/{id}/scores', fields: ['recorded'] },
  {
    method: 'get',
    path: '/api/hiring/predictors',
    fields: ['asOf', 'minObservedDays', 'hires', 'predictors'],
  },
  { method: 'get', path: '/api/hiring/turnover', fields: ['from', 'to', 'company', 'byTeam', 'byBand'] },
  { method: 'get', path: '/api/coaching/scorecard', fields: SCORECARD_FIELDS },
  { method: 'get', path: '/api/coaching/benchmarks', fields: BENCHMARKS_FIELDS },
  { method: 'get', path: '/api/coaching/quadrants', fields: QUADRANTS_FIELDS },
  { method: 'get', path: '/api/metrics', fields: METRIC_REPORT_FIELDS },
  { method: 'get', path: '/api/metrics/definitions', fields: ['metrics'] },
  { method: 'get', path: '/api/funnel', fields: FUNNEL_FIELDS },
  { method: 'get', path: '/api/goals', fields: ['goals'] },
  { method: 'post', path: '/api/goals', fields: GOAL_FIELDS },
  { method: 'get', path: '/api/goals/pacing', fields: ['goals'] },
  { method: 'get', path: '/api/contacts', fields: ['contacts'] },
  { method: 'post', path: '/api/activities/quick-log', fields: ['activity', 'nextStep'] },
  { method: 'get', path: '/api/activities/today', fields: ['date', 'values', 'goals', 'scheduled'] },
  { method: 'get', path: '/api/coaching/plans', fields: ['plans'] },
  { method: 'get', path: '/api/coaching/plans/{id}', fields: PLAN_FIELDS },
  { method: 'post', path: '/api/coaching/plans' },
  { method: 'post', path: '/api/coaching/plans/{id}/check-ins' },
  { method: 'post', path: '/api/coaching/plans/{id}/outcome' },
  { method: 'get', path: '/api/leaderboards', fields: LEADERBOARD_FIELDS },
  { method: 'get', path: '/api/cadence/gaps', fields: CADENCE_FIELDS },
  { method: 'get', path: '/api/users/{id}/badges', fields: ['badges'] },
  { method: 'get', path: '/api/forecast', fields: FORECAST_FIELDS },
  { method: 'get', path: '/api/forecast/calls', fields: ['calls'] },
  { method: 'put', path: '/api/forecast/calls', fields: ['call', 'dealsUpdated'] },
  {
    method: 'get',
    path: '/api/pipelines',
    fields: ['id', 'name', 'isDefault', 'probabilitySource', 'stages'],
    in: 'items',
  },
  { method: 'patch', path: '/api/stages/{id}', fields: ['id', 'probabilityPct'] },
  { method: 'post', path: '/api/imports', fields: IMPORT_SUMMARY_FIELDS },
  { method: 'get', path: '/api/imports/{id}/rejects.csv' },
  { method: 'get', path: '/api/pipeline-changes', fields: PIPELINE_CHANGES_FIELDS },
  { method: 'get', path: '/api/coaching/funnel-diagnosis', fields: FUNNEL_DIAGNOSIS_FIELDS },
  { method: 'get', path: '/api/meeting-pack', fields: MEETING_PACK_FIELDS },
  // Commissions (issue 17).
  { method: 'get', path: '/api/commissions/plans', fields: ['plans'] },
  { method: 'post', path: '/api/commissions/plans', fields: COMMISSION_PLAN_FIELDS },
  { method: 'post', path: '/api/commissions/plans/{id}/versions', fields: COMMISSION_PLAN_FIELDS },
  { method: 'post', path: '/api/commissions/assignments' },
  { method: 'delete', path: '/api/commissions/assignments/{id}' },
  { method: 'post', path: '/api/commissions/runs', fields: COMMISSION_RUN_FIELDS },
  { method: 'get', path: '/api/commissions/statements', fields: ['statements'] },
  { method: 'get', path: '/api/commissions/statements/{id}', fields: STATEMENT_DETAIL_FIELDS },
  { method: 'post', path: '/api/commissions/statements/lock' },
  { method: 'post', path: '/api/commissions/statements/{id}/lock' },
  { method: 'post', path: '/api/commissions/statements/{id}/pay' },
  { method: 'post', path: '/api/commissions/statements/{id}/disputes' },
  { method: 'get', path: '/api/commissions/disputes', fields: ['disputes'] },
  { method: 'post', path: '/api/commissions/disputes/{id}/resolve' },
  { method: 'get', path: '/api/commissions/estimate', fields: ESTIMATE_FIELDS },
  { method: 'post', path: '/api/commissions/what-if', fields: WHAT_IF_FIELDS },
  { method: 'get', path: '/api/commissions/export' },
];
