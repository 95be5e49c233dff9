import type { Message } from './t.ts';

/**
 * Names of the built-in metrics the manager home shows (KPI tiles, leaderboard column), keyed by metric id. The
 * API's definitions carry English labels; a metric without a key here (a custom one) keeps the API's label.
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
} satisfies Record<string, Message>;
