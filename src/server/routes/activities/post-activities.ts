import { z } from 'zod';
import { MAX_CAPTURED_PER_REQUEST } from '../../../domain/capture/captured-activity.ts';
import { logActivities } from '../../../store/queries/capture/log-activities.ts';
import type { RouteModule } from '../../app-types.ts';
import { requireWrite } from '../../auth/guards.ts';
import { apiExternalId, CaptureItem, CaptureResultSchema, fromCaptureItem } from './capture-schemas.ts';

/**
 * One shape for both forms: a single item is read as a batch of one, so every error names its row the same way
 * (`activities.0.type`, `activities[0].userId`); a union would answer a bad row with a bare "Invalid input".
 */
const Body = z.preprocess(
  (b) =>
    b !== null && typeof b === 'object' && !Array.isArray(b) && !('activities' in b)
      ? { activities: [b] }
      : b,
  z.object({ activities: z.array(CaptureItem).min(1).max(MAX_CAPTURED_PER_REQUEST) }).strict(),
);

/**
 * POST /api/activities: log one activity (`{ type, occurredAt, ... }`) or a batch (`{ activities: [...] }`, at
 * most 1,000), all-or-nothing and idempotent by externalId (docs/capture.md). Reps log their own activities,
 * managers those of the people below them, admins anyone's; API tokens need write scope.
 */
const postActivities: RouteModule = (app, { db }) => {
  app.post(
    '/api/activities',
    {
      schema: {
        tags: ['records'],
        summary: 'Log activities (single or batch, idempotent by externalId)',
        body: Body,
        response: { 200: CaptureResultSchema },
      },
      bodyLimit: 4 * 1024 * 1024,
    },
    async (request) => {
      const viewer = requireWrite(request);
      const items = request.body.activities;
      const result = await logActivities(
        db,
        viewer,
        items.map((a) => fromCaptureItem(a, apiExternalId)),
        (i) => `activities[${i}].`,
        { createContacts: true, channel: 'api', loggedVia: 'api' },
      );
      return {
        ...result,
        activities: result.activities.map((r) => ({ ...r, externalId: items[r.index]?.externalId ?? null })),
      };
    },
  );
};
export default postActivities;
