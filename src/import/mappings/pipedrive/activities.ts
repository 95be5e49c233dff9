import type { MappingSpecInput } from '../../mapping/mapping-spec.ts';

/** Pipedrive activities export ('Activity - <Field>' headers). Undone activities are planned, not performed: skipped. */
export const pipedriveActivities: MappingSpecInput = {
  source: 'pipedrive',
  entity: 'activities',
  label: 'Pipedrive activities',
  detect: ['Activity - Subject', 'Activity - Type'],
  dateFormat: ['YYYY-MM-DD HH:mm:ss', 'YYYY-MM-DD HH:mm', 'YYYY-MM-DD'],
  fields: {
    externalId: 'Activity - ID',
    type: {
      column: 'Activity - Type',
      values: {
        call: 'call',
        meeting: 'meeting',
        email: 'email',
        lunch: 'meeting',
        task: 'other',
        deadline: 'other',
      },
    },
    subject: 'Activity - Subject',
    occurredAt: { join: ['Activity - Due date', 'Activity - Due time'] },
    duration: { column: 'Activity - Duration', unit: 'minutes' },
    done: { column: 'Activity - Done', values: { Done: 'true', Undone: 'false' } },
    owner: 'Activity - Assigned to user',
    account: 'Activity - Organization',
    contact: 'Activity - Person',
    opportunity: 'Activity - Deal',
  },
  externalIdFrom: ['owner', 'type', 'occurredAt', 'subject', 'contact'],
};
