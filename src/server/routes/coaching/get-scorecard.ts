import { z } from 'zod';
import { repScorecards } from '../../../store/queries/coaching/scorecard.ts';
import type { RouteModule } from '../../app-types.ts';
import {
  PeriodSchema,
  RepFilterQuery,
  ScoredMetricSchema,
  ScorecardSchema,
  RepOnScorecard,
} from './schemas.ts';

/**
 * GET /api/coaching/scorecard?period=2026-Q3&grain=month[&teamId][&userId]: activity (leading) and results
 * (lagging) scores per rep and bucket, 100 = on benchmark. A rep sees their own, a manager their subtree.
 */
const getScorecardRoute: RouteModule = (app, { reportDb: db }) => {
  app.get(
    '/api/coaching/scorecard',
    {
      schema: {
        tags: ['coaching'],
        summary: 'Rep scorecards: activity and results scores per period',
        querystring: z.object({
          period: z.string().max(40),
          grain: z.enum(['day', 'week', 'month', 'quarter', 'whole']).default('whole'),
          ...RepFilterQuery,
        }),
        response: {
          200: z.object({
            period: PeriodSchema,
            grain: z.string().nullable(),
            scorecards: z.array(ScorecardSchema),
            reps: z.array(
              RepOnScorecard.extend({
                buckets: z.array(
                  z.object({
                    period: z.string().nullable(),
                    start: z.string(),
                    end: z.string(),
                    activityScore: z.number().nullable(),
                    resultsScore: z.number().nullable(),
                    ramp: z.number(),
                    metrics: z.array(ScoredMetricSchema),
                  }),
                ),
              }),
            ),
          }),
        },
      },
    },
    async (request) => {
      const q = request.query;
      return repScorecards(db, request.viewer, {
        periodKey: q.period,
        grain: q.grain === 'whole' ? null : q.grain,
        teamId: q.teamId,
        userId: q.userId,
      });
    },
  );
};
export default getScorecardRoute;
