import { z } from 'zod';
import { currentPeriod } from '../../../domain/calendar/current-period.ts';
import { takeSnapshot } from '../../../store/queries/forecast/snapshots.ts';
import { recordAudit } from '../../../store/tables/audit-log.ts';
import { getSettings } from '../../../store/tables/settings.ts';
import type { RouteModule } from '../../app-types.ts';
import { requireRole, requireWrite } from '../../auth/guards.ts';
import { PeriodField } from './schemas.ts';

const Body = z.object({
  period: PeriodField.optional().describe('default: the current quarter'),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1)
    .optional()
    .describe(
      'Monte Carlo seed for every scope (default: each scope its own seed from scope, period and today)',
    ),
});

const Response = z.object({
  id: z.number().int(),
  periodKey: z.string(),
  asOf: z.date(),
  trigger: z.enum(['schedule', 'manual']),
  scopes: z.number().int(),
  lines: z.number().int(),
});

/** POST /api/forecast/snapshots: snapshot every method for every scope now (managers and admins). */
const postSnapshot: RouteModule = (app, { db }) => {
  app.post(
    '/api/forecast/snapshots',
    {
      schema: {
        tags: ['forecast'],
        summary: 'Take a forecast snapshot now (every method, every scope, with the pipeline lines)',
        body: Body,
        response: { 201: Response },
      },
    },
    async (request, reply) => {
      const viewer = requireWrite(request);
      requireRole(request, 'manager');
      const settings = await getSettings(db);
      const now = new Date();
      const periodKey = request.body.period ?? currentPeriod(now, 'quarter', settings).key;
      const snap = await takeSnapshot(db, {
        periodKey,
        asOf: now,
        now,
        trigger: 'manual',
        takenBy: viewer.userId,
        seed: request.body.seed,
        iterations: 2_000,
      });
      if (!snap) throw new Error('manual snapshot was not inserted');
      await recordAudit(db, viewer, {
        action: 'create',
        entity: 'forecast_snapshot',
        entityId: snap.id,
        after: snap,
      });
      reply.status(201);
      return snap;
    },
  );
};
export default postSnapshot;
