import { iterateActivities, type ActivityRecord } from '../../../store/queries/records/list-activities.ts';
import type { RouteModule } from '../../app-types.ts';
import { CsvSeparatorQuery, sendCsv, type CsvColumn } from '../../csv/send-csv.ts';
import { ActivityFilterQuery, activityFilter } from './schemas.ts';

const COLUMNS: CsvColumn<ActivityRecord>[] = [
  { header: 'id', value: (r) => r.id },
  { header: 'external_id', value: (r) => r.externalId },
  { header: 'type', value: (r) => r.type },
  { header: 'direction', value: (r) => r.direction },
  { header: 'outcome', value: (r) => r.outcome },
  { header: 'duration_seconds', value: (r) => r.durationSeconds },
  { header: 'user_id', value: (r) => r.userId },
  { header: 'user', value: (r) => r.userName },
  { header: 'lead_id', value: (r) => r.leadId },
  { header: 'contact_id', value: (r) => r.contactId },
  { header: 'account_id', value: (r) => r.accountId },
  { header: 'opportunity_id', value: (r) => r.opportunityId },
  { header: 'subject', value: (r) => r.subject },
  { header: 'occurred_at', value: (r) => r.occurredAt },
  { header: 'is_new_prospect', value: (r) => r.isNewProspect },
];

/** GET /api/activities/export.csv: the same filters and visibility as the list, streamed as CSV. */
const exportActivities: RouteModule = (app, { reportDb: db }) => {
  app.get(
    '/api/activities/export.csv',
    {
      schema: {
        tags: ['records'],
        summary: 'Export activities visible to you as CSV',
        querystring: ActivityFilterQuery.extend(CsvSeparatorQuery),
        produces: ['text/csv'],
      },
    },
    async (request, reply) => {
      const filter = await activityFilter(db, request.query);
      return sendCsv(
        reply,
        'activities.csv',
        COLUMNS,
        iterateActivities(db, request.viewer, filter),
        request.query.separator,
      );
    },
  );
};
export default exportActivities;
