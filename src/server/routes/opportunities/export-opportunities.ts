import {
  iterateOpportunities,
  type OpportunityRecord,
} from '../../../store/queries/records/list-opportunities.ts';
import type { RouteModule } from '../../app-types.ts';
import { CsvSeparatorQuery, sendCsv, type CsvColumn } from '../../csv/send-csv.ts';
import { OpportunityFilterQuery, opportunityFilter } from './schemas.ts';

const COLUMNS: CsvColumn<OpportunityRecord>[] = [
  { header: 'id', value: (r) => r.id },
  { header: 'external_id', value: (r) => r.externalId },
  { header: 'name', value: (r) => r.name },
  { header: 'account', value: (r) => r.accountName },
  { header: 'owner_id', value: (r) => r.ownerId },
  { header: 'owner', value: (r) => r.ownerName },
  { header: 'stage', value: (r) => r.stageName },
  { header: 'status', value: (r) => r.status },
  { header: 'type', value: (r) => r.type },
  { header: 'amount_minor', value: (r) => r.amountMinor },
  { header: 'currency', value: (r) => r.currency },
  { header: 'workspace_amount_minor', value: (r) => r.workspaceAmountMinor },
  { header: 'forecast_category', value: (r) => r.forecastCategory },
  { header: 'lead_source', value: (r) => r.leadSource },
  { header: 'expected_close_date', value: (r) => r.expectedCloseDate },
  { header: 'created_at', value: (r) => r.createdAt },
  { header: 'closed_at', value: (r) => r.closedAt },
  { header: 'lost_reason', value: (r) => r.lostReason },
];

/** GET /api/opportunities/export.csv: the same filters and visibility as the list, streamed as CSV. */
const exportOpportunities: RouteModule = (app, { reportDb: db }) => {
  app.get(
    '/api/opportunities/export.csv',
    {
      schema: {
        tags: ['records'],
        summary: 'Export opportunities visible to you as CSV',
        querystring: OpportunityFilterQuery.extend(CsvSeparatorQuery),
        produces: ['text/csv'],
      },
    },
    async (request, reply) => {
      const filter = await opportunityFilter(db, request.query);
      return sendCsv(
        reply,
        'opportunities.csv',
        COLUMNS,
        iterateOpportunities(db, request.viewer, filter),
        request.query.separator,
      );
    },
  );
};
export default exportOpportunities;
