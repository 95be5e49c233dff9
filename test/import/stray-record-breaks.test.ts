import { beforeEach, expect, it } from 'vitest';
import { AppError } from '../../src/errors.ts';
import { describeStores, truncateAll } from '../support/stores.ts';
import { importFixture, importText, tableCounts, thrown } from './helpers.ts';

/*
 * Regression (probe, session 11): two kinds of broken file read as csv-parse reads them and were imported without a
 * word. A lone CR in a LF file is data (csv-parse's rule), so the row after it became extra cells of the row before
 * and was dropped silently; a byte-order mark in the middle of a file (two exports joined) left the next row's
 * first cell unquoted, and its external id was stored with its quotes (`hubspot:"900"`), a duplicate of the deal
 * on the next import.
 */

const HEADER =
  '"Record ID","Deal Name","Deal Stage","Close Date","Create Date","Amount","Deal owner","Associated Company"';
const row = (id: string) =>
  `"${id}","Deal ${id}","Contract Sent","2024-02-29 00:00","2024-02-01 10:00","100","Alice Moreno","Acme Corp"`;

describeStores('rows merged or corrupted by stray record breaks', (ctx) => {
  beforeEach(async () => {
    await truncateAll(ctx.db);
    await importFixture(ctx.db, 'hubspot-deals.csv');
  });

  it('refuses a row holding more cells than the header (a lone CR joined two rows), naming its line', async () => {
    const before = await tableCounts(ctx.db);
    const text = `${HEADER}\n${row('900')}\n${row('901')}\r${row('902')}\n${row('903')}\n`;
    const err = await thrown(() => importText(ctx.db, text, { fileName: 'cr.csv' }));
    expect(err).toBeInstanceOf(AppError);
    const e = err as AppError;
    expect(e.code).toBe('import_rejected');
    expect(e.details.map((d) => [d.line, d.field])).toEqual([[3, 'column 9']]);
    expect(e.details[0]!.reason).toMatch(/15 cells.*header has 8/);
    expect(await tableCounts(ctx.db)).toEqual(before);
  });

  it('refuses a row holding a byte-order mark (two files joined), naming its line and column', async () => {
    const before = await tableCounts(ctx.db);
    const text = `${HEADER}\r\n${row('900')}\r\n\ufeff${row('901')}\r\n${row('902')}\r\n`;
    const err = await thrown(() => importText(ctx.db, text, { fileName: 'joined.csv' }));
    expect(err).toBeInstanceOf(AppError);
    const e = err as AppError;
    expect(e.code).toBe('import_rejected');
    expect(e.details.map((d) => [d.line, d.field])).toEqual([[3, 'Record ID']]);
    expect(e.details[0]!.reason).toMatch(/byte-order mark/);
    expect(await tableCounts(ctx.db)).toEqual(before);
  });

  it('still reads empty cells beyond the header (a trailing delimiter) as nothing', async () => {
    const text = `${HEADER}\n${row('904')},,\n`;
    await importText(ctx.db, text, { fileName: 'trailing.csv' });
    const deal = await ctx.db
      .selectFrom('opportunities')
      .select(['external_id', 'name'])
      .where('name', '=', 'Deal 904')
      .executeTakeFirstOrThrow();
    expect(deal.external_id).toBe('hubspot:904');
  });
});
