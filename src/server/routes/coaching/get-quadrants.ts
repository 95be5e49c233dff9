import { z } from 'zod';
import { repQuadrants } from '../../../store/queries/coaching/quadrants.ts';
import type { RouteModule } from '../../app-types.ts';
import { QuadrantSchema, RepFilterQuery, ThresholdsSchema } from './schemas.ts';

/**
 * GET /api/coaching/quadrants?periods=6&grain=month[&period=2026-10][&history=6][&basis=results]: every visible
 * rep's level (mean score, percentile among peers), trend (Theil-Sen slope) and group, with the group's history.
 */
const getQuadrantsRoute: RouteModule = (app, { reportDb: db }) => {
  app.get(
    '/api/coaching/quadrants',
    {
      schema: {
        tags: ['coaching'],
        summary: 'Rep quadrants: level x trend, with group history',
        querystring: z.object({
          periods: z.coerce.number().int().min(2).max(24).default(6),
          grain: z.enum(['week', 'month', 'quarter']).default('month'),
          period: z
            .string()
            .max(40)
            .optional()
            .describe('the last period of the window; default the last complete one'),
          history: z.coerce.number().int().min(1).max(24).default(6),
          basis: z.enum(['results', 'activity']).default('results'),
          trend: z
            .enum(['relative', 'absolute'])
            .default('relative')
            .describe("relative: slope of the gap to the peers' median each period"),
          ...RepFilterQuery,
        }),
        response: {
          200: z.object({
            grain: z.string(),
            periods: z.number().int(),
            basis: z.enum(['results', 'activity']),
            trend: z.enum(['relative', 'absolute']),
            thresholds: ThresholdsSchema,
            window: z.array(z.string()),
            peers: z.number().int(),
            reps: z.array(
              z.object({
                userId: z.number().int(),
                name: z.string(),
                teamId: z.number().int().nullable(),
                level: z.number().nullable(),
                levelPercentile: z.number().nullable(),
                slope: z.number().nullable().describe('score points per period (Theil-Sen)'),
                periodsWithScore: z.number().int(),
                quadrant: QuadrantSchema.nullable().describe('null: too little history'),
                scores: z.array(z.object({ period: z.string(), score: z.number().nullable() })),
                history: z.array(z.object({ period: z.string(), quadrant: QuadrantSchema.nullable() })),
              }),
            ),
          }),
        },
      },
    },
    async (request) => {
      const q = request.query;
      return repQuadrants(db, request.viewer, {
        periods: q.periods,
        grain: q.grain,
        periodKey: q.period,
        history: q.history,
        basis: q.basis,
        trend: q.trend,
        teamId: q.teamId,
        userId: q.userId,
      });
    },
  );
};
export default getQuadrantsRoute;
