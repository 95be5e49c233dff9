import type { MappingSpecInput } from '../../mapping/mapping-spec.ts';

/** Salesforce Leads report. */
export const salesforceLeads: MappingSpecInput = {
  source: 'salesforce',
  entity: 'leads',
  label: 'Salesforce Leads report',
  detect: ['Lead Status', 'Lead Source'],
  dateFormat: ['M/D/YYYY h:mm A', 'M/D/YYYY H:mm', 'M/D/YYYY', 'YYYY-MM-DD'],
  fields: {
    externalId: { column: ['Lead ID', 'Id'] },
    name: 'Name',
    firstName: 'First Name',
    lastName: 'Last Name',
    email: 'Email',
    company: { column: ['Company / Account', 'Company'] },
    source: 'Lead Source',
    owner: 'Lead Owner',
    status: {
      column: 'Lead Status',
      values: {
        'Open - Not Contacted': 'new',
        'Working - Contacted': 'working',
        'Closed - Converted': 'converted',
        'Closed - Not Converted': 'disqualified',
        'Marketing Qualified': 'mql',
        'Sales Qualified': 'sql',
      },
    },
    createdAt: { column: ['Create Date', 'Created Date'] },
    convertedAt: 'Converted Date',
  },
  externalIdFrom: ['email', 'name', 'createdAt'],
};
