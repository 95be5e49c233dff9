import { leadCohortStep } from './lead-cohort.ts';

/** Leads reaching MQL: Leads created in the period that became marketing-qualified, whenever. */
export const leadsReachingMql = leadCohortStep({
  id: 'leads_reaching_mql',
  label: 'Leads reaching MQL',
  description: 'Leads created in the period that became marketing-qualified, whenever.',
  formula: 'count(leads created in the period with mql_at, sql_at or a converted opportunity)',
  counts:
    'The cohort of leads whose created_at falls in the period. A lead that skipped a step (qualified straight to SQL, or converted) counts as MQL too.',
  column: 'reached_mql',
});
