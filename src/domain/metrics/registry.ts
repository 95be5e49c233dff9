import { leadsAssigned } from './definitions/leads-assigned.ts';
import { assignedLeadScoreMean } from './definitions/assigned-lead-score-mean.ts';
import type { MetricDefinition } from './definition.ts';
import { calls } from './definitions/calls.ts';
import { emails } from './definitions/emails.ts';
import { meetings } from './definitions/meetings.ts';
import { linkedinTouches } from './definitions/linkedin-touches.ts';
import { activities } from './definitions/activities.ts';
import { uniqueContacts } from './definitions/unique-contacts.ts';
import { newProspects } from './definitions/new-prospects.ts';
import { followUps } from './definitions/follow-ups.ts';
import { connectRate } from './definitions/connect-rate.ts';
import { meetingsHeld } from './definitions/meetings-held.ts';
import { meetingsPerProspectingActivity } from './definitions/meetings-per-prospecting-activity.ts';
import { meetingsHeldPerFirstTouch } from './definitions/meetings-held-per-first-touch.ts';
import { meetingsBooked } from './definitions/meetings-booked.ts';
import { prospectingActivities } from './definitions/prospecting-activities.ts';
import { followUpsAfterMeeting } from './definitions/follow-ups-after-meeting.ts';
import { revenuePerCustomer } from './definitions/revenue-per-customer.ts';
import { loggedMinutes } from './definitions/logged-minutes.ts';
import { loggedTimeShare } from './definitions/logged-time-share.ts';
import { nonSellingTimeShare } from './definitions/non-selling-time-share.ts';
import { closeRateMeetings } from './definitions/close-rate-meetings.ts';
import { winRate } from './definitions/win-rate.ts';
import { wonCount } from './definitions/won-count.ts';
import { lostCount } from './definitions/lost-count.ts';
import { lostDealsFewFollowUps } from './definitions/lost-deals-few-follow-ups.ts';
import { wonRevenue } from './definitions/won-revenue.ts';
import { avgDealSize } from './definitions/avg-deal-size.ts';
import { newBusinessRevenue } from './definitions/new-business-revenue.ts';
import { upsellRevenue } from './definitions/upsell-revenue.ts';
import { renewalRevenue } from './definitions/renewal-revenue.ts';
import { pipelineValue } from './definitions/pipeline-value.ts';
import { weightedPipeline } from './definitions/weighted-pipeline.ts';
import { opportunitiesCreated } from './definitions/opportunities-created.ts';
import { salesCycleDaysMedian } from './definitions/sales-cycle-days-median.ts';
import { salesCycleDaysMean } from './definitions/sales-cycle-days-mean.ts';
import { quotaAttainment } from './definitions/quota-attainment.ts';
import { quotaAttainmentRate } from './definitions/quota-attainment-rate.ts';
import { leadsCreated } from './definitions/leads-created.ts';
import { mqlCount } from './definitions/mql-count.ts';
import { sqlCount } from './definitions/sql-count.ts';
import { leadsReachingMql } from './definitions/leads-reaching-mql.ts';
import { leadsReachingSql } from './definitions/leads-reaching-sql.ts';
import { leadsConverted } from './definitions/leads-converted.ts';
import { leadsWon } from './definitions/leads-won.ts';
import { leadResponseTimeP50 } from './definitions/lead-response-time-p50.ts';
import { leadResponseTimeP90 } from './definitions/lead-response-time-p90.ts';
import { leadResponseTimeMean } from './definitions/lead-response-time-mean.ts';
import { leadsContactedWithinSla } from './definitions/leads-contacted-within-sla.ts';
import { newCustomers } from './definitions/new-customers.ts';
import { cac } from './definitions/cac.ts';
import { churnRate } from './definitions/churn-rate.ts';
import { commissionCostOfSales } from './definitions/commission-cost-of-sales.ts';
import { avgTenureMonths } from './definitions/avg-tenure-months.ts';
import { clv } from './definitions/clv.ts';
import { sellingTimeShare } from './definitions/selling-time-share.ts';
import { forecastAccuracy } from './definitions/forecast-accuracy.ts';
import { repHeadcount } from './definitions/rep-headcount.ts';
import { repTurnover } from './definitions/rep-turnover.ts';
import { repTenureAtLeaving } from './definitions/rep-tenure-at-leaving.ts';

/** Every metric, in display order. Add a definition file and one entry here; docs/metrics.md is generated from this list. */
export const metricRegistry: readonly MetricDefinition[] = [
  calls,
  emails,
  meetings,
  linkedinTouches,
  activities,
  uniqueContacts,
  newProspects,
  followUps,
  followUpsAfterMeeting,
  connectRate,
  meetingsBooked,
  meetingsHeld,
  prospectingActivities,
  meetingsPerProspectingActivity,
  meetingsHeldPerFirstTouch,
  closeRateMeetings,
  winRate,
  wonCount,
  lostCount,
  lostDealsFewFollowUps,
  wonRevenue,
  avgDealSize,
  revenuePerCustomer,
  newBusinessRevenue,
  upsellRevenue,
  renewalRevenue,
  pipelineValue,
  weightedPipeline,
  opportunitiesCreated,
  salesCycleDaysMedian,
  salesCycleDaysMean,
  quotaAttainment,
  quotaAttainmentRate,
  leadsCreated,
  mqlCount,
  sqlCount,
  leadsReachingMql,
  leadsReachingSql,
  leadsConverted,
  leadsWon,
  leadResponseTimeP50,
  leadResponseTimeP90,
  leadResponseTimeMean,
  leadsContactedWithinSla,
  leadsAssigned,
  assignedLeadScoreMean,
  newCustomers,
  cac,
  churnRate,
  commissionCostOfSales,
  avgTenureMonths,
  clv,
  sellingTimeShare,
  loggedMinutes,
  loggedTimeShare,
  nonSellingTimeShare,
  forecastAccuracy,
  repHeadcount,
  repTurnover,
  repTenureAtLeaving,
];

const byId = new Map(metricRegistry.map((m) => [m.id, m]));

/** True when any of the metrics is pay (MetricDefinition.pay): a report of them is narrowed to visible people. */
export function asksForPay(metricIds: readonly string[]): boolean {
  return metricIds.some((id) => getMetric(id)?.pay === true);
}

/** The definition with this id, or undefined. */
export function getMetric(id: string): MetricDefinition | undefined {
  return byId.get(id);
}

/** Every registered metric id. */
export function metricIds(): string[] {
  return metricRegistry.map((m) => m.id);
}

/** The metrics a report shows when the caller names none: a quarter dashboard's leading and lagging numbers. */
export const DEFAULT_REPORT_METRICS: readonly string[] = [
  'calls',
  'emails',
  'meetings_held',
  'new_prospects',
  'connect_rate',
  'win_rate',
  'won_revenue',
  'avg_deal_size',
  'pipeline_value',
  'lead_response_time_p50',
  'leads_contacted_within_sla',
  'quota_attainment',
];
