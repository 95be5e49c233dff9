import { z } from 'zod';
import { PIPELINE_CATEGORIES, PIPELINE_FLAGS } from '../../../domain/coaching/pipeline-changes.ts';
import { pipelineChanges } from '../../../store/queries/coaching/pipeline-changes.ts';
import type { RouteModule } from '../../app-types.ts';
import { IdField } from '../../input-schemas.ts';

const QuerySchema = z.object({
  week: z
    .string()
    .max(10)
    .optional()
    .describe(
      "Week, e.g. '2026-W47': the workspace week holding that ISO week's Monday (default: this week)",
    ),
  userId: IdField.optional().describe('one rep'),
  teamId: z.coerce
    .number()
    .int()
    .positive()
    .max(Number.MAX_SAFE_INTEGER)
    .optional()
    .describe('one team, sub-teams included'),
  closePeriod: z
    .string()
    .max(40)
    .optional()
    .describe("deals count when their close date is in this period, or 'all' (default: the week's quarter)"),
  stalledDays: z.coerce.number().int().min(1).max(365).optional().describe('days without change or activity'),
  category: z.enum(PIPELINE_CATEGORIES).optional().describe('only list the deals of this category'),
  limit: z.coerce.number().int().min(0).max(10_000).default(500).describe('list at most this many deals'),
});

const Category = z.enum(PIPELINE_CATEGORIES);

const Reconciliation = z.object({
  currency: z.string(),
  startCount: z.number(),
  startValueMinor: z.number(),
  endCount: z.number(),
  endValueMinor: z.number(),
  categories: z.array(
    z.object({ category: Category, count: z.number(), amountMinor: z.number(), effectMinor: z.number() }),
  ),
  flags: z.array(z.object({ flag: z.enum(PIPELINE_FLAGS), count: z.number() })),
});

export const PipelineChangesSchema = z.object({
  week: z.object({ key: z.string(), from: z.string(), to: z.string() }),
  closePeriod: z.object({ key: z.string(), from: z.string().nullable(), to: z.string().nullable() }),
  subject: z.object({
    type: z.enum(['rep', 'team', 'visible']),
    id: z.number().nullable(),
    name: z.string(),
  }),
  stalledDays: z.number(),
  totals: z.array(Reconciliation).describe("per currency, in the deals' own amounts"),
  workspaceTotals: Reconciliation.describe('every deal with a rate, converted to the workspace currency'),
  currenciesWithoutRate: z.array(z.string()),
  warnings: z.array(z.string()),
  dealCount: z.number(),
  deals: z.array(
    z.object({
      opportunityId: z.number(),
      name: z.string(),
      currency: z.string(),
      ownerId: z.number().nullable(),
      ownerName: z.string().nullable(),
      category: Category,
      flags: z.array(z.enum(PIPELINE_FLAGS)),
      inStart: z.boolean(),
      inEnd: z.boolean(),
      startAmountMinor: z.number(),
      endAmountMinor: z.number(),
      effectMinor: z.number(),
      amountMinor: z.number(),
      startStagePosition: z.number().nullable(),
      endStagePosition: z.number().nullable(),
      startCloseDate: z.string().nullable(),
      endCloseDate: z.string().nullable(),
      workspace: z
        .object({
          startAmountMinor: z.number(),
          endAmountMinor: z.number(),
          effectMinor: z.number(),
          amountMinor: z.number(),
        })
        .nullable()
        .describe('the same amounts in the workspace currency; null without a rate'),
    }),
  ),
});

/** GET /api/pipeline-changes: last week's pipeline reconciled to this week's, deal by deal. */
const getPipelineChanges: RouteModule = (app, { reportDb: db }) => {
  app.get(
    '/api/pipeline-changes',
    {
      schema: {
        tags: ['coaching'],
        summary: 'Week-over-week pipeline changes of a rep or team: added, moved, pushed, won, lost, stalled',
        querystring: QuerySchema,
        response: { 200: PipelineChangesSchema },
      },
    },
    async (request) => pipelineChanges(db, request.viewer, request.query),
  );
};
export default getPipelineChanges;
