import type { MappingSpecInput } from '../../mapping/mapping-spec.ts';

/** HubSpot activities (calls, meetings, emails, tasks) export; headers not verified against a real export. */
export const hubspotEngagements: MappingSpecInput = {
  source: 'hubspot',
  entity: 'activities',
  label: 'HubSpot engagements (calls, meetings, emails, tasks)',
  detect: ['Activity type', 'Activity date'],
  dateFormat: ['YYYY-MM-DD HH:mm', 'YYYY-MM-DD HH:mm:ss', 'YYYY-MM-DD'],
  fields: {
    externalId: { column: ['Record ID', 'Activity ID'] },
    type: {
      column: ['Activity type', 'Engagement type'],
      values: {
        CALL: 'call',
        MEETING: 'meeting',
        EMAIL: 'email',
        INCOMING_EMAIL: 'email',
        'Incoming email': 'email',
        TASK: 'other',
        NOTE: 'other',
        LINKEDIN_MESSAGE: 'linkedin',
        'LinkedIn message': 'linkedin',
      },
    },
    direction: {
      column: ['Activity type', 'Engagement type'],
      values: { INCOMING_EMAIL: 'inbound', 'Incoming email': 'inbound' },
      otherwise: 'outbound',
    },
    owner: { column: ['Activity assigned to', 'Assigned to', 'Activity owner'] },
    occurredAt: { column: ['Activity date', 'Create date'] },
    subject: { column: ['Subject', 'Call title', 'Meeting name', 'Task title', 'Email subject'] },
    contact: { column: ['Associated Contact', 'Associated contacts'] },
    account: { column: ['Associated Company', 'Associated companies'] },
    outcome: {
      column: ['Call outcome', 'Meeting outcome'],
      values: {
        Connected: 'connected',
        'No answer': 'no_answer',
        Busy: 'no_answer',
        'Wrong number': 'no_answer',
        'Left voicemail': 'voicemail',
        'Left live message': 'connected',
        Completed: 'held',
        Scheduled: 'scheduled',
        Rescheduled: 'scheduled',
        'No show': 'no_show',
        Canceled: 'no_show',
      },
    },
    duration: { column: 'Call duration', unit: 'milliseconds' },
    done: {
      column: 'Task status',
      values: {
        COMPLETED: 'true',
        Completed: 'true',
        NOT_STARTED: 'false',
        'Not started': 'false',
        IN_PROGRESS: 'false',
        WAITING: 'false',
      },
    },
  },
  externalIdFrom: ['owner', 'type', 'occurredAt', 'subject', 'contact'],
};
