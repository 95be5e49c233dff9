import { iterateLeads, type LeadRecord } from '../../../store/queries/records/list-leads.ts';
import type { RouteModule } from '../../app-types.ts';
import { CsvSeparatorQuery, sendCsv, type CsvColumn } from '../../csv/send-csv.ts';
import { LeadFilterQuery, leadFilter } from './schemas.ts';

const COLUMNS: CsvColumn<LeadRecord>[] = [
  { header: 'id', value: (r) => r.id },
  { header: 'external_id', value: (r) => r.externalId },
  { header: 'name', value: (r) => r.name },
  { header: 'email', value: (r) => r.email },
  { header: 'company', value: (r) => r.company },
  { header: 'source', value: (r) => r.source },
  { header: 'owner_id', value: (r) => r.ownerId },
  { header: 'owner', value: (r) => r.ownerName },
  { header: 'status', value: (r) => r.status },
  { header: 'created_at', value: (r) => r.createdAt },
  { header: 'mql_at', value: (r) => r.mqlAt },
  { header: 'sql_at', value: (r) => r.sqlAt },
  { header: 'converted_at', value: (r) => r.convertedAt },
  { header: 'first_touch_at', value: (r) => r.firstTouchAt },
  { header: 'first_response_at', value: (r) => r.firstResponseAt },
  { header: 'response_business_minutes', value: (r) => r.responseBusinessMinutes },
  { header: 'score', value: (r) => r.score },
];

/** GET /api/leads/export.csv: the same filters and visibility as the list, streamed as CSV. */
const exportLeads: RouteModule = (app, { reportDb: db }) => {
  app.get(
    '/api/leads/export.csv',
    {
      schema: {
        tags: ['records'],
        summary: 'Export leads visible to you as CSV',
        querystring: LeadFilterQuery.extend(CsvSeparatorQuery),
        produces: ['text/csv'],
      },
    },
    async (request, reply) => {
      const filter = await leadFilter(db, request.query);
      return sendCsv(
        reply,
        'leads.csv',
        COLUMNS,
        iterateLeads(db, request.viewer, filter),
        request.query.separator,
      );
    },
  );
};
export default exportLeads;
