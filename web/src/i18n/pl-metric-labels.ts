import type { enMetricLabels } from './en-metric-labels.ts';
import type { Message } from './t.ts';

/** Polish names and descriptions of the built-in metrics (keys of en-metric-labels.ts). */
export const plMetricLabels: Record<keyof typeof enMetricLabels, Message> = {
  'metricLabel.calls': 'Rozmowy telefoniczne',
  'metricLabel.emails': 'E-maile',
  'metricLabel.meetings': 'Spotkania',
  'metricLabel.linkedin_touches': 'Kontakty na LinkedIn',
  'metricLabel.activities': 'Kontakty',
  'metricLabel.unique_contacts': 'Unikalne kontakty',
  'metricLabel.new_prospects': 'Nowi potencjalni klienci',
  'metricLabel.follow_ups': 'Follow-upy',
  'metricLabel.follow_ups_after_meeting': 'Follow-upy po spotkaniach',
  'metricLabel.connect_rate': 'Wskaźnik połączeń',
  'metricLabel.meetings_booked': 'Umówione spotkania',
  'metricLabel.meetings_held': 'Odbyte spotkania',
  'metricLabel.prospecting_activities': 'Działania prospectingowe',
  'metricLabel.meetings_per_prospecting_activity': 'Spotkania na działanie prospectingowe',
  'metricLabel.meetings_held_per_first_touch': 'Odbyte spotkania na pierwszy kontakt',
  'metricLabel.close_rate_meetings': 'Skuteczność zamknięć (spotkania)',
  'metricLabel.win_rate': 'Wskaźnik wygranych',
  'metricLabel.won_count': 'Wygrane transakcje',
  'metricLabel.lost_count': 'Przegrane transakcje',
  'metricLabel.lost_deals_few_follow_ups': 'Przegrane transakcje z małą liczbą follow-upów',
  'metricLabel.won_revenue': 'Przychód z wygranych',
  'metricLabel.avg_deal_size': 'Średnia wartość transakcji',
  'metricLabel.revenue_per_customer': 'Przychód na klienta',
  'metricLabel.new_business_revenue': 'Przychód z nowego biznesu',
  'metricLabel.upsell_revenue': 'Przychód z upsellu',
  'metricLabel.renewal_revenue': 'Przychód z odnowień',
  'metricLabel.pipeline_value': 'Wartość lejka sprzedaży',
  'metricLabel.weighted_pipeline': 'Ważony lejek sprzedaży',
  'metricLabel.opportunities_created': 'Utworzone szanse sprzedaży',
  'metricLabel.sales_cycle_days_median': 'Cykl sprzedaży (mediana dni)',
  'metricLabel.sales_cycle_days_mean': 'Cykl sprzedaży (średnia dni)',
  'metricLabel.quota_attainment': 'Realizacja planu',
  'metricLabel.quota_attainment_rate': 'Odsetek realizacji planu',
  'metricLabel.leads_created': 'Utworzone leady',
  'metricLabel.mql_count': 'MQL',
  'metricLabel.sql_count': 'SQL',
  'metricLabel.leads_reaching_mql': 'Leady, które osiągnęły MQL',
  'metricLabel.leads_reaching_sql': 'Leady, które osiągnęły SQL',
  'metricLabel.leads_converted': 'Skonwertowane leady',
  'metricLabel.leads_won': 'Wygrane leady',
  'metricLabel.lead_response_time_p50': 'Czas reakcji na lead (p50)',
  'metricLabel.lead_response_time_p90': 'Czas reakcji na lead (p90)',
  'metricLabel.lead_response_time_mean': 'Czas reakcji na lead (średnia)',
  'metricLabel.leads_contacted_within_sla': 'Leady obsłużone w ramach SLA',
  'metricLabel.leads_assigned': 'Przypisane leady',
  'metricLabel.assigned_lead_score_mean': 'Scoring przypisanych leadów (średnia)',
  'metricLabel.new_customers': 'Nowi klienci',
  'metricLabel.cac': 'Koszt pozyskania klienta (CAC)',
  'metricLabel.churn_rate': 'Wskaźnik odejść (churn)',
  'metricLabel.commission_cost_of_sales': 'Koszt prowizji w sprzedaży',
  'metricLabel.avg_tenure_months': 'Średni staż klienta (miesiące)',
  'metricLabel.clv': 'Wartość klienta w czasie (CLV)',
  'metricLabel.selling_time_share': 'Udział czasu sprzedaży',
  'metricLabel.logged_minutes': 'Zarejestrowane minuty',
  'metricLabel.logged_time_share': 'Udział zarejestrowanego czasu',
  'metricLabel.non_selling_time_share': 'Udział czasu poza sprzedażą',
  'metricLabel.forecast_accuracy': 'Trafność prognozy',
  'metricLabel.rep_headcount': 'Średnia liczba handlowców',
  'metricLabel.rep_turnover': 'Rotacja handlowców',
  'metricLabel.rep_tenure_at_leaving': 'Staż handlowców przy odejściu (mediana miesięcy)',
  'metricLabel.zero_length_call_share': 'Udział rozmów zerowej długości',
  'metricLabel.repeat_touch_share': 'Udział powtórzonych kontaktów',
  'metricLabel.bulk_logged_share': 'Udział działań wpisanych hurtowo',
  'metricDescription.calls': 'Wychodzące rozmowy telefoniczne zarejestrowane przez handlowca.',
  'metricDescription.emails': 'Wychodzące e-maile wysłane przez handlowca.',
  'metricDescription.meetings': 'Spotkania, które się odbyły lub zostały zarejestrowane jako wykonane.',
  'metricDescription.linkedin_touches': 'Wychodzące wiadomości i zaproszenia do kontaktów na LinkedIn.',
  'metricDescription.activities':
    'Wszystkie kontakty z potencjalnymi klientami: telefony, e-maile, LinkedIn i spotkania.',
  'metricDescription.unique_contacts': 'Różne osoby, z którymi był kontakt w okresie.',
  'metricDescription.new_prospects': 'Osoby, z którymi w okresie był pierwszy kontakt w historii.',
  'metricDescription.follow_ups': 'Kontakty z osobami, z którymi był już wcześniej kontakt.',
  'metricDescription.follow_ups_after_meeting': 'Kontakty z osobami po odbytym z nimi spotkaniu.',
  'metricDescription.connect_rate': 'Odsetek wychodzących rozmów, w których udało się z kimś połączyć.',
  'metricDescription.meetings_booked': 'Spotkania umówione w okresie, liczone według daty umówienia.',
  'metricDescription.meetings_held': 'Spotkania z wynikiem „odbyte”.',
  'metricDescription.prospecting_activities':
    'Wychodzące telefony, e-maile i kontakty na LinkedIn do osób, z którymi jeszcze nie było spotkania.',
  'metricDescription.meetings_per_prospecting_activity':
    'Umówione spotkania na jeden telefon, e-mail lub kontakt na LinkedIn w ramach prospectingu.',
  'metricDescription.meetings_held_per_first_touch':
    'Odbyte spotkania na jeden kontakt z nowym potencjalnym klientem.',
  'metricDescription.close_rate_meetings':
    'Wygrane transakcje na potencjalnego klienta, z którym odbyło się spotkanie.',
  'metricDescription.win_rate': 'Odsetek zamkniętych szans sprzedaży, które zostały wygrane.',
  'metricDescription.won_count': 'Szanse sprzedaży wygrane w okresie.',
  'metricDescription.lost_count': 'Szanse sprzedaży przegrane w okresie.',
  'metricDescription.lost_deals_few_follow_ups':
    'Transakcje przegrane po odbytym spotkaniu, po którym było mniej follow-upów, niż zakłada cel.',
  'metricDescription.won_revenue': 'Wartość szans sprzedaży wygranych w okresie.',
  'metricDescription.avg_deal_size': 'Średnia wartość wygranych szans sprzedaży.',
  'metricDescription.revenue_per_customer': 'Przychód z wygranych na każdego klienta, który kupił w okresie.',
  'metricDescription.new_business_revenue': 'Przychód z wygranych od nowych klientów.',
  'metricDescription.upsell_revenue': 'Przychód z wygranych od obecnych klientów (upsell, cross-sell).',
  'metricDescription.renewal_revenue':
    'Przychód z wygranych odnowień, liczony osobno od nowego biznesu i upsellu.',
  'metricDescription.pipeline_value': 'Wartość otwartych szans sprzedaży na koniec okresu.',
  'metricDescription.weighted_pipeline':
    'Wartość otwartych szans ważona prawdopodobieństwem etapu na koniec okresu.',
  'metricDescription.opportunities_created': 'Nowe szanse sprzedaży otwarte w okresie.',
  'metricDescription.sales_cycle_days_median': 'Mediana dni kalendarzowych od utworzenia do wygranej.',
  'metricDescription.sales_cycle_days_mean': 'Średnia liczba dni kalendarzowych od utworzenia do wygranej.',
  'metricDescription.quota_attainment': 'Przychód z wygranych w stosunku do planu sprzedaży na okres.',
  'metricDescription.quota_attainment_rate': 'Odsetek handlowców z planem sprzedaży, którzy go zrealizowali.',
  'metricDescription.leads_created': 'Leady, które wpłynęły w okresie.',
  'metricDescription.mql_count': 'Leady, które w okresie zostały zakwalifikowane marketingowo.',
  'metricDescription.sql_count': 'Leady, które w okresie zostały zakwalifikowane sprzedażowo.',
  'metricDescription.leads_reaching_mql':
    'Leady utworzone w okresie, które kiedykolwiek zostały zakwalifikowane marketingowo.',
  'metricDescription.leads_reaching_sql':
    'Leady utworzone w okresie, które kiedykolwiek zostały zakwalifikowane sprzedażowo.',
  'metricDescription.leads_converted':
    'Leady utworzone w okresie, które kiedykolwiek zostały przekształcone w szansę sprzedaży.',
  'metricDescription.leads_won':
    'Leady utworzone w okresie, których szansa sprzedaży została kiedykolwiek wygrana.',
  'metricDescription.lead_response_time_p50': 'Mediana minut roboczych do pierwszej odpowiedzi na lead.',
  'metricDescription.lead_response_time_p90':
    '90. percentyl minut roboczych do pierwszej odpowiedzi na lead.',
  'metricDescription.lead_response_time_mean':
    'Średnia liczba minut roboczych do pierwszej odpowiedzi na lead.',
  'metricDescription.leads_contacted_within_sla': 'Odsetek leadów, na które odpowiedziano w czasie SLA.',
  'metricDescription.leads_assigned': 'Leady, które handlowiec otrzymał w okresie, z routingu lub ręcznie.',
  'metricDescription.assigned_lead_score_mean':
    'Średni scoring leadów, które handlowiec otrzymał w okresie, według oceny w chwili przypisania.',
  'metricDescription.new_customers': 'Klienci, których współpraca rozpoczęła się w okresie.',
  'metricDescription.cac': 'Wydatki na pozyskanie i prowizje od nowego biznesu na jednego nowego klienta.',
  'metricDescription.churn_rate': 'Odsetek klientów z początku okresu, którzy odeszli w jego trakcie.',
  'metricDescription.commission_cost_of_sales':
    'Wypłaty prowizji jako odsetek przychodu, od którego zostały naliczone.',
  'metricDescription.avg_tenure_months':
    'Średnia liczba miesięcy od początku do końca (lub końca okresu) współpracy z klientami.',
  'metricDescription.clv': 'Oczekiwany zysk brutto z klienta przez cały okres współpracy.',
  'metricDescription.selling_time_share': 'Odsetek czasu pracy poświęconego na sprzedaż.',
  'metricDescription.logged_minutes': 'Minuty zarejestrowane przy działaniach, w dowolnej kategorii czasu.',
  'metricDescription.logged_time_share': 'Odsetek czasu pracy zarejestrowanego przy działaniach.',
  'metricDescription.non_selling_time_share':
    'Odsetek skategoryzowanego zarejestrowanego czasu poświęconego na pracę inną niż sprzedaż.',
  'metricDescription.forecast_accuracy':
    'Jak blisko prognoza sporządzona w punkcie kontrolnym kwartału była tego, co potem w nim wygrano: 1 = dokładnie. Jedna metoda i punkt kontrolny na zapytanie (API `forecastMethod` i `checkpoint`, CLI `--forecast-method` i `--checkpoint`; domyślnie ważona etapami na początek kwartału).',
  'metricDescription.rep_headcount': 'Średnia liczba handlowców zatrudnionych w okresie.',
  'metricDescription.rep_turnover':
    'Handlowcy, którzy odeszli w okresie, w stosunku do średniej liczby handlowców zatrudnionych w tym czasie.',
  'metricDescription.rep_tenure_at_leaving':
    'Mediana miesięcy od daty zatrudnienia do odejścia handlowców, którzy odeszli w okresie.',
  'metricDescription.zero_length_call_share':
    'Odsetek wychodzących rozmów o zarejestrowanym czasie poniżej 10 sekund (sygnał rzetelności danych).',
  'metricDescription.repeat_touch_share':
    'Odsetek kontaktów, które były co najmniej trzecim kontaktem tego samego handlowca z tą samą osobą tego dnia (sygnał rzetelności danych).',
  'metricDescription.bulk_logged_share':
    'Odsetek ręcznie wpisanych działań zapisanych poza godzinami pracy w serii 10 lub więcej w ciągu 5 minut (sygnał rzetelności danych).',
  // The forecast's scope when it is the whole company (the API names it 'Company').
  'forecast.scopeCompany': 'Firma',
};
