import { z } from 'zod';
import { cadenceGaps } from '../../../store/queries/cadence/cadence-gaps.ts';
import type { RouteModule } from '../../app-types.ts';

const Deal = z.object({
  opportunityId: z.number().int(),
  name: z.string(),
  ownerId: z.number().int().nullable(),
  ownerName: z.string().nullable(),
  amountMinor: z.number(),
  currency: z.string(),
  /** The amount in the workspace currency by today's rate; null when no rate is in effect. */
  workspaceAmountMinor: z.number().nullable(),
  stageName: z.string(),
  lastMeetingAt: z.date().nullable(),
  touchesSinceMeeting: z.number().int(),
  attempts: z.number().int(),
  lastTouchAt: z.date().nullable(),
  daysSinceLastTouch: z.number().int(),
  silent: z.boolean(),
});

const Lead = z.object({
  leadId: z.number().int(),
  name: z.string(),
  company: z.string().nullable(),
  source: z.string().nullable(),
  status: z.string(),
  ownerId: z.number().int().nullable(),
  ownerName: z.string().nullable(),
  createdAt: z.date(),
  attempts: z.number().int(),
  lastTouchAt: z.date().nullable(),
  daysSinceLastTouch: z.number().int(),
  underAttempted: z.boolean(),
});

/** GET /api/cadence/gaps: silent deals before the follow-up target and under-attempted leads (viewer-filtered). */
const cadenceGapsRoute: RouteModule = (app, { db }) => {
  app.get(
    '/api/cadence/gaps',
    {
      schema: {
        tags: ['cadence'],
        summary: 'Follow-up cadence gaps',
        querystring: z.object({
          silentDays: z.coerce.number().int().min(1).max(365).optional(),
          limit: z.coerce.number().int().min(1).max(2000).optional(),
        }),
        response: {
          200: z.object({
            rules: z.object({
              silentDays: z.number(),
              followUpTarget: z.number(),
              leadMinAttempts: z.number(),
            }),
            silentDeals: z.array(Deal),
            underAttemptedLeads: z.array(Lead),
            currenciesWithoutRate: z.array(z.string()),
            warnings: z.array(z.string()),
          }),
        },
      },
    },
    async (request) =>
      cadenceGaps(db, request.viewer, {
        now: new Date(),
        silentDays: request.query.silentDays,
        limit: request.query.limit,
      }),
  );
};
export default cadenceGapsRoute;
