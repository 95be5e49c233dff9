import { z } from 'zod';
import { ACTIVITY_TYPES } from '../../../domain/capture/captured-activity.ts';
import { AppError } from '../../../errors.ts';
import { TODAY_METRICS, todayReport } from '../../../store/queries/capture/today-touches.ts';
import type { RouteModule } from '../../app-types.ts';
import { GoalPacingSchema } from '../goals/schemas.ts';

const TodaySchema = z.object({
  date: z.string().describe('workspace-local date'),
  timeZone: z.string(),
  values: z
    .object(
      Object.fromEntries(TODAY_METRICS.map((id) => [id, z.number()])) as Record<
        (typeof TODAY_METRICS)[number],
        z.ZodNumber
      >,
    )
    .describe('metric id -> count today (metrics engine)'),
  goals: z.array(GoalPacingSchema).describe("the user's personal day-grain goals, paced for today"),
  scheduled: z.array(
    z.object({
      id: z.number().int(),
      type: z.enum(ACTIVITY_TYPES),
      occurredAt: z.string(),
      contactId: z.number().int().nullable(),
      contactName: z.string().nullable(),
      note: z.string().nullable(),
    }),
  ),
});

/**
 * GET /api/activities/today: the signed-in user's day for the quick log's Today view: touches by type, new
 * prospects and follow-ups (metrics engine, workspace-local day), their day-grain micro-goals, and next steps due
 * today. Only for oneself; there is no user parameter.
 */
const todayRoute: RouteModule = (app, { db }) => {
  app.get(
    '/api/activities/today',
    {
      schema: {
        tags: ['records'],
        summary: "Today: the signed-in user's touches against their day goals, and next steps due today",
        response: { 200: TodaySchema },
      },
    },
    async (request) => {
      const viewer = request.viewer;
      if (viewer.userId === null)
        throw new AppError('forbidden', 'Today is the signed-in user’s own day; an API token has none');
      const r = await todayReport(db, viewer, viewer.userId);
      return {
        ...r,
        goals: r.goals,
        scheduled: r.scheduled.map((s) => ({ ...s, occurredAt: s.occurredAt.toISOString() })),
      };
    },
  );
};
export default todayRoute;
