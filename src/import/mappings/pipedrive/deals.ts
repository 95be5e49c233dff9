import type { MappingSpecInput } from '../../mapping/mapping-spec.ts';
import { PIPEDRIVE_STAGES } from './stages.ts';

/** Pipedrive deals export ('Deal - <Field>' headers). */
export const pipedriveDeals: MappingSpecInput = {
  source: 'pipedrive',
  entity: 'opportunities',
  label: 'Pipedrive deals',
  detect: ['Deal - Title', 'Deal - Status'],
  dateFormat: ['YYYY-MM-DD HH:mm:ss', 'YYYY-MM-DD HH:mm', 'YYYY-MM-DD'],
  fields: {
    externalId: 'Deal - ID',
    name: 'Deal - Title',
    owner: 'Deal - Owner',
    account: 'Deal - Organization',
    stage: { column: ['Deal - Stage', 'Deal - Stage (pipeline)'], values: PIPEDRIVE_STAGES },
    status: 'Deal - Status',
    amount: 'Deal - Value',
    currency: { column: ['Deal - Currency of Value', 'Deal - Currency'] },
    createdAt: { column: ['Deal - Deal created', 'Deal - Creation date'] },
    closedAt: {
      column: ['Deal - Deal closed on', 'Deal - Won time', 'Deal - Lost time', 'Deal - Closed on'],
    },
    expectedCloseDate: 'Deal - Expected close date',
    lostReason: 'Deal - Lost reason',
    leadSource: { column: ['Deal - Source origin', 'Deal - Source channel'] },
    product: { column: ['Deal - Product name', 'Deal - Product'] },
    paidOn: { column: ['Deal - Invoice paid date', 'Deal - Paid date', 'Deal - Payment date'] },
  },
  externalIdFrom: ['owner', 'account', 'name', 'createdAt'],
};
