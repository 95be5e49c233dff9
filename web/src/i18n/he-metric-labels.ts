import type { enMetricLabels } from './en-metric-labels.ts';
import type { Message } from './t.ts';

/** Hebrew names of the manager home's metrics (keys of en-metric-labels.ts). */
export const heMetricLabels: Record<keyof typeof enMetricLabels, Message> = {
  'metricLabel.won_revenue': 'הכנסות מעסקאות שנסגרו',
  'metricLabel.pipeline_value': 'ערך הצנרת',
  'metricLabel.win_rate': 'שיעור זכייה',
  'metricLabel.avg_deal_size': 'גודל עסקה ממוצע',
  'metricLabel.quota_attainment_rate': 'שיעור עמידה ביעד',
  'metricLabel.new_prospects': 'לקוחות פוטנציאליים חדשים',
  'metricLabel.meetings_held': 'פגישות שהתקיימו',
  'metricLabel.calls': 'שיחות',
  'metricLabel.lead_response_time_p50': 'זמן תגובה לליד (p50)',
  'metricLabel.sales_cycle_days_median': 'מחזור מכירה (חציון ימים)',
  // The forecast's scope when it is the whole company (the API names it 'Company').
  'forecast.scopeCompany': 'חברה',
};
