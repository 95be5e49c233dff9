import { beforeEach, expect, it } from 'vitest';
import { SYSTEM_VIEWER } from '../../src/domain/access/viewer.ts';
import { AppError } from '../../src/errors.ts';
import { parseMappingFile } from '../../src/import/mapping/load-mapping-file.ts';
import { runMetrics } from '../../src/store/queries/metrics/run-metrics.ts';
import { describeStores, truncateAll } from '../support/stores.ts';
import { importText, tableCounts, thrown } from './helpers.ts';

// Issue 18: an activities file may carry the time category, the date a meeting was set and a note (optional
// columns of a mapping); imported rows are marked logged_via = 'import'.

const MAPPING = parseMappingFile(
  JSON.stringify({
    source: 'acme',
    entity: 'activities',
    timeZone: 'UTC',
    fields: {
      externalId: 'id',
      type: 'type',
      occurredAt: 'when',
      owner: 'rep',
      contact: 'contact',
      duration: { column: 'minutes', unit: 'minutes' },
      timeCategory: 'time_category',
      bookedAt: 'booked_at',
      note: 'note',
    },
  }),
  'acme.json',
);

const HEADER = 'id,type,when,rep,contact,minutes,time_category,booked_at,note';
const GOOD = [
  HEADER,
  'm1,meeting,2026-07-10 14:00,Ada Rep,Pat Buyer,30,selling,2026-07-01 09:00,"Demo, went well"',
  // "CRM updates" is our crm_updates (enumerations accept spaces and any case).
  'c1,call,2026-07-11 10:00,Ada Rep,Pat Buyer,5,CRM updates,,',
  'o1,other,2026-07-13 10:00,Ada Rep,,60,admin,,',
  'e1,email,2026-07-14 10:00,Ada Rep,Pat Buyer,,,,',
].join('\n');

describeStores('activities import: time category, booked_at, note', (ctx) => {
  beforeEach(async () => {
    await truncateAll(ctx.db);
    await ctx.db
      .insertInto('users')
      .values({ name: 'Ada Rep', email: 'ada@example.test', role: 'rep' })
      .execute();
    await ctx.db.insertInto('contacts').values({ name: 'Pat Buyer' }).execute();
  });

  const stored = () =>
    ctx.db
      .selectFrom('activities')
      .select(['external_id', 'time_category', 'booked_at', 'note', 'logged_via'])
      .orderBy('occurred_at')
      .execute();

  it('stores the columns, marks the rows as imported, and the metrics read them', async () => {
    const s = await importText(ctx.db, GOOD, { mapping: MAPPING });
    expect(s).toMatchObject({ created: 4, rejected: 0 });
    expect(await stored()).toEqual([
      {
        external_id: 'acme:m1',
        time_category: 'selling',
        booked_at: new Date('2026-07-01T09:00:00Z'),
        note: 'Demo, went well',
        logged_via: 'import',
      },
      {
        external_id: 'acme:c1',
        time_category: 'crm_updates',
        booked_at: null,
        note: null,
        logged_via: 'import',
      },
      { external_id: 'acme:o1', time_category: 'admin', booked_at: null, note: null, logged_via: 'import' },
      { external_id: 'acme:e1', time_category: null, booked_at: null, note: null, logged_via: 'import' },
    ]);
    const [ada] = await runMetrics(ctx.db, SYSTEM_VIEWER, {
      metricIds: ['meetings_booked', 'non_selling_time_share'],
      groupBy: 'rep',
      from: '2026-07-01',
      to: '2026-07-31',
    });
    expect(ada!.values.meetings_booked?.value).toBe(1);
    // The call logged as CRM updates (5) and admin (60) of 95 categorised minutes (the meeting's 30 are selling).
    expect(ada!.values.non_selling_time_share).toEqual({ value: 65 / 95, numerator: 65, denominator: 95 });
    // A re-import that changes a note updates that row only (the staged merge into a non-empty table).
    const again = await importText(ctx.db, GOOD.replace('Demo, went well', 'Demo; next: pricing'), {
      mapping: MAPPING,
    });
    expect(again).toMatchObject({ created: 0, updated: 1, unchanged: 3 });
    expect((await stored())[0]!.note).toBe('Demo; next: pricing');
  });

  it('refuses bad values row by row, naming line and field, and writes nothing', async () => {
    const before = await tableCounts(ctx.db);
    const bad = [
      HEADER,
      'b1,call,2026-07-11 10:00,Ada Rep,Pat Buyer,5,golf,,',
      'b2,call,2026-07-11 11:00,Ada Rep,Pat Buyer,5,selling,2026-07-01 09:00,',
      'b3,meeting,2026-07-11 12:00,Ada Rep,Pat Buyer,30,selling,2026-07-12 09:00,',
      `b4,email,2026-07-11 13:00,Ada Rep,Pat Buyer,,,,${'x'.repeat(2_001)}`,
      'b5,meeting,2026-07-11 14:00,Ada Rep,Pat Buyer,30,selling,not a date,',
      'ok,call,2026-07-11 15:00,Ada Rep,Pat Buyer,5,,,',
    ].join('\n');
    const e = (await thrown(() => importText(ctx.db, bad, { mapping: MAPPING }))) as AppError;
    expect(e).toBeInstanceOf(AppError);
    expect(e.code).toBe('import_rejected');
    expect(e.details.map((d) => [d.line, d.field])).toEqual([
      [2, 'timeCategory'],
      [3, 'bookedAt'],
      [4, 'bookedAt'],
      [5, 'note'],
      [6, 'bookedAt'],
    ]);
    expect(e.details[1]!.reason).toBe('only meetings are booked');
    expect(e.details[2]!.reason).toMatch(/after the meeting's occurredAt/);
    expect(await tableCounts(ctx.db)).toEqual(before);
  });
});
