import type { MappingSpecInput } from '../../mapping/mapping-spec.ts';

/** Salesforce Tasks and Events report (column labels not verified against a real export). */
export const salesforceActivities: MappingSpecInput = {
  source: 'salesforce',
  entity: 'activities',
  label: 'Salesforce Tasks and Events report',
  detect: ['Task/Event', 'Subject'],
  dateFormat: ['M/D/YYYY h:mm A', 'M/D/YYYY H:mm', 'M/D/YYYY', 'YYYY-MM-DD'],
  fields: {
    externalId: { column: ['Activity ID', 'Id'] },
    type: {
      column: ['Task Subtype', 'Type', 'Task/Event'],
      values: {
        Call: 'call',
        Email: 'email',
        'List Email': 'email',
        Event: 'meeting',
        Meeting: 'meeting',
        Task: 'other',
        LinkedIn: 'linkedin',
      },
    },
    owner: { column: ['Assigned', 'Assigned To'] },
    occurredAt: { column: ['Date', 'Due Date', 'Start', 'Created Date'] },
    subject: 'Subject',
    account: { column: ['Company / Account', 'Account'] },
    contact: { column: ['Contact', 'Name'] },
    opportunity: 'Opportunity',
    duration: { column: ['Duration', 'Call Duration'], unit: 'minutes' },
    done: {
      column: 'Status',
      values: {
        Completed: 'true',
        'Not Started': 'false',
        'In Progress': 'false',
        Deferred: 'false',
        'Waiting on someone else': 'false',
      },
    },
  },
  externalIdFrom: ['owner', 'type', 'occurredAt', 'subject', 'contact'],
};
