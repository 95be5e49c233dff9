import { parse } from 'csv-parse/sync';
import { beforeEach, expect, it } from 'vitest';
import { AppError } from '../../src/errors.ts';
import { rejectsCsv, toStoredReject } from '../../src/import/csv/rejects-csv.ts';
import { describeStores, truncateAll } from '../support/stores.ts';
import { importFixture, importText, tableCounts, thrown } from './helpers.ts';

const HEADER =
  '"Record ID","Deal Name","Deal Stage","Close Date","Create Date","Amount","Deal owner","Associated Company"';
// Line 2 is a valid change to an existing deal and line 8 a valid new deal: both must be rolled back with the rest.
const BAD = [
  HEADER,
  '"18000000000","Acme Corp - New Business","Closed Won","2024-02-14 10:00","2024-01-03 09:00","99999","Alice Moreno","Acme Corp"',
  '"900","Bad date","Closed Won","2024-02-14 10:00","2024-13-45 10:00","100","Alice Moreno","Acme Corp"',
  '"901","Negative","Contract Sent","2024-02-29 00:00","2024-02-01 10:00","-500","Alice Moreno","Acme Corp"',
  '"902","Not a number","Contract Sent","2024-02-29 00:00","2024-02-01 10:00","12k","Alice Moreno","Acme Corp"',
  '"903","Odd stage","Negotiating","2024-02-29 00:00","2024-02-01 10:00","100","Alice Moreno","Acme Corp"',
  '"904","Stranger","Contract Sent","2024-02-29 00:00","2024-02-01 10:00","100","Zed Unknown","Acme Corp"',
  '"905","Fine","Contract Sent","2024-02-29 00:00","2024-02-01 10:00","100","Alice Moreno","Acme Corp"',
].join('\r\n');

describeStores('malformed imports', (ctx) => {
  beforeEach(async () => {
    await truncateAll(ctx.db);
    await importFixture(ctx.db, 'hubspot-deals.csv');
  });

  it('rejects the whole file with every row error (line, field, reason) and leaves every table unchanged', async () => {
    const before = await tableCounts(ctx.db);
    const deals = await ctx.db.selectFrom('opportunities').selectAll().orderBy('id').execute();
    const err = await thrown(() => importText(ctx.db, BAD, { fileName: 'bad.csv' }));
    expect(err).toBeInstanceOf(AppError);
    const e = err as AppError;
    expect(e.code).toBe('import_rejected');
    expect(e.details.map((d) => [d.file, d.line, d.field])).toEqual([
      ['bad.csv', 3, 'createdAt'],
      ['bad.csv', 4, 'amount'],
      ['bad.csv', 5, 'amount'],
      ['bad.csv', 6, 'stage'],
      ['bad.csv', 7, 'owner'],
    ]);
    expect(e.details[1]!.reason).toMatch(/negative/);
    expect(e.details[2]!.reason).toMatch(/not a number/);
    expect(e.details[3]!.reason).toMatch(/unknown stage 'Negotiating'/);
    expect(e.details[4]!.reason).toMatch(/unknown rep 'Zed Unknown'.*--create-missing/);
    expect(await tableCounts(ctx.db)).toEqual(before);
    expect(await ctx.db.selectFrom('opportunities').selectAll().orderBy('id').execute()).toEqual(deals);
    const run = await ctx.db
      .selectFrom('imports')
      .selectAll()
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(run).toMatchObject({
      status: 'rejected',
      rows_total: 7,
      rows_rejected: 5,
      rows_imported: 0,
      source: 'hubspot',
    });
    expect((run.rejects as Array<{ line: number }>).map((r) => r.line)).toEqual([3, 4, 5, 6, 7]);
  });

  it('reports a missing required column against the header line before reading rows', async () => {
    const before = await tableCounts(ctx.db);
    const noCreated = '"Record ID","Deal Name","Deal Stage","Amount"\n"1","A","Closed Won","10"\n';
    const e = (await thrown(() =>
      importText(ctx.db, noCreated, { source: 'hubspot', entity: 'opportunities' }),
    )) as AppError;
    expect(e.code).toBe('import_rejected');
    expect(e.details).toEqual([
      {
        file: 'test.csv',
        line: 1,
        field: 'createdAt',
        reason: 'required field: column "Create Date" is missing',
        rule: 'required',
      },
    ]);
    expect(await tableCounts(ctx.db)).toEqual(before);
  });

  it('with skipInvalid imports the valid rows and returns the rejects for the CSV report', async () => {
    const s = await importText(ctx.db, BAD, { fileName: 'bad.csv', skipInvalid: true });
    expect(s).toMatchObject({ rowsRead: 7, imported: 2, created: 1, updated: 1, rejected: 5 });
    const acme = await ctx.db
      .selectFrom('opportunities')
      .select('amount_minor')
      .where('external_id', '=', 'hubspot:18000000000')
      .executeTakeFirstOrThrow();
    expect(acme.amount_minor).toBe(9_999_900);
    const csv = rejectsCsv(
      s.header,
      s.rejects.map((r) => toStoredReject(s.header, r)),
    );
    const rows = parse(csv, { columns: true }) as Array<Record<string, string>>;
    expect(rows.map((r) => [r['Deal Name'], r.line, r.field])).toEqual([
      ['Bad date', '3', 'createdAt'],
      ['Negative', '4', 'amount'],
      ['Not a number', '5', 'amount'],
      ['Odd stage', '6', 'stage'],
      ['Stranger', '7', 'owner'],
    ]);
    expect(rows[0]!.reason).toMatch(/month 13 is out of range/);
  });

  it('rejects a second row with the same external id, naming the first line', async () => {
    const dup = [HEADER, BAD.split('\r\n')[7], BAD.split('\r\n')[7]].join('\n');
    const e = (await thrown(() => importText(ctx.db, dup))) as AppError;
    expect(e.details).toEqual([
      {
        file: 'test.csv',
        line: 3,
        field: 'externalId',
        value: 'hubspot:905',
        reason: 'the same record as line 2',
      },
    ]);
  });
});
