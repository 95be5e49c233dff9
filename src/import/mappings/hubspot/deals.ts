import type { MappingSpecInput } from '../../mapping/mapping-spec.ts';
import { HUBSPOT_STAGES } from './stages.ts';

/** HubSpot deals export (CRM > Deals > Export). Close Date on an open deal is an expected close date. */
export const hubspotDeals: MappingSpecInput = {
  source: 'hubspot',
  entity: 'opportunities',
  label: 'HubSpot deals',
  detect: ['Deal Name', 'Deal Stage'],
  dateFormat: ['YYYY-MM-DD HH:mm', 'YYYY-MM-DD HH:mm:ss', 'YYYY-MM-DD'],
  fields: {
    externalId: { column: ['Record ID', 'Deal ID'] },
    name: 'Deal Name',
    owner: 'Deal owner',
    account: { column: ['Associated Company', 'Associated Company (Primary)'] },
    stage: { column: 'Deal Stage', values: HUBSPOT_STAGES },
    amount: 'Amount',
    currency: 'Currency',
    createdAt: 'Create Date',
    closeDate: 'Close Date',
    lostReason: 'Closed Lost Reason',
    product: { column: ['Product', 'Products', 'Product name'] },
    paidOn: { column: ['Invoice paid date', 'Paid date', 'Payment date'] },
    type: {
      column: 'Deal Type',
      values: {
        newbusiness: 'new_business',
        'New Business': 'new_business',
        existingbusiness: 'upsell',
        'Existing Business': 'upsell',
      },
    },
  },
  externalIdFrom: ['owner', 'account', 'name', 'createdAt'],
};
