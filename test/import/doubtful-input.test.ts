import { Readable } from 'node:stream';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SYSTEM_VIEWER } from '../../src/domain/access/viewer.ts';
import { AppError } from '../../src/errors.ts';
import { MappingSpecSchema } from '../../src/import/mapping/mapping-spec.ts';
import { runImport, type ImportRequest } from '../../src/import/run-import.ts';
import { signIn, testApp } from '../support/app.ts';
import { describeStores, truncateAll } from '../support/stores.ts';
import { seedUser } from '../support/users.ts';
import { tableCounts, thrown } from './helpers.ts';

const DEALS = MappingSpecSchema.parse({
  source: 'crm',
  entity: 'opportunities',
  fields: { externalId: 'Id', name: 'Name', owner: 'Owner', stage: 'Stage', createdAt: 'Created' },
});
const HEADER = 'Id,Name,Owner,Stage,Created';

describeStores('doubtful import input is refused with the line and field', (ctx) => {
  beforeAll(async () => {
    await truncateAll(ctx.db);
    await seedUser(ctx.db, { role: 'rep', name: 'Alice Moreno' });
  });

  const run = (chunks: Array<Buffer | string>, opts: Partial<ImportRequest> = {}) =>
    runImport(ctx.db, SYSTEM_VIEWER, {
      fileName: 'in.csv',
      mapping: DEALS,
      ...opts,
      input: Readable.from(chunks),
    });
  async function refused(fn: () => Promise<unknown>) {
    const before = await tableCounts(ctx.db);
    const err = await thrown(fn);
    expect(err).toBeInstanceOf(AppError);
    expect(await tableCounts(ctx.db)).toEqual(before);
    return err as AppError;
  }
  const dealName = (id: string) =>
    ctx.db
      .selectFrom('opportunities')
      .select('name')
      .where('external_id', '=', `crm:${id}`)
      .executeTakeFirst()
      .then((r) => r?.name);

  // 'Łódź' in windows-1250: Ł = A3, ó = F3, ź = 9F; none of these bytes is valid UTF-8 on its own.
  const cp1250 = Buffer.concat([
    Buffer.from(`${HEADER}\n1,Plain,Alice Moreno,Discovery,2026-01-05\n2,`),
    Buffer.from([0xa3, 0xf3, 0x64, 0x9f]),
    Buffer.from(',Alice Moreno,Discovery,2026-01-05\n'),
  ]);

  it('bytes that are not UTF-8 are refused naming the line and suggesting --encoding', async () => {
    const e = await refused(() => run([cp1250]));
    expect(e.code).toBe('import_rejected');
    expect(e.details).toEqual([
      expect.objectContaining({
        file: 'in.csv',
        line: 3,
        field: 'encoding',
        reason: expect.stringMatching(/--encoding/),
      }),
    ]);
    // The same when the bad bytes arrive in a later chunk than the line's start.
    const e2 = await refused(() => run([cp1250.subarray(0, 60), cp1250.subarray(60)]));
    expect(e2.details[0]).toMatchObject({ line: 3, field: 'encoding' });
  });

  it('reads windows-1250 with --encoding, UTF-16 by its byte-order mark, and UTF-8 split mid-character', async () => {
    await run([cp1250], { encoding: 'windows-1250' });
    expect(await dealName('2')).toBe('Łódź');

    const utf16 = `${HEADER}\n3,Zażółć,Alice Moreno,Discovery,2026-01-05\n`;
    await run([Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(utf16, 'utf16le')])]);
    expect(await dealName('3')).toBe('Zażółć');

    const utf8 = Buffer.from(`\ufeff${HEADER}\n4,Gęś,Alice Moreno,Discovery,2026-01-05\n`);
    const cut = utf8.indexOf(Buffer.from('ę')) + 1;
    await run([utf8.subarray(0, cut), utf8.subarray(cut)]);
    expect(await dealName('4')).toBe('Gęś');
  });

  it('a header the mapping reads twice is refused, naming the column', async () => {
    const e = await refused(() =>
      run([`Id,Name,Owner,name,Stage,Created\n5,A,Alice Moreno,B,Discovery,2026-01-05\n`]),
    );
    expect(e.details).toEqual([
      expect.objectContaining({
        line: 1,
        field: 'name',
        reason: expect.stringMatching(/column 'Name' appears 2 times \(columns 2, 4\)/),
      }),
    ]);
    // A repeated column the mapping does not read is harmless.
    await run([`${HEADER},Notes,Notes\n6,Fine,Alice Moreno,Discovery,2026-01-05,x,y\n`]);
    expect(await dealName('6')).toBe('Fine');
  });

  it('over-long cells are refused with the line, field and limit', async () => {
    const e = await refused(() =>
      run([
        `${HEADER}\n7,${'x'.repeat(100_000)},Alice Moreno,Discovery,2026-01-05\n8,ok,Alice Moreno,${'S'.repeat(201)},2026-01-05\n`,
      ]),
    );
    expect(e.details).toEqual([
      { file: 'in.csv', line: 2, field: 'name', reason: 'longer than 1,000 characters (100,000)' },
      { file: 'in.csv', line: 3, field: 'stage', reason: 'longer than 200 characters (201)' },
    ]);
  });

  it('an unterminated quote is refused with the line it opens on', async () => {
    const e = await refused(() =>
      run([
        `${HEADER}\n9,ok,Alice Moreno,Discovery,2026-01-05\n10,"broken,Alice Moreno,Discovery,2026-01-05\n11,x,y,z,w\n`,
      ]),
    );
    expect(e.code).toBe('import_rejected');
    expect(e.details).toEqual([
      expect.objectContaining({
        file: 'in.csv',
        line: 3,
        field: 'csv',
        reason: expect.stringMatching(/never closed/),
      }),
    ]);
  });

  it('NUL characters and far-off dates are row errors, not internal errors', async () => {
    const e = await refused(() =>
      run([
        `${HEADER}\n12,a\u0000b,Alice Moreno,Discovery,2026-01-05\n13,ok,Alice Moreno,Discovery,0001-01-01\n`,
      ]),
    );
    expect(e.details).toEqual([
      expect.objectContaining({ line: 2, field: 'Name', reason: expect.stringMatching(/NUL/) }),
      expect.objectContaining({
        line: 3,
        field: 'createdAt',
        reason: "'0001-01-01' is outside the years 1900-2999",
      }),
    ]);
    const runs = await ctx.db.selectFrom('imports').select('status').where('status', '=', 'failed').execute();
    expect(runs).toEqual([]);
  });
});

describeStores('CSV syntax errors through the API', (ctx) => {
  let app: Awaited<ReturnType<typeof testApp>>;
  let admin: Record<string, string>;
  beforeAll(async () => {
    await truncateAll(ctx.db);
    app = await testApp(ctx.db);
    admin = await signIn(app, await seedUser(ctx.db, { role: 'admin' }));
  });
  afterAll(async () => app?.close());

  it('an unterminated quote answers 422 import_rejected naming the file and line', async () => {
    const body = [
      'Deal - ID,Deal - Title,Deal - Owner,Deal - Value,Deal - Organization,Deal - Stage,Deal - Status,Deal - Deal created,Deal - Deal closed on',
      '1,One,Alice Moreno,100,Acme Corp,Lead In,Open,2024-01-02 10:00:00,',
      '2,"Two,Alice Moreno,100,Acme Corp,Lead In,Open,2024-01-02 10:00:00,',
    ].join('\n');
    const res = await app.inject({
      method: 'POST',
      url: '/api/imports?fileName=broken.csv',
      payload: body,
      headers: { ...admin, 'content-type': 'text/csv' },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toEqual({
      error: {
        code: 'import_rejected',
        message: expect.stringMatching(/^broken\.csv: /),
        details: [expect.objectContaining({ file: 'broken.csv', line: 3, field: 'csv' })],
      },
    });
  });

  it('the encoding is a query parameter', async () => {
    const body = Buffer.concat([
      Buffer.from(
        'Deal - ID,Deal - Title,Deal - Owner,Deal - Value,Deal - Organization,Deal - Stage,Deal - Status,Deal - Deal created,Deal - Deal closed on\n',
      ),
      Buffer.from('1,Caf'),
      Buffer.from([0xe9]),
      Buffer.from(',Alice Moreno,100,Acme Corp,Lead In,Open,2024-01-02 10:00:00,\n'),
    ]);
    const post = (q: string) =>
      app.inject({
        method: 'POST',
        url: `/api/imports?fileName=latin.csv&createMissing=true${q}`,
        payload: body,
        headers: { ...admin, 'content-type': 'text/csv' },
      });
    const bad = await post('');
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.details[0]).toMatchObject({ line: 2, field: 'encoding' });
    const ok = await post('&encoding=windows-1252');
    expect(ok.statusCode).toBe(201);
    const deal = await ctx.db.selectFrom('opportunities').select('name').executeTakeFirstOrThrow();
    expect(deal.name).toBe('Café');
  });
});
