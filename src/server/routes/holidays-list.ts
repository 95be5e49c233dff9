import { z } from 'zod';
import { instantToLocal } from '../../domain/calendar/zoned.ts';
import type { Db } from '../../store/db.ts';
import { listCustomHolidays, resolveHolidays } from '../../store/tables/calendar.ts';
import { getSettings } from '../../store/tables/settings.ts';
import type { RouteModule } from '../app-types.ts';
import { HolidaysResponseSchema } from './settings-schemas.ts';

/** The holidays body shared by GET and PUT: custom list plus the resolved days off of `year` (default: this year). */
export async function holidaysView(db: Db, year?: number) {
  const settings = await getSettings(db);
  const y = year ?? Number(instantToLocal(new Date(), settings.timeZone).date.slice(0, 4));
  return {
    year: y,
    country: settings.holidayCountry,
    region: settings.holidayRegion,
    custom: await listCustomHolidays(db),
    resolved: await resolveHolidays(db, y, y),
  };
}

/** GET /api/holidays?year=2026: the custom holiday list and every day off of the year. */
const holidaysList: RouteModule = (app, { db }) => {
  app.get(
    '/api/holidays',
    {
      schema: {
        tags: ['settings'],
        summary: 'Holidays: custom list and resolved days off for a year',
        querystring: z.object({ year: z.coerce.number().int().min(1900).max(2200).optional() }),
        response: { 200: HolidaysResponseSchema },
      },
    },
    async (request) => holidaysView(db, request.query.year),
  );
};
export default holidaysList;
