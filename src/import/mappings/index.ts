import { MappingSpecSchema, type MappingSpec, type MappingSpecInput } from '../mapping/mapping-spec.ts';
import { hubspotContacts } from './hubspot/contacts.ts';
import { hubspotDeals } from './hubspot/deals.ts';
import { hubspotEngagements } from './hubspot/engagements.ts';
import { pipedriveActivities } from './pipedrive/activities.ts';
import { pipedriveDeals } from './pipedrive/deals.ts';
import { salesforceActivities } from './salesforce/activities.ts';
import { salesforceLeads } from './salesforce/leads.ts';
import { salesforceOpportunities } from './salesforce/opportunities.ts';
import { salesforceOpportunityHistory } from './salesforce/opportunity-history.ts';

const inputs: MappingSpecInput[] = [
  salesforceOpportunities,
  salesforceOpportunityHistory,
  salesforceLeads,
  salesforceActivities,
  hubspotDeals,
  hubspotContacts,
  hubspotEngagements,
  pipedriveDeals,
  pipedriveActivities,
];

/** Every built-in mapping, validated by the same schema as user mapping files. */
export const BUILT_IN_MAPPINGS: readonly MappingSpec[] = inputs.map((m) => MappingSpecSchema.parse(m));

export { BUILT_IN_SOURCES } from './sources.ts';
