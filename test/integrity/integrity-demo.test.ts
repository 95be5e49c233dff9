import { beforeAll, describe, expect, it } from 'vitest';
import type { BusinessCalendar } from '../../src/domain/calendar/business-time.ts';
import { SYSTEM_VIEWER } from '../../src/domain/access/viewer.ts';
import { generateDemo, type GenerateInput } from '../../src/demo/generate.ts';
import { loadDemo, type DemoLoadResult } from '../../src/demo/load.ts';
import type { DemoOptions } from '../../src/demo/options.ts';
import { padderRep } from '../../src/demo/padder.ts';
import { integrityReport } from '../../src/store/queries/integrity/integrity-report.ts';
import { describeStores } from '../support/stores.ts';

const OPTIONS: DemoOptions = { seed: 7, until: '2026-11-20', reps: 4, months: 6 };

describe('the demo padder (src/demo/padder.ts)', () => {
  const cal: BusinessCalendar = {
    timeZone: 'America/New_York',
    workingDays: [1, 2, 3, 4, 5],
    workStartMinute: 540,
    workEndMinute: 1080,
    holidays: new Set(),
  };
  const input = (pad: boolean): GenerateInput => ({
    options: OPTIONS,
    cal,
    stages: { pipelineId: 1, open: [1, 2, 3, 4, 5], won: 6, lost: 7 },
    currency: 'USD',
    fiscalYearStartMonth: 2,
    leadSla: { minutes: 60, sameBusinessDay: true },
    passwordHash: 'unused',
    pad,
  });

  it("adds only the padder's quick-logged rows: every other row, new-prospect flag included, is unchanged", () => {
    const padded = generateDemo(input(true));
    const plain = generateDemo(input(false));
    const padder = padderRep(padded.reps)!.userId;
    const rows = (g: typeof padded) => [...g.dataset.activities.rows()];
    const a = rows(padded);
    const b = rows(plain);
    const extra = a.filter((r) => r[12] === 'quick_log');
    expect(extra.length).toBeGreaterThan(500);
    expect(a.length - b.length).toBe(extra.length);
    expect(
      extra.every((r) => r[4] === padder && r[0] === 'call' && (r[3] as number) < 5 && r[5] === null),
    ).toBe(true);
    const serial = (r: unknown[]) => JSON.stringify(r);
    expect(a.filter((r) => r[12] !== 'quick_log').map(serial)).toEqual(b.map(serial));
    // Written after the working day ends (18:00 New York = 22:00 or 23:00 UTC).
    expect(extra.every((r) => (r[13] as Date).getUTCHours() >= 22)).toBe(true);
    expect(padded.dataset.users.map((u) => u.email)).toEqual(plain.dataset.users.map((u) => u.email));
  });
});

describeStores('integrity view on the demo', (ctx) => {
  let loaded: DemoLoadResult;
  beforeAll(async () => {
    loaded = await loadDemo(ctx.db, OPTIONS, { reset: true });
  }, 180_000);

  it('flags the padding rep, and only that rep, over the last quarter', async () => {
    const padder = await ctx.db
      .selectFrom('activities')
      .select('user_id')
      .where('logged_via', '=', 'quick_log')
      .groupBy('user_id')
      .execute();
    expect(padder).toHaveLength(1);
    const r = await integrityReport(ctx.db, SYSTEM_VIEWER, { from: '2026-08-01', to: '2026-10-31' });
    const flagged = r.reps.filter((p) => p.flagged);
    expect(flagged.map((p) => p.userId)).toEqual([padder[0]!.user_id]);
    const p = flagged[0]!;
    expect(p.signals.zero_length_call_share.flagged).toBe(true);
    expect(p.signals.repeat_touch_share.flagged).toBe(true);
    expect(p.signals.bulk_logged_share).toMatchObject({ value: 1, flagged: true });
    expect(p.worstDays).toHaveLength(3);
    for (const other of r.reps.filter((x) => !x.flagged)) {
      expect(other.signals.zero_length_call_share.numerator, other.name).toBe(0);
      expect(other.signals.bulk_logged_share.denominator, other.name).toBe(0);
    }
    // Hand-checked on this demo (seed 7): the padder's shares are about 43%, 18% and 100%; every other rep's 0%.
    expect(p.signals.zero_length_call_share.value).toBeGreaterThan(0.4);
    expect(p.signals.repeat_touch_share.value).toBeGreaterThan(0.15);
    expect(loaded.start < '2026-08-01').toBe(true);
  });
});
