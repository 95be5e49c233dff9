import { beforeEach, expect, it } from 'vitest';
import { AppError } from '../../src/errors.ts';
import { parseMappingFile } from '../../src/import/mapping/load-mapping-file.ts';
import { describeStores, truncateAll } from '../support/stores.ts';
import { importText, thrown } from './helpers.ts';

const MAPPING = parseMappingFile(
  JSON.stringify({
    source: 'web',
    entity: 'leads',
    fields: {
      externalId: 'Id',
      name: 'Name',
      email: 'Email',
      createdAt: 'Created',
      account: 'Account',
      industry: 'Industry',
      companySize: 'Employees',
      country: 'Country',
      region: 'Region',
      persona: 'Persona',
      dataQuality: { column: 'Data', values: { good: 'ok', wrong: 'inaccurate' } },
    },
  }),
  'web.json',
);
const HEADER = 'Id,Name,Email,Created,Account,Industry,Employees,Country,Region,Persona,Data';

describeStores('lead import: fit attributes', (ctx) => {
  beforeEach(async () => {
    await truncateAll(ctx.db);
  });

  it('maps industry, company size, country, region, persona, data quality and account', async () => {
    const csv = [
      HEADER,
      '1,Ann,ann@acme.example,2026-05-01T10:00:00Z,Acme,Software,120,de,EMEA,Buyer,wrong',
      '2,Bob,bob@x.example,2026-05-02T10:00:00Z,,,,,,,',
    ].join('\n');
    const s = await importText(ctx.db, csv, { mapping: MAPPING, createMissing: true });
    expect(s).toMatchObject({ rowsRead: 2, created: 2, rejected: 0 });
    const rows = await ctx.db
      .selectFrom('leads as l')
      .leftJoin('accounts as a', 'a.id', 'l.account_id')
      .select([
        'l.name',
        'a.name as account',
        'l.industry',
        'l.company_size',
        'l.country',
        'l.region',
        'l.persona',
        'l.data_quality',
      ])
      .orderBy('l.name')
      .execute();
    expect(rows).toEqual([
      {
        name: 'Ann',
        account: 'Acme',
        industry: 'Software',
        company_size: 120,
        country: 'DE',
        region: 'EMEA',
        persona: 'Buyer',
        data_quality: 'inaccurate',
      },
      {
        name: 'Bob',
        account: null,
        industry: null,
        company_size: null,
        country: null,
        region: null,
        persona: null,
        data_quality: null,
      },
    ]);
  });

  it('a re-import whose mapping lacks the fit fields leaves them as stored', async () => {
    await importText(
      ctx.db,
      [HEADER, '1,Ann,ann@acme.example,2026-05-01T10:00:00Z,Acme,Software,120,DE,EMEA,Buyer,good'].join('\n'),
      {
        mapping: MAPPING,
        createMissing: true,
      },
    );
    const plain = parseMappingFile(
      JSON.stringify({
        source: 'web',
        entity: 'leads',
        fields: { externalId: 'Id', name: 'Name', createdAt: 'Created' },
      }),
      'plain.json',
    );
    await importText(ctx.db, ['Id,Name,Created', '1,Ann B,2026-05-01T10:00:00Z'].join('\n'), {
      mapping: plain,
    });
    const row = await ctx.db
      .selectFrom('leads')
      .select(['name', 'industry', 'company_size', 'data_quality'])
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ name: 'Ann B', industry: 'Software', company_size: 120, data_quality: 'ok' });
  });

  it('rejects bad fit values naming the line and field, writing nothing', async () => {
    const csv = [
      HEADER,
      '1,Ann,ann@acme.example,2026-05-01T10:00:00Z,,,12.5,DE,,,',
      '2,Bob,bob@x.example,2026-05-02T10:00:00Z,,,10,Germany,,,',
      '3,Cy,cy@x.example,2026-05-02T10:00:00Z,,,10,US,,,maybe',
    ].join('\n');
    const err = await thrown(() => importText(ctx.db, csv, { mapping: MAPPING, createMissing: true }));
    expect(err).toBeInstanceOf(AppError);
    const details = (err as AppError).details.map((d) => [d.line, d.field]);
    expect(details).toEqual([
      [2, 'companySize'],
      [3, 'country'],
      [4, 'dataQuality'],
    ]);
    expect(await ctx.db.selectFrom('leads').selectAll().execute()).toEqual([]);
  });
});
