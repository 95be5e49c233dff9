import { SYSTEM_VIEWER } from '../../domain/access/viewer.ts';
import { periodContaining } from '../../domain/calendar/period.ts';
import { instantToLocal } from '../../domain/calendar/zoned.ts';
import { forecastRequestOf, managerHomeForecastQuery } from '../../server/routes/forecast/forecast-query.ts';
import { refreshStoredForecast } from '../../store/queries/forecast/forecast-report.ts';
import { getSettings } from '../../store/tables/settings.ts';
import type { Job } from '../job.ts';

/**
 * Keeps the manager home's forecast stored (stored-live-results.ts) so the first page after a data change, or of a
 * new day, is served it instead of computing it for 2-3 s at 200 reps: every 15 s, the panel's request (the
 * company, the current calendar quarter) is made as the page makes it, which reads the stored answer when the data version
 * and the day are unchanged (one small read) and otherwise computes and stores it, with the track record's
 * checkpoints. The runner's advisory lock lets one process at a time do it; nothing is kept in a process. It claims
 * the computation (refreshStoredForecast) and skips it while the page's own background computation (after a
 * stale answer, GET /api/forecast?stale=allow) holds the claim; a page that asks with the default (current)
 * request while the job computes computes the same answer itself (the first one stored wins).
 */
export const forecastRefreshJob: Job = {
  name: 'forecast-refresh',
  everyMs: 15_000,
  run: async (db, now) => {
    const settings = await getSettings(db);
    const today = instantToLocal(now, settings.timeZone).date;
    // The page asks for the calendar quarter of the workspace's today (web/src/period/ranges.ts, periodKeyFor), a
    // fiscal year or not: fiscal start month 1 gives that key.
    const period = periodContaining(today, 'quarter', {
      fiscalYearStartMonth: 1,
      weekStartDay: settings.weekStartDay,
    }).key;
    const done = await refreshStoredForecast(
      db,
      SYSTEM_VIEWER,
      forecastRequestOf(managerHomeForecastQuery(period), now, db),
    );
    // Quiet when nothing changed.
    if (done === 'computed') return `manager home forecast ${period} computed and stored`;
    if (done === 'busy') return `manager home forecast ${period} left to the request computing it`;
    return '';
  },
};
