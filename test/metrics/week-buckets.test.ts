import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { addDays } from '../../src/domain/calendar/local-date.ts';
import { periodContaining } from '../../src/domain/calendar/period.ts';
import { instantToLocal } from '../../src/domain/calendar/zoned.ts';
import { bucketStart } from '../../src/store/queries/metrics/bucket-sql.ts';
import { describeStores } from '../support/stores.ts';

// The SQL week bucket of the metrics engine must be the domain's week (periodContaining) for every start day:
// an event is counted in the bucket whose key the domain gives it. Instants every 7 hours from mid-December
// 2026 to mid-January 2027 (the new year, ISO 2026-W53) and around the end of daylight saving time in New York
// (Sunday 2026-11-01, when local midnight and the UTC date differ by 4 or 5 hours).
const ZONE = 'America/New_York';
const instants: string[] = [];
for (const [from, days] of [
  ['2026-12-15', 35],
  ['2026-10-25', 14],
] as const) {
  const start = Date.parse(`${from}T00:00:00Z`);
  for (let h = 0; h < days * 24; h += 7) instants.push(new Date(start + h * 3_600_000).toISOString());
}
const dates = Array.from({ length: 40 }, (_, i) => addDays('2026-12-10', i));

describeStores('week buckets in SQL match the calendar', (ctx) => {
  for (const weekStartDay of [1, 7, 6]) {
    const cal = { fiscalYearStartMonth: 1, weekStartDay };

    it(`timestamps in New York, weeks starting on ISO day ${weekStartDay}`, async () => {
      const col = { expr: sql`t.at`, type: 'timestamptz' as const };
      const rows = await sql<{ at: string; bucket: string }>`
        select to_char(t.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as at,
          to_char(${bucketStart(col, ZONE, 'week', cal)}, 'YYYY-MM-DD') as bucket
        from unnest(${instants}::timestamptz[]) as t(at)`.execute(ctx.db);
      expect(rows.rows).toHaveLength(instants.length);
      const expected = instants.map((at) => ({
        at: at.replace('.000Z', 'Z'),
        bucket: periodContaining(instantToLocal(new Date(at), ZONE).date, 'week', cal).start,
      }));
      expect(rows.rows).toEqual(expected);
    });

    it(`local dates (the rollups' days), weeks starting on ISO day ${weekStartDay}`, async () => {
      const col = { expr: sql`t.d`, type: 'date' as const };
      const rows = await sql<{ d: string; bucket: string }>`
        select to_char(t.d, 'YYYY-MM-DD') as d, to_char(${bucketStart(col, ZONE, 'week', cal)}, 'YYYY-MM-DD') as bucket
        from unnest(${dates}::date[]) as t(d)`.execute(ctx.db);
      expect(rows.rows).toEqual(dates.map((d) => ({ d, bucket: periodContaining(d, 'week', cal).start })));
    });
  }
});
