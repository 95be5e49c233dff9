import { beforeEach, expect, it } from 'vitest';
import { AppError } from '../../src/errors.ts';
import { parseMappingFile } from '../../src/import/mapping/load-mapping-file.ts';
import { describeStores, truncateAll } from '../support/stores.ts';
import { importText, tableCounts, thrown } from './helpers.ts';

// A made-up German CRM export: semicolons, decimal commas, D.M.YYYY dates, local stage names.
const CSV = [
  'Nr;Titel;Verkäufer;Firma;Phase;Betrag;Angelegt;Abgeschlossen',
  'A-1;Alpha;Anna Schmidt;Alpha GmbH;Gewonnen;1.234,50;3.1.2024;15.2.2024',
  'A-2;Beta;Anna Schmidt;Beta AG;Verloren;800;10.1.2024;1.3.2024',
  'A-3;Gamma;Bernd Weber;Gamma KG;Angebot;15.000,00;2.2.2024;30.6.2024',
].join('\n');

const MAPPING = JSON.stringify({
  source: 'acme',
  entity: 'opportunities',
  delimiter: ';',
  dateFormat: 'D.M.YYYY',
  timeZone: 'Europe/Berlin',
  decimalSeparator: ',',
  currency: 'EUR',
  fields: {
    externalId: 'Nr',
    name: 'Titel',
    owner: 'Verkäufer',
    account: 'Firma',
    stage: { column: 'Phase', values: { Gewonnen: 'Won', Verloren: 'Lost', Angebot: 'Trial' } },
    amount: 'Betrag',
    createdAt: 'Angelegt',
    closeDate: 'Abgeschlossen',
  },
});

describeStores('custom mapping file', (ctx) => {
  beforeEach(async () => {
    await truncateAll(ctx.db);
  });

  it('imports a semicolon CSV with decimal commas and D.M.YYYY dates in the mapping time zone', async () => {
    const mapping = parseMappingFile(MAPPING, 'acme.json');
    const s = await importText(ctx.db, CSV, { mapping, createMissing: true });
    expect(s).toMatchObject({ rowsRead: 3, created: 3, rejected: 0 });
    const rows = await ctx.db
      .selectFrom('opportunities as o')
      .innerJoin('stages as s', 's.id', 'o.stage_id')
      .select([
        'o.external_id',
        's.name as stage',
        'o.status',
        'o.amount_minor',
        'o.currency',
        'o.created_at',
        'o.closed_at',
        'o.expected_close_date',
      ])
      .orderBy('o.external_id')
      .execute();
    expect(rows).toEqual([
      {
        external_id: 'acme:A-1',
        stage: 'Won',
        status: 'won',
        amount_minor: 123_450,
        currency: 'EUR',
        // Midnight in Berlin (UTC+1 in winter) is 23:00 UTC the day before.
        created_at: new Date('2024-01-02T23:00:00Z'),
        closed_at: new Date('2024-02-14T23:00:00Z'),
        expected_close_date: '2024-02-15',
      },
      {
        external_id: 'acme:A-2',
        stage: 'Lost',
        status: 'lost',
        amount_minor: 80_000,
        currency: 'EUR',
        created_at: new Date('2024-01-09T23:00:00Z'),
        closed_at: new Date('2024-02-29T23:00:00Z'),
        expected_close_date: '2024-03-01',
      },
      {
        external_id: 'acme:A-3',
        stage: 'Trial',
        status: 'open',
        amount_minor: 1_500_000,
        currency: 'EUR',
        created_at: new Date('2024-02-01T23:00:00Z'),
        closed_at: null,
        expected_close_date: '2024-06-30',
      },
    ]);
    const reps = await ctx.db
      .selectFrom('users')
      .select(['name', 'email', 'role', 'password_hash'])
      .orderBy('name')
      .execute();
    expect(reps).toEqual([
      { name: 'Anna Schmidt', email: 'anna.schmidt@imported.invalid', role: 'rep', password_hash: null },
      { name: 'Bernd Weber', email: 'bernd.weber@imported.invalid', role: 'rep', password_hash: null },
    ]);
  });

  it('leaves an empty store empty when the file is rejected, even with createMissing', async () => {
    const mapping = parseMappingFile(MAPPING, 'acme.json');
    const before = await tableCounts(ctx.db);
    const bad = CSV.replace('15.000,00', '15.000,00 Euro?');
    const e = (await thrown(() => importText(ctx.db, bad, { mapping, createMissing: true }))) as AppError;
    expect(e.details.map((d) => [d.line, d.field])).toEqual([[4, 'amount']]);
    expect(await tableCounts(ctx.db)).toEqual(before);
    expect(before.pipelines).toBe(0);
  });

  it('reports every problem of a mapping file at once, by JSON path', () => {
    const bad = JSON.stringify({ entity: 'deals', decimalSeparator: ';', fields: { name: { values: {} } } });
    const e = (() => {
      try {
        parseMappingFile(bad, 'bad.json');
      } catch (err) {
        return err as AppError;
      }
      throw new Error('expected an error');
    })();
    expect(e.code).toBe('validation');
    expect(e.details.map((d) => d.field).sort()).toEqual(['decimalSeparator', 'entity', 'fields.name']);
  });

  it('names unknown fields and missing columns of a mapping against the file header', async () => {
    const mapping = parseMappingFile(
      JSON.stringify({
        entity: 'opportunities',
        fields: { title: 'Titel', name: 'Titel', stage: 'Phase', createdAt: 'Erstellt' },
      }),
      'm.json',
    );
    const e = (await thrown(() => importText(ctx.db, 'Titel,Phase\nA,Won\n', { mapping }))) as AppError;
    expect(e.details.map((d) => [d.field, d.reason.slice(0, 30)])).toEqual([
      ['title', 'not a field of opportunities; '],
      ['createdAt', 'required field: column "Erstel'],
    ]);
  });
});
