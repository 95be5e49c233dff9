import { z } from 'zod';
import { funnelDiagnosis } from '../../../store/queries/coaching/funnel-diagnosis.ts';
import type { RouteModule } from '../../app-types.ts';
import { IdField } from '../../input-schemas.ts';

const QuerySchema = z.object({
  userId: IdField.describe('the rep to diagnose'),
  period: z
    .string()
    .max(40)
    .optional()
    .describe("period key: '2026-Q3', '2026-11', ... (default: this quarter)"),
});

/** One side of a stage comparison: entries, advances, conversion and days in stage. */
export const StageSideSchema = z.object({
  entered: z.number(),
  advanced: z.number(),
  rate: z.number().nullable(),
  medianDays: z.number().nullable(),
  avgDays: z.number().nullable(),
});

/** A stage of the funnel compared between two groups (a rep and their peers; a pack's people and the company). */
export const StageComparisonSchema = z.object({
  stageId: z.number(),
  from: z.string(),
  to: z.string(),
  rep: StageSideSchema,
  team: StageSideSchema,
  gap: z.number().nullable(),
  daysGap: z.number().nullable(),
});

const Sentence = z.object({
  kind: z.enum(['biggest_gap', 'no_gap', 'follow_up_gaps', 'response_time']),
  values: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
  text: z.string(),
});

const FollowUpSide = z.object({ lost: z.number(), fewFollowUps: z.number(), share: z.number().nullable() });

export const FunnelDiagnosisSchema = z.object({
  rep: z.object({ id: z.number(), name: z.string() }),
  peers: z.object({
    kind: z.enum(['team', 'company']),
    teamId: z.number().nullable(),
    teamName: z.string().nullable(),
    reps: z.number(),
  }),
  period: z.object({ key: z.string(), from: z.string(), to: z.string() }),
  pipeline: z.object({ id: z.number(), name: z.string() }),
  stages: z.array(StageComparisonSchema),
  biggestGap: z
    .object({
      stageId: z.number(),
      from: z.string(),
      to: z.string(),
      repRate: z.number(),
      teamRate: z.number(),
      gap: z.number(),
    })
    .nullable(),
  followUps: z.object({ threshold: z.number(), rep: FollowUpSide, team: FollowUpSide }),
  responseTime: z.object({ repMinutes: z.number().nullable(), teamMinutes: z.number().nullable() }),
  sentences: z.array(Sentence),
});

/** GET /api/coaching/funnel-diagnosis: one rep's conversion and days in stage against their peers, in plain words. */
const getFunnelDiagnosis: RouteModule = (app, { reportDb: db }) => {
  app.get(
    '/api/coaching/funnel-diagnosis',
    {
      schema: {
        tags: ['coaching'],
        summary: "A rep's funnel against their peers: biggest conversion gap, follow-up gaps, response time",
        querystring: QuerySchema,
        response: { 200: FunnelDiagnosisSchema },
      },
    },
    async (request) => funnelDiagnosis(db, request.viewer, request.query),
  );
};
export default getFunnelDiagnosis;
