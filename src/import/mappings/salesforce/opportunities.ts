import type { MappingSpecInput } from '../../mapping/mapping-spec.ts';
import { SALESFORCE_STAGES } from './stages.ts';

/** Salesforce Opportunities report exported as "Details Only" CSV (en_US dates, footer lines). */
export const salesforceOpportunities: MappingSpecInput = {
  source: 'salesforce',
  entity: 'opportunities',
  label: 'Salesforce Opportunities report',
  detect: ['Opportunity Name', 'Stage'],
  dateFormat: ['M/D/YYYY', 'M/D/YYYY h:mm A', 'M/D/YYYY H:mm', 'YYYY-MM-DD'],
  fields: {
    externalId: { column: ['Opportunity ID', 'Opportunity Id', 'Id'] },
    name: 'Opportunity Name',
    owner: 'Opportunity Owner',
    account: 'Account Name',
    stage: { column: 'Stage', values: SALESFORCE_STAGES },
    amount: { column: ['Amount', 'Total Amount'] },
    currency: { column: ['Opportunity Currency', 'Amount Currency', 'Total Amount Currency'] },
    createdAt: 'Created Date',
    closeDate: 'Close Date',
    lostReason: { column: ['Loss Reason', 'Lost Reason'] },
    leadSource: 'Lead Source',
    probability: 'Probability (%)',
    forecastCategory: 'Forecast Category',
    product: { column: ['Product', 'Product Name', 'Primary Product'] },
    paidOn: { column: ['Invoice Paid Date', 'Paid Date', 'Payment Date'] },
    type: {
      column: 'Type',
      values: {
        'New Customer': 'new_business',
        'New Business': 'new_business',
        'Existing Customer - Upgrade': 'upsell',
        'Existing Business': 'upsell',
        'Existing Customer - Replacement': 'renewal',
        'Existing Customer - Downgrade': 'renewal',
      },
    },
  },
  // Reports carry no record id; these four identify a deal and do not change when it moves through stages.
  externalIdFrom: ['owner', 'account', 'name', 'createdAt'],
};
