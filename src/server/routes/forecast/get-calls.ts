import { z } from 'zod';
import { parsePeriod } from '../../../domain/calendar/period.ts';
import { parseScope } from '../../../domain/forecast/scope.ts';
import { callHistory } from '../../../store/queries/forecast/forecast-calls.ts';
import { resolveScope } from '../../../store/queries/forecast/resolve-scope.ts';
import { getSettings } from '../../../store/tables/settings.ts';
import type { RouteModule } from '../../app-types.ts';
import { ScopeField } from '../../input-schemas.ts';
import { CallSchema, PeriodField } from './schemas.ts';

const Query = z.object({ period: PeriodField, scope: ScopeField.default('company') });

/** GET /api/forecast/calls: every call and override made for a scope and period, newest first. */
const getCalls: RouteModule = (app, { db }) => {
  app.get(
    '/api/forecast/calls',
    {
      schema: {
        tags: ['forecast'],
        summary: 'History of forecast calls and overrides for a scope and period',
        querystring: Query,
        response: { 200: z.object({ calls: z.array(CallSchema) }) },
      },
    },
    async (request) => {
      const settings = await getSettings(db);
      const period = parsePeriod(request.query.period, settings);
      const scope = parseScope(request.query.scope);
      await resolveScope(db, request.viewer, scope);
      return { calls: await callHistory(db, period.key, scope) };
    },
  );
};
export default getCalls;
