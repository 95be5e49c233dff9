import { z } from 'zod';
import { AppError } from '../../../errors.ts';
import { leaderboard } from '../../../store/queries/leaderboard/leaderboard.ts';
import type { RouteModule } from '../../app-types.ts';
import { IdField } from '../../input-schemas.ts';

/** 'calls:2,meetings_held:1' -> { calls: 2, meetings_held: 1 }; throws a validation error naming bad parts. */
function parseWeights(spec: string): Record<string, number> {
  const out: Record<string, number> = {};
  const bad: string[] = [];
  for (const part of spec
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [id, w] = part.split(':');
    const weight = w === undefined ? 1 : Number(w);
    if (!id || !Number.isFinite(weight)) bad.push(part);
    else out[id] = weight;
  }
  if (bad.length > 0 || Object.keys(out).length === 0) {
    throw new AppError('validation', 'weights must look like calls:2,meetings_held:1', [
      { field: 'weights', value: spec, reason: 'expected metric:weight pairs' },
    ]);
  }
  return out;
}

/** One ranked line of a board (also the meeting pack's leaderboard section). */
export const LeaderboardLineSchema = z.object({
  rank: z.number().int().nullable(),
  id: z.number().int(),
  name: z.string(),
  value: z.number().nullable(),
  values: z.record(z.string(), z.number().nullable()),
  previousRank: z.number().int().nullable(),
  previousValue: z.number().nullable(),
  movement: z.number().int().nullable(),
});
const PeriodSchema = z.object({ key: z.string(), grain: z.string(), start: z.string(), end: z.string() });

/**
 * GET /api/leaderboards?metric=calls&period=2026-11&board=reps (or weights=calls:2,meetings_held:1): ranked
 * reps or teams with ties, movement since the previous period, values from the metrics engine. Boards of
 * unpublished metrics hold only the reps the caller may see (see the leaderboard query).
 */
const getLeaderboardRoute: RouteModule = (app, { reportDb: db }) => {
  app.get(
    '/api/leaderboards',
    {
      schema: {
        tags: ['leaderboards'],
        summary: 'Leaderboard of reps or teams on a metric or weighted score',
        querystring: z.object({
          metric: z.string().optional(),
          weights: z.string().max(500).optional(),
          period: z.string().max(40),
          board: z.enum(['reps', 'teams']).default('reps'),
          teamId: IdField.optional(),
        }),
        response: {
          200: z.object({
            board: z.enum(['reps', 'teams']),
            period: PeriodSchema,
            previousPeriod: PeriodSchema,
            rankedOn: z.string(),
            better: z.enum(['higher', 'lower']),
            components: z.array(
              z.object({ metricId: z.string(), weight: z.number(), better: z.enum(['higher', 'lower']) }),
            ),
            published: z
              .boolean()
              .describe(
                'true: every metric is published (settings.leaderboardMetrics) and the board holds everyone; false: only the reps the caller may see in /api/metrics',
              ),
            lines: z.array(LeaderboardLineSchema),
          }),
        },
      },
    },
    async (request) => {
      const q = request.query;
      return leaderboard(db, request.viewer, {
        periodKey: q.period,
        board: q.board,
        metricId: q.metric,
        weights: q.weights ? parseWeights(q.weights) : undefined,
        teamIds: q.teamId ? [q.teamId] : undefined,
      });
    },
  );
};
export default getLeaderboardRoute;
