import type { enMetricLabels } from './en-metric-labels.ts';
import type { Message } from './t.ts';

/** Romanian names of the manager home's metrics (keys of en-metric-labels.ts). */
export const roMetricLabels: Record<keyof typeof enMetricLabels, Message> = {
  'metricLabel.won_revenue': 'Venituri câștigate',
  'metricLabel.pipeline_value': 'Valoarea pipeline-ului',
  'metricLabel.win_rate': 'Rată de câștig',
  'metricLabel.avg_deal_size': 'Valoarea medie a tranzacției',
  'metricLabel.quota_attainment_rate': 'Rata de îndeplinire a cotei',
  'metricLabel.new_prospects': 'Prospecți noi',
  'metricLabel.meetings_held': 'Întâlniri ținute',
  'metricLabel.calls': 'Apeluri',
  'metricLabel.lead_response_time_p50': 'Timp de răspuns la lead (p50)',
  'metricLabel.sales_cycle_days_median': 'Ciclul de vânzare (zile, mediană)',
  // The forecast's scope when it is the whole company (the API names it 'Company').
  'forecast.scopeCompany': 'Companie',
};
