import type { MappingSpecInput } from '../../mapping/mapping-spec.ts';
import { SALESFORCE_STAGES } from './stages.ts';

/** Salesforce OpportunityHistory object export (Data Loader / Data Export field names). */
export const salesforceOpportunityHistory: MappingSpecInput = {
  source: 'salesforce',
  entity: 'opportunity_history',
  label: 'Salesforce OpportunityHistory',
  detect: ['OpportunityId', 'StageName'],
  dateFormat: ['YYYY-MM-DD HH:mm:ss', 'YYYY-MM-DD', 'M/D/YYYY h:mm A', 'M/D/YYYY'],
  fields: {
    externalId: 'Id',
    opportunityExternalId: { column: ['OpportunityId', 'Opportunity ID'] },
    stage: { column: ['StageName', 'To Stage'], values: SALESFORCE_STAGES },
    amount: 'Amount',
    closeDate: 'CloseDate',
    changedAt: { column: ['CreatedDate', 'Last Modified'] },
  },
  externalIdFrom: ['opportunityExternalId', 'changedAt', 'stage'],
};
