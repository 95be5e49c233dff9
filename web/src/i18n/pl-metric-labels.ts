import type { enMetricLabels } from './en-metric-labels.ts';
import type { Message } from './t.ts';

/** Polish names of the manager home's metrics (keys of en-metric-labels.ts). */
export const plMetricLabels: Record<keyof typeof enMetricLabels, Message> = {
  'metricLabel.won_revenue': 'Przychód z wygranych',
  'metricLabel.pipeline_value': 'Wartość lejka sprzedaży',
  'metricLabel.win_rate': 'Wskaźnik wygranych',
  'metricLabel.avg_deal_size': 'Średnia wartość transakcji',
  'metricLabel.quota_attainment_rate': 'Odsetek realizacji planu',
  'metricLabel.new_prospects': 'Nowi potencjalni klienci',
  'metricLabel.meetings_held': 'Odbyte spotkania',
  'metricLabel.calls': 'Rozmowy telefoniczne',
  'metricLabel.lead_response_time_p50': 'Czas reakcji na lead (p50)',
  'metricLabel.sales_cycle_days_median': 'Cykl sprzedaży (mediana dni)',
  // The forecast's scope when it is the whole company (the API names it 'Company').
  'forecast.scopeCompany': 'Firma',
};
