import { z } from 'zod';
import { saveCustomHolidays } from '../../store/workspace/save-holidays.ts';
import type { RouteModule } from '../app-types.ts';
import { requireRole, requireWrite } from '../auth/guards.ts';
import { holidaysView } from './holidays-list.ts';
import { HolidaySchema, HolidaysResponseSchema } from './settings-schemas.ts';

/**
 * PUT /api/holidays: an admin replaces the custom holiday list (the country calendar is a setting). Derived
 * response times are recomputed in the same transaction.
 */
const holidaysUpdate: RouteModule = (app, { db }) => {
  app.put(
    '/api/holidays',
    {
      schema: {
        tags: ['settings'],
        summary: 'Replace the custom holiday list (admins)',
        body: z.object({ holidays: z.array(HolidaySchema).max(5000) }),
        querystring: z.object({ year: z.coerce.number().int().min(1900).max(2200).optional() }),
        response: { 200: HolidaysResponseSchema },
      },
    },
    async (request) => {
      const viewer = requireWrite(request);
      requireRole(request, 'admin');
      await saveCustomHolidays(db, viewer, request.body.holidays);
      return holidaysView(db, request.query.year);
    },
  );
};
export default holidaysUpdate;
