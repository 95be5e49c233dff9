import { z } from 'zod';
import type { OpportunityTypeFilter } from '../../../domain/metrics/query.ts';
import { resolveReportPeriod } from '../../../domain/metrics/report-period.ts';
import { funnelReport } from '../../../store/queries/funnel/funnel-report.ts';
import { getSettings } from '../../../store/tables/settings.ts';
import type { RouteModule } from '../../app-types.ts';
import { IdListField } from '../../input-schemas.ts';
import { splitList } from '../metrics/metrics-schemas.ts';

const idList = IdListField.optional();

const FunnelQuerySchema = z.object({
  period: z.string().max(40).optional().describe("period key: '2026-Q3', '2026-11', 'FY2027', ..."),
  from: z.string().max(10).optional().describe('first local date (YYYY-MM-DD), with to, when no period'),
  to: z.string().max(10).optional().describe('last local date, inclusive'),
  pipeline: z.coerce
    .number()
    .int()
    .positive()
    .optional()
    .describe('pipeline id (default: the default pipeline)'),
  team: idList.describe('team ids (sub-teams included)'),
  rep: idList.describe('user ids'),
  type: z
    .string()
    .regex(/^(new_business|upsell|renewal)(,(new_business|upsell|renewal))*$/)
    .optional()
    .describe('opportunity types'),
  source: z.string().max(2000).optional().describe('lead sources'),
});

const Ratio = z.object({
  value: z.number().nullable(),
  numerator: z.number().optional(),
  denominator: z.number().optional(),
});

const FunnelReportSchema = z.object({
  period: z.object({ key: z.string(), from: z.string(), to: z.string() }),
  pipeline: z.object({ id: z.number(), name: z.string() }),
  stages: z.array(
    z.object({
      stageId: z.number(),
      name: z.string(),
      position: z.number(),
      entered: z.number(),
      advanced: z.number(),
      won: z.number(),
      conversion: Ratio,
      winRate: Ratio,
      avgDays: z.number().nullable(),
      medianDays: z.number().nullable(),
    }),
  ),
  leads: z.array(
    z.object({
      step: z.enum(['lead', 'mql', 'sql', 'opportunity', 'won']),
      count: z.number(),
      fromPrevious: Ratio.nullable(),
      fromLeads: Ratio,
    }),
  ),
});

/** GET /api/funnel: stage-to-stage conversion and days in stage, plus lead -> MQL -> SQL -> opportunity -> won. */
const getFunnel: RouteModule = (app, { reportDb: db }) => {
  app.get(
    '/api/funnel',
    {
      schema: {
        tags: ['metrics'],
        summary: 'Stage conversion and time in stage, and the lead funnel, for a period',
        querystring: FunnelQuerySchema,
        response: { 200: FunnelReportSchema },
      },
    },
    async (request) => {
      const q = request.query;
      const settings = await getSettings(db);
      const toIds = (s: string | undefined) => splitList(s).map(Number);
      return funnelReport(db, request.viewer, {
        period: resolveReportPeriod(q, settings),
        pipelineId: q.pipeline ?? null,
        filters: {
          teamIds: toIds(q.team),
          userIds: toIds(q.rep),
          opportunityTypes: splitList(q.type) as OpportunityTypeFilter[],
          leadSources: splitList(q.source),
        },
      });
    },
  );
};
export default getFunnel;
