import { leadCohortStep } from './lead-cohort.ts';

/** Leads won: Leads created in the period whose converted opportunity was won, whenever. */
export const leadsWon = leadCohortStep({
  id: 'leads_won',
  label: 'Leads won',
  description: 'Leads created in the period whose converted opportunity was won, whenever.',
  formula: 'count(leads created in the period whose converted opportunity is won)',
  counts:
    'The cohort of leads whose created_at falls in the period; the opportunity counts by its status now, whenever it closed.',
  column: 'converted_won',
});
