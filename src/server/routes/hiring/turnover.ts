import { addDays, fromDayNumber } from '../../../domain/calendar/local-date.ts';
import { localDayNumber } from '../../../domain/calendar/zoned.ts';
import { AppError } from '../../../errors.ts';
import { turnoverReport } from '../../../store/queries/hiring/turnover.ts';
import { getSettings } from '../../../store/tables/settings.ts';
import type { RouteModule } from '../../app-types.ts';
import { requireRole } from '../../auth/guards.ts';
import { TurnoverQuery, TurnoverSchema } from './schemas.ts';

/**
 * GET /api/hiring/turnover?from&to: rep turnover and median tenure at leaving by team and by hiring score band;
 * without dates, the 365 days up to today (an annual rate).
 */
const turnoverRoute: RouteModule = (app, { db, reportDb }) => {
  app.get(
    '/api/hiring/turnover',
    {
      schema: {
        tags: ['hiring'],
        summary: 'Rep turnover and tenure by team and hiring score band (managers, admins)',
        querystring: TurnoverQuery,
        response: { 200: TurnoverSchema },
      },
    },
    async (request) => {
      const viewer = requireRole(request, 'manager');
      const store = reportDb ?? db;
      const today = fromDayNumber(localDayNumber(Date.now(), (await getSettings(store)).timeZone));
      const to = request.query.to ?? today;
      const from = request.query.from ?? addDays(to, -364);
      if (from > to)
        throw new AppError('validation', 'from must not be after to', [
          { field: 'from', value: from, reason: 'after to' },
        ]);
      return turnoverReport(store, viewer, { from, to });
    },
  );
};
export default turnoverRoute;
