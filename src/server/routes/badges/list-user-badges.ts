import { z } from 'zod';
import { listBadges } from '../../../store/queries/goals/list-badges.ts';
import type { RouteModule } from '../../app-types.ts';
import { IdField } from '../../input-schemas.ts';

const BadgeSchema = z.object({
  id: z.number().int(),
  kind: z.enum(['goal_streak', 'personal_best', 'goal_met']),
  metricId: z.string(),
  goalId: z.number().int().nullable(),
  periodKey: z.string(),
  value: z.number().nullable(),
  details: z.record(z.string(), z.unknown()),
  awardedAt: z.date(),
});

/** GET /api/users/:id/badges: a rep's badges (goal streaks, goals met, personal bests), newest first. */
const listUserBadgesRoute: RouteModule = (app, { db }) => {
  app.get(
    '/api/users/:id/badges',
    {
      schema: {
        tags: ['goals'],
        summary: "A user's badges",
        params: z.object({ id: IdField }),
        response: { 200: z.object({ badges: z.array(BadgeSchema) }) },
      },
    },
    async (request) => ({ badges: await listBadges(db, request.viewer, request.params.id) }),
  );
};
export default listUserBadgesRoute;
