import type { RouteModule } from '../app-types.ts';
import health from './health.ts';
import getPrintPdf from './print/get-pdf.ts';
import authLogin from './auth/login.ts';
import authLogout from './auth/logout.ts';
import authMe from './auth/me.ts';
import authChangePassword from './auth/change-password.ts';
import authSetLanguage from './auth/set-language.ts';
import createToken from './tokens/create-token.ts';
import listTokens from './tokens/list-tokens.ts';
import revokeToken from './tokens/revoke-token.ts';
import listAudit from './audit/list-audit.ts';
import listUsers from './users/list-users.ts';
import getUser from './users/get-user.ts';
import createUser from './users/create-user.ts';
import updateUser from './users/update-user.ts';
import listTeams from './teams/list-teams.ts';
import createTeam from './teams/create-team.ts';
import updateTeam from './teams/update-team.ts';
import listOpportunities from './opportunities/list-opportunities.ts';
import exportOpportunities from './opportunities/export-opportunities.ts';
import getOpportunity from './opportunities/get-opportunity.ts';
import getOpportunitySplits from './opportunities/get-splits.ts';
import putOpportunitySplits from './opportunities/put-splits.ts';
import postCommissionsWhatIf from './commissions/what-if.ts';
import listActivities from './activities/list-activities.ts';
import exportActivities from './activities/export-activities.ts';
import getActivity from './activities/get-activity.ts';
import postActivities from './activities/post-activities.ts';
import quickLog from './activities/quick-log.ts';
import activitiesToday from './activities/today.ts';
import searchContacts from './contacts/search-contacts.ts';
import listCaptureSources from './capture/list-sources.ts';
import createCaptureSource from './capture/create-source.ts';
import updateCaptureSource from './capture/update-source.ts';
import receiveCaptureWebhook from './capture/receive-webhook.ts';
import captureSettings from './capture/settings.ts';
import listLeads from './leads/list-leads.ts';
import exportLeads from './leads/export-leads.ts';
import getLead from './leads/get-lead.ts';
import settingsGet from './settings-get.ts';
import settingsUpdate from './settings-update.ts';
import holidaysList from './holidays-list.ts';
import holidaysUpdate from './holidays-update.ts';
import createImport from './imports/create-import.ts';
import listImports from './imports/list-imports.ts';
import getImportRejectsCsv from './imports/get-import-rejects.ts';
import getForecast from './forecast/get-forecast.ts';
import putForecastCalls from './forecast/put-calls.ts';
import getForecastCalls from './forecast/get-calls.ts';
import postForecastSnapshot from './forecast/post-snapshot.ts';
import getForecastSnapshots from './forecast/get-snapshots.ts';
import getForecastBacktest from './forecast/get-backtest.ts';
import getPlan from './plan/get-plan.ts';
import postPlan from './plan/post-plan.ts';
import getMetrics from './metrics/get-metrics.ts';
import getMetricDefinitions from './metrics/get-metric-definitions.ts';
import getFunnel from './funnel/get-funnel.ts';
import listGoals from './goals/list-goals.ts';
import createGoal from './goals/create-goal.ts';
import updateGoal from './goals/update-goal.ts';
import archiveGoal from './goals/archive-goal.ts';
import goalTemplates from './goals/goal-templates.ts';
import goalPacing from './goals/goal-pacing.ts';
import cadenceGaps from './cadence/cadence-gaps.ts';
import listAlerts from './alerts/list-alerts.ts';
import ackAlert from './alerts/ack-alert.ts';
import webhookEndpoints from './webhooks/webhook-endpoints.ts';
import webhookEndpoint from './webhooks/webhook-endpoint.ts';
import getLeaderboard from './leaderboards/get-leaderboard.ts';
import listUserBadges from './badges/list-user-badges.ts';
import listPipelines from './pipelines/list-pipelines.ts';
import updateStage from './pipelines/update-stage.ts';
import updatePipeline from './pipelines/update-pipeline.ts';
import postEvents from './events/post-events.ts';
import importEvents from './events/import-events.ts';
import getLeadScore from './scoring/get-lead-score.ts';
import getScoringRules from './scoring/get-rules.ts';
import putScoringRules from './scoring/put-rules.ts';
import previewScoringRules from './scoring/preview-rules.ts';
import getScoringRescores from './scoring/get-rescore.ts';
import getScoringCalibration from './scoring/get-calibration.ts';
import listRoutingRules from './routing/list-rules.ts';
import createRoutingRule from './routing/create-rule.ts';
import updateRoutingRule from './routing/update-rule.ts';
import deleteRoutingRule from './routing/delete-rule.ts';
import getRoutingSettings from './routing/get-settings.ts';
import updateRoutingSettings from './routing/update-settings.ts';
import listRoutingReps from './routing/list-reps.ts';
import updateRoutingRep from './routing/update-rep.ts';
import listOutOfOffice from './routing/list-ooo.ts';
import createOutOfOffice from './routing/create-ooo.ts';
import deleteOutOfOffice from './routing/delete-ooo.ts';
import listLeadAssignments from './routing/list-assignments.ts';
import runLeadRouting from './routing/run-routing.ts';
import routingFairness from './routing/fairness.ts';
import speedToLead from './routing/speed-to-lead.ts';
import assignLead from './routing/assign-lead.ts';
import listCoachingPlans from './coaching-plans/list-plans.ts';
import createCoachingPlan from './coaching-plans/create-plan.ts';
import getCoachingPlan from './coaching-plans/get-plan.ts';
import updateCoachingPlan from './coaching-plans/update-plan.ts';
import addCoachingPlanCheckIn from './coaching-plans/add-check-in.ts';
import recordCoachingPlanOutcome from './coaching-plans/record-outcome.ts';
import coachingPlanStatus from './coaching-plans/plan-status.ts';
import listHiringOpenings from './hiring/list-openings.ts';
import createHiringOpening from './hiring/create-opening.ts';
import updateHiringOpening from './hiring/update-opening.ts';
import compareHiringCandidates from './hiring/compare-candidates.ts';
import createHiringCandidate from './hiring/create-candidate.ts';
import updateHiringCandidate from './hiring/update-candidate.ts';
import recordHiringScores from './hiring/record-scores.ts';
import hiringPredictors from './hiring/predictors.ts';
import hiringTurnover from './hiring/turnover.ts';
import getFunnelDiagnosis from './coaching/get-funnel-diagnosis.ts';
import getPipelineChanges from './coaching/get-pipeline-changes.ts';
import getMeetingPack from './meeting-pack/get-meeting-pack.ts';
import listCoachingScorecards from './coaching/list-scorecards.ts';
import createCoachingScorecard from './coaching/create-scorecard.ts';
import updateCoachingScorecard from './coaching/update-scorecard.ts';
import getCoachingScorecard from './coaching/get-scorecard.ts';
import getCoachingBenchmarks from './coaching/get-benchmarks.ts';
import getCoachingQuadrants from './coaching/get-quadrants.ts';
import getQuadrantSettings from './coaching/get-quadrant-settings.ts';
import updateQuadrantSettings from './coaching/update-quadrant-settings.ts';
import listCommissionPlans from './commissions/list-plans.ts';
import createCommissionPlan from './commissions/create-plan.ts';
import createCommissionPlanVersion from './commissions/create-version.ts';
import createCommissionAssignment from './commissions/create-assignment.ts';
import deleteCommissionAssignment from './commissions/delete-assignment.ts';
import runCommissions from './commissions/run-commissions.ts';
import listCommissionStatements from './commissions/list-statements.ts';
import lockCommissionPeriod from './commissions/lock-period.ts';
import getCommissionStatement from './commissions/get-statement.ts';
import lockCommissionStatement from './commissions/lock-statement.ts';
import payCommissionStatement from './commissions/pay-statement.ts';
import raiseCommissionDispute from './commissions/raise-dispute.ts';
import listCommissionDisputes from './commissions/list-disputes.ts';
import resolveCommissionDispute from './commissions/resolve-dispute.ts';
import exportCommissionPayroll from './commissions/export-payroll.ts';
import commissionEstimate from './commissions/estimate.ts';

/** Every route module, registered in this order. Add one import and one entry per new route file. */
export const routes: RouteModule[] = [
  health,
  authLogin,
  authLogout,
  authMe,
  authChangePassword,
  authSetLanguage,
  createToken,
  listTokens,
  revokeToken,
  listAudit,
  listUsers,
  getUser,
  createUser,
  updateUser,
  listTeams,
  createTeam,
  updateTeam,
  listOpportunities,
  exportOpportunities,
  getOpportunity,
  getOpportunitySplits,
  putOpportunitySplits,
  postCommissionsWhatIf,
  listActivities,
  exportActivities,
  getActivity,
  postActivities,
  quickLog,
  activitiesToday,
  searchContacts,
  listCaptureSources,
  createCaptureSource,
  updateCaptureSource,
  receiveCaptureWebhook,
  captureSettings,
  listLeads,
  exportLeads,
  getLead,
  settingsGet,
  settingsUpdate,
  holidaysList,
  holidaysUpdate,
  createImport,
  listImports,
  getImportRejectsCsv,
  getForecast,
  putForecastCalls,
  getForecastCalls,
  postForecastSnapshot,
  getForecastSnapshots,
  getForecastBacktest,
  getPlan,
  postPlan,
  getMetricDefinitions,
  getMetrics,
  getFunnel,
  listGoals,
  createGoal,
  updateGoal,
  archiveGoal,
  goalTemplates,
  goalPacing,
  cadenceGaps,
  listAlerts,
  ackAlert,
  webhookEndpoints,
  webhookEndpoint,
  getLeaderboard,
  listUserBadges,
  listPipelines,
  updateStage,
  updatePipeline,
  postEvents,
  importEvents,
  getLeadScore,
  getScoringRules,
  putScoringRules,
  previewScoringRules,
  getScoringRescores,
  getScoringCalibration,
  listRoutingRules,
  createRoutingRule,
  updateRoutingRule,
  deleteRoutingRule,
  getRoutingSettings,
  updateRoutingSettings,
  listRoutingReps,
  updateRoutingRep,
  listOutOfOffice,
  createOutOfOffice,
  deleteOutOfOffice,
  listLeadAssignments,
  runLeadRouting,
  routingFairness,
  speedToLead,
  assignLead,
  getPrintPdf,
  listCoachingPlans,
  createCoachingPlan,
  getCoachingPlan,
  updateCoachingPlan,
  addCoachingPlanCheckIn,
  recordCoachingPlanOutcome,
  coachingPlanStatus,
  listHiringOpenings,
  createHiringOpening,
  updateHiringOpening,
  compareHiringCandidates,
  createHiringCandidate,
  updateHiringCandidate,
  recordHiringScores,
  hiringPredictors,
  hiringTurnover,
  getFunnelDiagnosis,
  getPipelineChanges,
  getMeetingPack,
  listCoachingScorecards,
  createCoachingScorecard,
  updateCoachingScorecard,
  getCoachingScorecard,
  getCoachingBenchmarks,
  getCoachingQuadrants,
  getQuadrantSettings,
  updateQuadrantSettings,
  listCommissionPlans,
  createCommissionPlan,
  createCommissionPlanVersion,
  createCommissionAssignment,
  deleteCommissionAssignment,
  runCommissions,
  listCommissionStatements,
  lockCommissionPeriod,
  getCommissionStatement,
  lockCommissionStatement,
  payCommissionStatement,
  raiseCommissionDispute,
  listCommissionDisputes,
  resolveCommissionDispute,
  exportCommissionPayroll,
  commissionEstimate,
];
