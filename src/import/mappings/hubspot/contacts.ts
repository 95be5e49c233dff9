import type { MappingSpecInput } from '../../mapping/mapping-spec.ts';

/** HubSpot contacts export. */
export const hubspotContacts: MappingSpecInput = {
  source: 'hubspot',
  entity: 'contacts',
  label: 'HubSpot contacts',
  detect: ['First Name', 'Last Name', 'Contact owner'],
  dateFormat: ['YYYY-MM-DD HH:mm', 'YYYY-MM-DD HH:mm:ss', 'YYYY-MM-DD'],
  fields: {
    externalId: { column: ['Record ID', 'Contact ID'] },
    firstName: 'First Name',
    lastName: 'Last Name',
    email: 'Email',
    account: { column: ['Associated Company', 'Company Name'] },
    owner: 'Contact owner',
  },
  externalIdFrom: ['email', 'name'],
};
