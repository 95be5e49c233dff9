import type { enMetricLabels } from './en-metric-labels.ts';
import type { Message } from './t.ts';

/** Romanian names and descriptions of the built-in metrics (keys of en-metric-labels.ts). */
export const roMetricLabels: Record<keyof typeof enMetricLabels, Message> = {
  'metricLabel.calls': 'Apeluri',
  'metricLabel.emails': 'E-mailuri',
  'metricLabel.meetings': 'Întâlniri',
  'metricLabel.linkedin_touches': 'Contacte LinkedIn',
  'metricLabel.activities': 'Contacte',
  'metricLabel.unique_contacts': 'Contacte unice',
  'metricLabel.new_prospects': 'Prospecți noi',
  'metricLabel.follow_ups': 'Follow-up-uri',
  'metricLabel.follow_ups_after_meeting': 'Follow-up-uri după întâlniri',
  'metricLabel.connect_rate': 'Rată de conectare',
  'metricLabel.meetings_booked': 'Întâlniri programate',
  'metricLabel.meetings_held': 'Întâlniri ținute',
  'metricLabel.prospecting_activities': 'Activități de prospectare',
  'metricLabel.meetings_per_prospecting_activity': 'Întâlniri per activitate de prospectare',
  'metricLabel.meetings_held_per_first_touch': 'Întâlniri ținute per prim contact',
  'metricLabel.close_rate_meetings': 'Rată de închidere (întâlniri)',
  'metricLabel.win_rate': 'Rată de câștig',
  'metricLabel.won_count': 'Tranzacții câștigate',
  'metricLabel.lost_count': 'Tranzacții pierdute',
  'metricLabel.lost_deals_few_follow_ups': 'Tranzacții pierdute cu puține follow-up-uri',
  'metricLabel.won_revenue': 'Venituri câștigate',
  'metricLabel.avg_deal_size': 'Valoarea medie a tranzacției',
  'metricLabel.revenue_per_customer': 'Venit per client',
  'metricLabel.new_business_revenue': 'Venituri din clienți noi',
  'metricLabel.upsell_revenue': 'Venituri din upsell',
  'metricLabel.renewal_revenue': 'Venituri din reînnoiri',
  'metricLabel.pipeline_value': 'Valoarea pipeline-ului',
  'metricLabel.weighted_pipeline': 'Pipeline ponderat',
  'metricLabel.opportunities_created': 'Oportunități create',
  'metricLabel.sales_cycle_days_median': 'Ciclul de vânzare (zile, mediană)',
  'metricLabel.sales_cycle_days_mean': 'Ciclul de vânzare (zile, medie)',
  'metricLabel.quota_attainment': 'Îndeplinirea cotei',
  'metricLabel.quota_attainment_rate': 'Rata de îndeplinire a cotei',
  'metricLabel.leads_created': 'Lead-uri create',
  'metricLabel.mql_count': 'MQL-uri',
  'metricLabel.sql_count': 'SQL-uri',
  'metricLabel.leads_reaching_mql': 'Lead-uri care ajung la MQL',
  'metricLabel.leads_reaching_sql': 'Lead-uri care ajung la SQL',
  'metricLabel.leads_converted': 'Lead-uri convertite',
  'metricLabel.leads_won': 'Lead-uri câștigate',
  'metricLabel.lead_response_time_p50': 'Timp de răspuns la lead (p50)',
  'metricLabel.lead_response_time_p90': 'Timp de răspuns la lead (p90)',
  'metricLabel.lead_response_time_mean': 'Timp de răspuns la lead (medie)',
  'metricLabel.leads_contacted_within_sla': 'Lead-uri contactate în SLA',
  'metricLabel.leads_assigned': 'Lead-uri alocate',
  'metricLabel.assigned_lead_score_mean': 'Scorul lead-urilor alocate (medie)',
  'metricLabel.new_customers': 'Clienți noi',
  'metricLabel.cac': 'Costul de achiziție a clientului (CAC)',
  'metricLabel.churn_rate': 'Rată de pierdere a clienților (churn)',
  'metricLabel.commission_cost_of_sales': 'Costul comisioanelor din vânzări',
  'metricLabel.avg_tenure_months': 'Vechimea medie a clientului (luni)',
  'metricLabel.clv': 'Valoarea pe durata de viață a clientului (CLV)',
  'metricLabel.selling_time_share': 'Ponderea timpului de vânzare',
  'metricLabel.logged_minutes': 'Minute înregistrate',
  'metricLabel.logged_time_share': 'Ponderea timpului înregistrat',
  'metricLabel.non_selling_time_share': 'Ponderea timpului în afara vânzărilor',
  'metricLabel.forecast_accuracy': 'Acuratețea prognozei',
  'metricLabel.rep_headcount': 'Numărul mediu de agenți',
  'metricLabel.rep_turnover': 'Fluctuația agenților',
  'metricLabel.rep_tenure_at_leaving': 'Vechimea agenților la plecare (luni, mediană)',
  'metricLabel.zero_length_call_share': 'Ponderea apelurilor de durată zero',
  'metricLabel.repeat_touch_share': 'Ponderea contactelor repetate',
  'metricLabel.bulk_logged_share': 'Ponderea activităților introduse în bloc',
  'metricDescription.calls': 'Apeluri efectuate înregistrate de agent.',
  'metricDescription.emails': 'E-mailuri trimise de agent.',
  'metricDescription.meetings': 'Întâlniri care au avut loc sau au fost înregistrate ca efectuate.',
  'metricDescription.linkedin_touches': 'Mesaje și cereri de conectare trimise pe LinkedIn.',
  'metricDescription.activities':
    'Toate contactele cu prospecții: apeluri, e-mailuri, LinkedIn și întâlniri.',
  'metricDescription.unique_contacts': 'Persoane distincte contactate în perioadă.',
  'metricDescription.new_prospects': 'Persoane contactate pentru prima dată în perioadă.',
  'metricDescription.follow_ups': 'Contacte cu persoane care fuseseră contactate anterior.',
  'metricDescription.follow_ups_after_meeting': 'Contacte cu persoane după o întâlnire ținută cu ele.',
  'metricDescription.connect_rate': 'Ponderea apelurilor efectuate în care s-a vorbit cu cineva.',
  'metricDescription.meetings_booked':
    'Întâlniri stabilite în perioadă, numărate după data la care au fost stabilite.',
  'metricDescription.meetings_held': 'Întâlniri cu rezultatul „ținută”.',
  'metricDescription.prospecting_activities':
    'Apeluri, e-mailuri și contacte LinkedIn către persoane cu care încă nu a avut loc o întâlnire.',
  'metricDescription.meetings_per_prospecting_activity':
    'Întâlniri programate per apel, e-mail sau contact LinkedIn de prospectare.',
  'metricDescription.meetings_held_per_first_touch': 'Întâlniri ținute per contact cu un prospect nou.',
  'metricDescription.close_rate_meetings': 'Tranzacții câștigate per prospect întâlnit.',
  'metricDescription.win_rate': 'Ponderea oportunităților închise care au fost câștigate.',
  'metricDescription.won_count': 'Oportunități câștigate în perioadă.',
  'metricDescription.lost_count': 'Oportunități pierdute în perioadă.',
  'metricDescription.lost_deals_few_follow_ups':
    'Tranzacții pierdute după o întâlnire ținută, urmată de mai puține follow-up-uri decât ținta.',
  'metricDescription.won_revenue': 'Valoarea oportunităților câștigate în perioadă.',
  'metricDescription.avg_deal_size': 'Valoarea medie a oportunităților câștigate.',
  'metricDescription.revenue_per_customer':
    'Venituri câștigate per client distinct care a cumpărat în perioadă.',
  'metricDescription.new_business_revenue': 'Venituri câștigate de la clienți noi.',
  'metricDescription.upsell_revenue': 'Venituri câștigate de la clienți existenți (upsell, cross-sell).',
  'metricDescription.renewal_revenue':
    'Venituri câștigate din reînnoiri, separate de clienții noi și upsell.',
  'metricDescription.pipeline_value': 'Valoarea oportunităților deschise la sfârșitul perioadei.',
  'metricDescription.weighted_pipeline':
    'Valoarea deschisă ponderată cu probabilitatea etapei la sfârșitul perioadei.',
  'metricDescription.opportunities_created': 'Oportunități noi deschise în perioadă.',
  'metricDescription.sales_cycle_days_median': 'Mediana zilelor calendaristice de la creare până la câștig.',
  'metricDescription.sales_cycle_days_mean': 'Media zilelor calendaristice de la creare până la câștig.',
  'metricDescription.quota_attainment': 'Venituri câștigate raportate la cota perioadei.',
  'metricDescription.quota_attainment_rate': 'Ponderea agenților cu cotă care au atins-o.',
  'metricDescription.leads_created': 'Lead-uri sosite în perioadă.',
  'metricDescription.mql_count': 'Lead-uri care au devenit calificate de marketing în perioadă.',
  'metricDescription.sql_count': 'Lead-uri care au devenit calificate de vânzări în perioadă.',
  'metricDescription.leads_reaching_mql':
    'Lead-uri create în perioadă care au devenit calificate de marketing, oricând.',
  'metricDescription.leads_reaching_sql':
    'Lead-uri create în perioadă care au devenit calificate de vânzări, oricând.',
  'metricDescription.leads_converted':
    'Lead-uri create în perioadă care au fost convertite în oportunitate, oricând.',
  'metricDescription.leads_won':
    'Lead-uri create în perioadă a căror oportunitate a fost câștigată, oricând.',
  'metricDescription.lead_response_time_p50':
    'Mediana minutelor lucrătoare până la primul răspuns la un lead.',
  'metricDescription.lead_response_time_p90':
    'Percentila 90 a minutelor lucrătoare până la primul răspuns la un lead.',
  'metricDescription.lead_response_time_mean':
    'Media minutelor lucrătoare până la primul răspuns la un lead.',
  'metricDescription.leads_contacted_within_sla':
    'Ponderea lead-urilor la care s-a răspuns în SLA-ul de răspuns.',
  'metricDescription.leads_assigned': 'Lead-uri primite de agent în perioadă, prin rutare sau manual.',
  'metricDescription.assigned_lead_score_mean':
    'Scorul mediu al lead-urilor primite de agent în perioadă, așa cum au fost punctate la alocare.',
  'metricDescription.new_customers': 'Clienți a căror relație a început în perioadă.',
  'metricDescription.cac': 'Cheltuieli de achiziție și comisioane din clienți noi per client nou.',
  'metricDescription.churn_rate':
    'Ponderea clienților de la începutul perioadei care au plecat în timpul ei.',
  'metricDescription.commission_cost_of_sales':
    'Comisioanele plătite ca pondere din veniturile pe care au fost câștigate.',
  'metricDescription.avg_tenure_months':
    'Media lunilor de la început până la sfârșit (sau sfârșitul perioadei) a clienților.',
  'metricDescription.clv': 'Profitul brut așteptat per client pe toată durata relației.',
  'metricDescription.selling_time_share': 'Ponderea timpului de lucru petrecut vânzând.',
  'metricDescription.logged_minutes': 'Minute înregistrate pe activități, în orice categorie de timp.',
  'metricDescription.logged_time_share': 'Ponderea timpului de lucru înregistrat pe activități.',
  'metricDescription.non_selling_time_share':
    'Ponderea timpului înregistrat și categorisit petrecut cu alte activități decât vânzarea.',
  'metricDescription.forecast_accuracy':
    'Cât de aproape a fost prognoza făcută la un punct de control al trimestrului de ceea ce s-a câștigat apoi în el: 1 = exact. O metodă și un punct de control per interogare (API `forecastMethod` și `checkpoint`, CLI `--forecast-method` și `--checkpoint`; implicit ponderată pe etape la începutul trimestrului).',
  'metricDescription.rep_headcount': 'Numărul mediu de agenți angajați în perioadă.',
  'metricDescription.rep_turnover':
    'Agenții care au plecat în perioadă, raportat la numărul mediu de agenți angajați în ea.',
  'metricDescription.rep_tenure_at_leaving':
    'Mediana lunilor de la angajare până la plecare a agenților care au plecat în perioadă.',
  'metricDescription.zero_length_call_share':
    'Ponderea apelurilor efectuate cu o durată înregistrată sub 10 secunde (un semnal de integritate).',
  'metricDescription.repeat_touch_share':
    'Ponderea contactelor care au fost cel puțin al 3-lea către aceeași persoană de la același agent în acea zi (un semnal de integritate).',
  'metricDescription.bulk_logged_share':
    'Ponderea activităților introduse manual, scrise în afara orelor de lucru într-o serie de 10 sau mai multe în 5 minute (un semnal de integritate).',
  // The forecast's scope when it is the whole company (the API names it 'Company').
  'forecast.scopeCompany': 'Companie',
};
