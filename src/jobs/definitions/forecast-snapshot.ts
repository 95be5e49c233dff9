import { periodContaining } from '../../domain/calendar/period.ts';
import { instantToLocal, localDateToInstant } from '../../domain/calendar/zoned.ts';
import { latestSlotDate, SNAPSHOT_MINUTE } from '../../domain/forecast/schedule.ts';
import { takeSnapshot } from '../../store/queries/forecast/snapshots.ts';
import { getSettings } from '../../store/tables/settings.ts';
import type { Job } from '../job.ts';

const HOUR_MS = 3_600_000;

/**
 * Weekly forecast snapshot (Monday 06:00 workspace time) of the current month and quarter. Checked every 15
 * minutes; a slot already taken is skipped (unique per period and slot), so several processes and restarts take it
 * once. A slot found more than an hour late is rebuilt from stage history as of the slot instant.
 */
export const forecastSnapshotJob: Job = {
  name: 'forecast-snapshot',
  everyMs: 15 * 60_000,
  run: async (db, now) => {
    const settings = await getSettings(db);
    const local = instantToLocal(now, settings.timeZone);
    const slotDate = latestSlotDate(local.date, local.minuteOfDay);
    const slot = localDateToInstant(slotDate, settings.timeZone, SNAPSHOT_MINUTE);
    const periods = (['month', 'quarter'] as const).map((g) => periodContaining(slotDate, g, settings).key);
    const taken: string[] = [];
    for (const periodKey of periods) {
      const exists = await db
        .selectFrom('forecast_snapshots')
        .select('id')
        .where('period_key', '=', periodKey)
        .where('as_of', '=', slot)
        .where('trigger', '=', 'schedule')
        .executeTakeFirst();
      if (exists) continue;
      const snap = await takeSnapshot(db, {
        periodKey,
        asOf: slot,
        now: now.getTime() - slot.getTime() < HOUR_MS ? slot : now,
        trigger: 'schedule',
        takenBy: null,
        iterations: 2_000,
      });
      if (snap) taken.push(`${periodKey} (${snap.scopes} scopes, ${snap.lines} deals)`);
    }
    return taken.length > 0 ? `snapshots taken: ${taken.join(', ')}` : 'no snapshot due';
  },
};
