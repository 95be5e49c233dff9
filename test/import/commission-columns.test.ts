import { beforeEach, expect, it } from 'vitest';
import { AppError } from '../../src/errors.ts';
import { describeStores, truncateAll } from '../support/stores.ts';
import { importText, tableCounts, thrown } from './helpers.ts';

// Product and invoice paid date (issue 17: SPIFs per product, plans that credit when paid) through the built-in
// mappings, under the headers CRMs and billing exports use.
const HUBSPOT_HEADER =
  '"Record ID","Deal Name","Deal Stage","Close Date","Create Date","Amount","Deal owner","Product","Invoice paid date"';
const HUBSPOT = [
  HUBSPOT_HEADER,
  '"1","Acme","Closed Won","2026-11-03 10:00","2026-10-01 09:00","12000","Alice Moreno","Platform","2026-11-20"',
  '"2","Globex","Closed Won","2026-11-04 10:00","2026-10-02 09:00","5000","Alice Moreno","Add-on",""',
  '"3","Initech","Contract Sent","2026-12-04 10:00","2026-10-02 09:00","700","Alice Moreno","",""',
].join('\n');

describeStores('import: product and invoice paid date', (ctx) => {
  beforeEach(async () => {
    await truncateAll(ctx.db);
  });

  const deals = () =>
    ctx.db
      .selectFrom('opportunities')
      .select(['external_id', 'product', 'paid_on'])
      .orderBy('external_id')
      .execute();

  it('reads HubSpot "Product" and "Invoice paid date"; empty cells are null', async () => {
    const s = await importText(ctx.db, HUBSPOT, { createMissing: true });
    expect(s).toMatchObject({ created: 3, rejected: 0 });
    expect(await deals()).toEqual([
      { external_id: 'hubspot:1', product: 'Platform', paid_on: '2026-11-20' },
      { external_id: 'hubspot:2', product: 'Add-on', paid_on: null },
      { external_id: 'hubspot:3', product: null, paid_on: null },
    ]);
  });

  it('keeps paid dates and products when a later export lacks those columns, and updates them when present', async () => {
    await importText(ctx.db, HUBSPOT, { createMissing: true });
    const plain = [
      '"Record ID","Deal Name","Deal Stage","Close Date","Create Date","Amount","Deal owner"',
      '"1","Acme","Closed Won","2026-11-03 10:00","2026-10-01 09:00","12500","Alice Moreno"',
    ].join('\n');
    const s = await importText(ctx.db, plain);
    expect(s).toMatchObject({ updated: 1 });
    expect((await deals())[0]).toEqual({
      external_id: 'hubspot:1',
      product: 'Platform',
      paid_on: '2026-11-20',
    });
    const paidNow = [
      '"Record ID","Deal Name","Deal Stage","Close Date","Create Date","Amount","Deal owner","Invoice Paid Date"',
      '"2","Globex","Closed Won","2026-11-04 10:00","2026-10-02 09:00","5000","Alice Moreno","2026-12-01"',
    ].join('\n');
    await importText(ctx.db, paidNow);
    expect((await deals())[1]).toEqual({
      external_id: 'hubspot:2',
      product: 'Add-on',
      paid_on: '2026-12-01',
    });
  });

  it('reads Salesforce M/D/YYYY paid dates and Pipedrive "Deal - Product name"', async () => {
    const sf = [
      '"Opportunity ID","Opportunity Owner","Opportunity Name","Stage","Amount","Close Date","Created Date","Product","Invoice Paid Date"',
      '"006A","Alice Moreno","Acme","Closed Won","100","11/3/2026","10/1/2026","Platform","12/5/2026"',
    ].join('\r\n');
    await importText(ctx.db, sf, { createMissing: true });
    const pd = [
      'Deal - ID,Deal - Title,Deal - Owner,Deal - Value,Deal - Stage,Deal - Status,Deal - Deal created,Deal - Deal closed on,Deal - Product name',
      '7,Hooli,Alice Moreno,300,Negotiations Started,Won,2026-10-01 09:00:00,2026-11-02 10:00:00,Support',
    ].join('\n');
    await importText(ctx.db, pd, { createMissing: true });
    expect(await deals()).toEqual([
      { external_id: 'pipedrive:7', product: 'Support', paid_on: null },
      { external_id: 'salesforce:006A', product: 'Platform', paid_on: '2026-12-05' },
    ]);
  });

  it('rejects the file naming line and field for a bad or impossible paid date and an overlong product; nothing written', async () => {
    await importText(ctx.db, HUBSPOT, { createMissing: true });
    const before = await tableCounts(ctx.db);
    const stored = await deals();
    const bad = [
      HUBSPOT_HEADER,
      '"1","Acme","Closed Won","2026-11-03 10:00","2026-10-01 09:00","99","Alice Moreno","Platform","2026-11-31"',
      '"4","Umbrella","Closed Won","2026-11-03 10:00","2026-10-01 09:00","10","Alice Moreno","Platform","2026-09-30"',
      `"5","Hooli","Closed Won","2026-11-03 10:00","2026-10-01 09:00","10","Alice Moreno","${'x'.repeat(201)}",""`,
      '"6","Fine","Closed Won","2026-11-03 10:00","2026-10-01 09:00","10","Alice Moreno","Platform","2026-11-10"',
    ].join('\n');
    const e = (await thrown(() => importText(ctx.db, bad, { fileName: 'paid.csv' }))) as AppError;
    expect(e).toBeInstanceOf(AppError);
    expect(e.code).toBe('import_rejected');
    expect(e.details.map((d) => [d.file, d.line, d.field])).toEqual([
      ['paid.csv', 2, 'paidOn'],
      ['paid.csv', 3, 'paidOn'],
      ['paid.csv', 4, 'product'],
    ]);
    expect(e.details[0]!.reason).toMatch(/day 31 does not exist in 2026-11/);
    expect(e.details[1]!.reason).toMatch(/before the created date 2026-10-01/);
    expect(e.details[2]!.reason).toMatch(/longer than 200 characters/);
    expect(await tableCounts(ctx.db)).toEqual(before);
    expect(await deals()).toEqual(stored);
  });
});
