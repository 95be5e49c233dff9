import { leadCohortStep } from './lead-cohort.ts';

/** Leads reaching SQL: Leads created in the period that became sales-qualified, whenever. */
export const leadsReachingSql = leadCohortStep({
  id: 'leads_reaching_sql',
  label: 'Leads reaching SQL',
  description: 'Leads created in the period that became sales-qualified, whenever.',
  formula: 'count(leads created in the period with sql_at or a converted opportunity)',
  counts:
    'The cohort of leads whose created_at falls in the period. A lead converted to an opportunity without an sql_at counts as SQL too.',
  column: 'reached_sql',
});
