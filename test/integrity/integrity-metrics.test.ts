import { beforeAll, expect, it } from 'vitest';
import { SYSTEM_VIEWER } from '../../src/domain/access/viewer.ts';
import { rebuildActivityRollups } from '../../src/store/aggregates/rebuild-activity-rollups.ts';
import { getRollupTimeZone } from '../../src/store/aggregates/rollup-zone.ts';
import { runMetrics } from '../../src/store/queries/metrics/run-metrics.ts';
import { updateSettings } from '../../src/store/tables/settings.ts';
import { describeStores } from '../support/stores.ts';
import { loadIntegrityFixture, type IntegrityFixture } from './fixture.ts';

const IDS = ['zero_length_call_share', 'repeat_touch_share', 'bulk_logged_share'];
const JULY = { from: '2026-07-01', to: '2026-07-31' };

describeStores('integrity metrics (hand-computed, fixture.ts)', (ctx) => {
  let f: IntegrityFixture;
  beforeAll(async () => {
    f = await loadIntegrityFixture(ctx.db);
  });

  const byRep = async (strategy: 'raw' | 'auto') => {
    const rows = await runMetrics(
      ctx.db,
      SYSTEM_VIEWER,
      { metricIds: IDS, groupBy: 'rep', ...JULY },
      { strategy, now: new Date('2026-08-01T00:00:00Z') },
    );
    return new Map(rows.map((r) => [r.groupId, r.values]));
  };

  it('counts zero-length calls (< 10 s; 10 s is not), repeat touches (3rd+ of a local day) and after-hours bursts', async () => {
    const v = await byRep('raw');
    const ann = v.get(f.ann)!;
    expect(ann.zero_length_call_share).toEqual({ value: 0.5, numerator: 2, denominator: 4 });
    expect(ann.repeat_touch_share).toEqual({ value: 4 / 11, numerator: 4, denominator: 11 });
    expect(ann.bulk_logged_share).toEqual({ value: 19 / 49, numerator: 19, denominator: 49 });
    const bob = v.get(f.bob)!;
    expect(bob.repeat_touch_share).toEqual({ value: 0, numerator: 0, denominator: 2 });
    expect(bob.bulk_logged_share).toEqual({ value: 0, numerator: 0, denominator: 1 });
    expect(bob.zero_length_call_share?.value).toBeNull();
  });

  it('gives the same numbers on the rollup path, whose UTC rollups the workspace zone does not read', async () => {
    expect(await byRep('auto')).toEqual(await byRep('raw'));
  });

  it('counts repeat touches, zero-length calls and typed-in rows from the rollups once they are in the workspace zone', async () => {
    // The fixture's rows were written without a refresh and its rollups are in UTC: the rebuild job's work
    // re-flags every activity in New York's days (migration 0041) and refiles the rollups.
    await ctx.db.transaction().execute((tx) => rebuildActivityRollups(tx));
    expect(await getRollupTimeZone(ctx.db)).toBe('America/New_York');
    const auto = await byRep('auto');
    expect(auto.get(f.ann)!.repeat_touch_share).toEqual({ value: 4 / 11, numerator: 4, denominator: 11 });
    // The zero-length and typed-in keys of the count tables (0042): the same hand-computed counts.
    expect(auto.get(f.ann)!.zero_length_call_share).toEqual({ value: 0.5, numerator: 2, denominator: 4 });
    expect(auto.get(f.ann)!.bulk_logged_share).toEqual({ value: 19 / 49, numerator: 19, denominator: 49 });
    expect(auto.get(f.bob)!.bulk_logged_share).toEqual({ value: 0, numerator: 0, denominator: 1 });
    expect(auto).toEqual(await byRep('raw'));
  });

  it('reads local days and working hours in the workspace zone (UTC moves the 23:30 touch and burst 5)', async () => {
    await updateSettings(ctx.db, { timeZone: 'UTC' });
    try {
      const ann = (await byRep('raw')).get(f.ann)!;
      expect(ann.repeat_touch_share).toEqual({ value: 3 / 11, numerator: 3, denominator: 11 });
      expect(ann.bulk_logged_share).toEqual({ value: 30 / 49, numerator: 30, denominator: 49 });
      expect(ann.zero_length_call_share?.numerator).toBe(2);
    } finally {
      await updateSettings(ctx.db, { timeZone: 'America/New_York' });
    }
  });

  it('buckets by the local day the activity occurred (the worst days of the view)', async () => {
    const rows = await runMetrics(
      ctx.db,
      SYSTEM_VIEWER,
      { metricIds: IDS, groupBy: 'rep', ...JULY, grain: 'day', filters: { userIds: [f.ann] } },
      { strategy: 'raw' },
    );
    const day = (d: string) => rows.find((r) => r.period === d)!.values;
    // Burst 1's rows occurred an hour before they were written: 16:59:30-17:04 local on 9 July.
    expect(day('2026-07-09').bulk_logged_share).toEqual({ value: 0.9, numerator: 9, denominator: 10 });
    // Burst 4's rows occurred 22:57:30-23:02 local on 14 July: all on the 14th.
    expect(day('2026-07-14').bulk_logged_share).toEqual({ value: 1, numerator: 10, denominator: 10 });
    expect(day('2026-07-02').repeat_touch_share).toEqual({ value: 0.5, numerator: 2, denominator: 4 });
  });
});
