import { z } from 'zod';
import { resolveReportPeriod } from '../../../domain/metrics/report-period.ts';
import { winReport } from '../../../store/queries/win-analysis/win-report.ts';
import { getSettings } from '../../../store/tables/settings.ts';
import type { RouteModule } from '../../app-types.ts';
import { IdListField } from '../../input-schemas.ts';
import { splitList } from '../metrics/metrics-schemas.ts';

const Id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

const QuerySchema = z.object({
  period: z.string().max(40).optional().describe("period key: '2026-Q3', '2026-11', 'FY2027', ..."),
  from: z
    .string()
    .max(10)
    .optional()
    .describe('first local date of closing (YYYY-MM-DD), with to, when no period'),
  to: z.string().max(10).optional().describe('last local date of closing, inclusive'),
  team: Id.optional().describe('a team id (sub-teams included); not with rep'),
  rep: Id.optional().describe('a rep user id; not with team'),
  type: z
    .string()
    .regex(/^(new_business|upsell|renewal)(,(new_business|upsell|renewal))*$/)
    .optional()
    .describe('opportunity types, comma-separated'),
  pipeline: IdListField.optional().describe('pipeline ids, comma-separated'),
});

const Side = z.object({ n: z.number(), median: z.number(), mean: z.number() });

export const WinAnalysisSchema = z.object({
  period: z.object({ key: z.string(), from: z.string(), to: z.string() }),
  subject: z.object({
    type: z.enum(['rep', 'team', 'visible']),
    id: z.number().nullable(),
    name: z.string(),
  }),
  currency: z.string(),
  deals: z.object({ won: z.number(), lost: z.number(), winRate: z.number().nullable() }),
  minDealsPerSide: z.number(),
  findings: z.array(
    z.object({
      feature: z.string(),
      label: z.string(),
      /** The stage's name for a stage_days feature (so a reader's language can word the label), else null. */
      stageName: z.string().nullable(),
      won: Side,
      lost: Side,
      difference: z.number(),
      ratio: z.number().nullable(),
      effect: z.number(),
      size: z.enum(['negligible', 'small', 'moderate', 'large']),
      sentence: z.string(),
    }),
  ),
  skipped: z.array(
    z.object({
      feature: z.string(),
      label: z.string(),
      /** The stage's name for a stage_days feature (so a reader's language can word the label), else null. */
      stageName: z.string().nullable(),
      wonN: z.number(),
      lostN: z.number(),
      sentence: z.string(),
    }),
  ),
  sources: z.array(
    z.object({
      source: z.string().nullable(),
      deals: z.number(),
      won: z.number(),
      winRate: z.number(),
      differencePoints: z.number(),
      sentence: z.string(),
    }),
  ),
  otherSources: z.object({ sources: z.number(), deals: z.number() }),
});

/**
 * GET /api/win-analysis: won against lost deals closed in a period, feature by feature, in plain words. Row-level
 * data: a rep reads their own deals, a manager a rep or team of theirs, an admin anyone's (coaching-subject.ts).
 */
const getWinAnalysis: RouteModule = (app, { reportDb: db }) => {
  app.get(
    '/api/win-analysis',
    {
      schema: {
        tags: ['coaching'],
        summary:
          'Won vs lost deals: touches, follow-ups, meetings, stage days, source, size, response, cadence',
        querystring: QuerySchema,
        response: { 200: WinAnalysisSchema },
      },
    },
    async (request) => {
      const q = request.query;
      const settings = await getSettings(db);
      return winReport(db, request.viewer, {
        period: resolveReportPeriod(q, settings),
        userId: q.rep,
        teamId: q.team,
        types: splitList(q.type),
        pipelineIds: splitList(q.pipeline).map(Number),
      });
    },
  );
};
export default getWinAnalysis;
