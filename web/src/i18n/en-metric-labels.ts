import type { Message } from './t.ts';

/**
 * Names the API sends in English that the manager home shows: the built-in metrics of the KPI tiles and the
 * leaderboard column (keyed by metric id; a metric without a key, e.g. a custom one, keeps the API's label), and
 * the company as a forecast's scope.
 */
export const enMetricLabels = {
  'metricLabel.won_revenue': 'Won revenue',
  'metricLabel.pipeline_value': 'Pipeline value',
  'metricLabel.win_rate': 'Win rate',
  'metricLabel.avg_deal_size': 'Average deal size',
  'metricLabel.quota_attainment_rate': 'Quota attainment rate',
  'metricLabel.new_prospects': 'New prospects',
  'metricLabel.meetings_held': 'Meetings held',
  'metricLabel.calls': 'Calls',
  'metricLabel.lead_response_time_p50': 'Lead response time (p50)',
  'metricLabel.sales_cycle_days_median': 'Sales cycle (median days)',
  // The forecast's scope when it is the whole company (the API names it 'Company').
  'forecast.scopeCompany': 'Company',
} satisfies Record<string, Message>;
