import { z } from 'zod';
import { repBenchmarks } from '../../../store/queries/coaching/benchmarks.ts';
import type { RouteModule } from '../../app-types.ts';
import { PeriodSchema, RepFilterQuery, RepOnScorecard } from './schemas.ts';

const Stats = z.object({ median: z.number().nullable(), topQuartile: z.number().nullable() });

/**
 * GET /api/coaching/benchmarks?period=2026-Q3[&teamId][&userId]: each rep's KPIs beside their benchmark, the
 * peers' median and top quartile, and their percentile. Peer figures are aggregates over the team (or everyone);
 * the reps listed are those the caller may see.
 */
const getBenchmarksRoute: RouteModule = (app, { reportDb: db }) => {
  app.get(
    '/api/coaching/benchmarks',
    {
      schema: {
        tags: ['coaching'],
        summary: 'Rep KPIs vs benchmark, team median, top quartile and percentile',
        querystring: z.object({ period: z.string().max(40), ...RepFilterQuery }),
        response: {
          200: z.object({
            period: PeriodSchema,
            peers: z.number().int(),
            activity: Stats,
            results: Stats,
            reps: z.array(
              RepOnScorecard.extend({
                ramp: z.number(),
                activityScore: z.number().nullable(),
                activityPercentile: z.number().nullable(),
                resultsScore: z.number().nullable(),
                resultsPercentile: z.number().nullable(),
                kpis: z.array(
                  Stats.extend({
                    metricId: z.string(),
                    label: z.string(),
                    unit: z.string(),
                    kind: z.enum(['leading', 'lagging']),
                    weight: z.number(),
                    direction: z.enum(['higher', 'lower']),
                    value: z.number().nullable(),
                    benchmark: z.number(),
                    ratio: z.number().nullable(),
                    percentile: z.number().nullable(),
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
      return repBenchmarks(db, request.viewer, { periodKey: q.period, teamId: q.teamId, userId: q.userId });
    },
  );
};
export default getBenchmarksRoute;
