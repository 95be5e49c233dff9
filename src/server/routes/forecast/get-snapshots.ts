import { z } from 'zod';
import { parsePeriod } from '../../../domain/calendar/period.ts';
import { parseScope } from '../../../domain/forecast/scope.ts';
import { resolveScope } from '../../../store/queries/forecast/resolve-scope.ts';
import { listSnapshots } from '../../../store/queries/forecast/snapshots.ts';
import { getSettings } from '../../../store/tables/settings.ts';
import type { RouteModule } from '../../app-types.ts';
import { ScopeField } from '../../input-schemas.ts';
import { MethodField, PeriodField } from './schemas.ts';

const Query = z.object({ period: PeriodField, scope: ScopeField.default('company') });

const Response = z.object({
  snapshots: z.array(
    z.object({
      id: z.number().int(),
      periodKey: z.string(),
      asOf: z.date(),
      trigger: z.enum(['schedule', 'manual']),
      takenBy: z.number().int().nullable(),
      currency: z.string(),
      values: z.array(
        z.object({
          method: MethodField,
          value: z.number(),
          wonToDate: z.number(),
          low: z.number().nullable(),
          high: z.number().nullable(),
        }),
      ),
    }),
  ),
});

/** GET /api/forecast/snapshots: how the forecast for a period moved, snapshot by snapshot, for one scope. */
const getSnapshots: RouteModule = (app, { db }) => {
  app.get(
    '/api/forecast/snapshots',
    {
      schema: {
        tags: ['forecast'],
        summary: 'Forecast snapshots of a period for a scope, oldest first',
        querystring: Query,
        response: { 200: Response },
      },
    },
    async (request) => {
      const settings = await getSettings(db);
      const period = parsePeriod(request.query.period, settings);
      const scope = parseScope(request.query.scope);
      await resolveScope(db, request.viewer, scope);
      return { snapshots: await listSnapshots(db, period.key, scope) };
    },
  );
};
export default getSnapshots;
