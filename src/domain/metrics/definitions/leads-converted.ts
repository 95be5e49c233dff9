import { leadCohortStep } from './lead-cohort.ts';

/** Leads converted: Leads created in the period that were converted to an opportunity, whenever. */
export const leadsConverted = leadCohortStep({
  id: 'leads_converted',
  label: 'Leads converted',
  description: 'Leads created in the period that were converted to an opportunity, whenever.',
  formula: 'count(leads created in the period with a converted opportunity)',
  counts: 'The cohort of leads whose created_at falls in the period and whose converted opportunity exists.',
  column: 'converted',
});
