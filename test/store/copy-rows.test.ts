import { PGlite } from '@electric-sql/pglite';
import { Kysely, PGliteDialect, sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors.ts';
import { copyRows, openCopy, type CopyColumns } from '../../src/store/bulk/copy-rows.ts';
import type { Db } from '../../src/store/db.ts';
import type { Database } from '../../src/store/schema.ts';
import { describeStores } from '../support/stores.ts';

// A scratch table outside the schema types: every kind of column COPY has to spell.
const PROBE = 'copy_probe' as keyof Database & string;
const TWIN = 'copy_twin' as keyof Database & string;
const COLUMNS: CopyColumns = {
  id: 'int4',
  t: 'text',
  n: 'int8',
  b: 'bool',
  ts: 'timestamptz',
  d: 'date',
  arr: 'text[]',
  j: 'jsonb',
  f: 'float8',
  bytes: 'bytea',
};

const HOSTILE_TEXT = [
  '',
  '\\',
  '\\N',
  'NULL',
  'null',
  '\\.',
  'a\tb',
  'line1\nline2',
  'crlf\r\n',
  '"quoted", with comma',
  "it's",
  ' padded ',
  '{a,b}',
  '\\x41',
  '😀 émoji and combining é',
  'line\u2028separator',
  'back\\slash\\\\double',
];

/** One row per hostile text value, each also carrying awkward values for the other columns. */
function hostileRows(): Record<string, unknown>[] {
  const arrays: (string | null)[][] = [
    ['a', null, '', 'x"y', 'b\\c', 'NULL', 'tab\there', 'new\nline', '{}', ' sp ', ','],
    [],
    [null],
    [''],
  ];
  const instants: (Date | string)[] = [
    new Date('2026-03-08T07:30:00.000Z'),
    '2026-03-08 02:30:00-05',
    '2026-11-01 01:30:00.123456+00',
    new Date('1999-12-31T23:59:59.999Z'),
  ];
  const json: unknown[] = [
    { a: 'x\ny', b: [1, null, 'tab\t'], c: '\\', d: '"', e: { nested: true } },
    [1, 'two', { three: 3 }],
    '"a JSON string, as text"',
    { unicode: '😀', quote: "it's" },
  ];
  const floats = [0.1, -0, 1e-300, Number.NaN, 12345.678];
  return HOSTILE_TEXT.map((t, i) => ({
    id: i + 1,
    t,
    n: i % 3 === 0 ? null : i % 3 === 1 ? Number.MAX_SAFE_INTEGER : -i,
    b: i % 3 === 0 ? null : i % 3 === 1,
    ts: i % 5 === 4 ? null : instants[i % instants.length],
    d: i % 4 === 3 ? null : '2024-02-29',
    arr: i % 5 === 4 ? null : arrays[i % arrays.length],
    j: i % 6 === 5 ? null : json[i % json.length],
    f: floats[i % floats.length],
    bytes: i % 2 === 0 ? Buffer.from([0, 1, 92, 9, 10, 13, 34, 255]) : i % 4 === 1 ? null : Buffer.alloc(0),
  }));
}

/** The same row for a parameterised INSERT: the driver's own spelling is the reference. */
function asParameters(row: Record<string, unknown>): Record<string, unknown> {
  // pg sends a JS array as a PostgreSQL array, so JSON goes as text; a string is JSON text on both paths.
  const j = row.j;
  return { ...row, j: j === null || typeof j === 'string' ? j : JSON.stringify(j) };
}

/** Every row as PostgreSQL's own text form, in id order. */
async function tableText(db: Db, table: string): Promise<string[]> {
  const r = await sql<{ r: string }>`select (p.*)::text as r from ${sql.table(table)} p order by id`.execute(
    db,
  );
  return r.rows.map((x) => x.r);
}

describeStores('COPY writer', (ctx) => {
  beforeAll(async () => {
    for (const table of [PROBE, TWIN]) {
      await sql`create table ${sql.table(table)} (id int4 primary key, t text, n int8, b bool, ts timestamptz,
        d date, arr text[], j jsonb, f float8, bytes bytea)`.execute(ctx.db);
    }
  });

  it('stores hostile values exactly as a parameterised INSERT does, NULL distinct from empty', async () => {
    const rows = hostileRows();
    const written = await ctx.db.transaction().execute(async (tx) => {
      for (const row of rows) await tx.insertInto(TWIN).values(asParameters(row)).execute();
      return copyRows(tx, PROBE, COLUMNS, rows);
    });
    expect(written).toBe(rows.length);
    const copied = await tableText(ctx.db, PROBE);
    expect(copied).toHaveLength(rows.length);
    expect(copied).toEqual(await tableText(ctx.db, TWIN));
    const back = await ctx.db
      .selectFrom(PROBE)
      .select(['id', 't', 'arr', 'j', 'ts', 'b'] as never[])
      .orderBy('id' as never)
      .execute();
    expect(back.map((r) => (r as { t: string }).t)).toEqual(HOSTILE_TEXT);
    const first = back[0] as { arr: (string | null)[]; j: unknown; ts: Date; b: boolean | null };
    expect(first.arr).toEqual([
      'a',
      null,
      '',
      'x"y',
      'b\\c',
      'NULL',
      'tab\there',
      'new\nline',
      '{}',
      ' sp ',
      ',',
    ]);
    expect(first.j).toEqual({ a: 'x\ny', b: [1, null, 'tab\t'], c: '\\', d: '"', e: { nested: true } });
    expect(first.ts.toISOString()).toBe('2026-03-08T07:30:00.000Z');
    expect(first.b).toBeNull();
    const second = back[1] as { ts: Date };
    expect(second.ts.toISOString()).toBe('2026-03-08T07:30:00.000Z');
    const empties = await sql<{ empty: number; nulls: number }>`select
      count(*) filter (where t = '')::int8 as empty, count(*) filter (where t is null)::int8 as nulls
      from ${sql.table(PROBE)}`.execute(ctx.db);
    expect(empties.rows[0]).toEqual({ empty: 1, nulls: 0 });
  });

  it('refuses a NUL character by row and column and writes nothing', async () => {
    const rows = [
      { id: 101, t: 'fine' },
      { id: 102, t: 'bad\0value' },
    ];
    const err = await ctx.db
      .transaction()
      .execute((tx) => copyRows(tx, PROBE, { id: 'int4', t: 'text' }, rows))
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).details).toEqual([
      { field: 't', line: 2, reason: 'contains a NUL character, which PostgreSQL text cannot hold' },
    ]);
    const arrayErr = await ctx.db
      .transaction()
      .execute((tx) => copyRows(tx, PROBE, { id: 'int4', arr: 'text[]' }, [{ id: 103, arr: ['ok', 'n\0'] }]))
      .catch((e: unknown) => e);
    expect((arrayErr as AppError).details[0]?.field).toBe('arr');
    const wrongShape = await ctx.db
      .transaction()
      .execute((tx) => copyRows(tx, PROBE, { id: 'int4', t: 'text' }, [{ id: 104, t: ['a'] }]))
      .catch((e: unknown) => e);
    expect((wrongShape as AppError).details[0]?.reason).toMatch(/scalar column/);
    const badDate = await ctx.db
      .transaction()
      .execute((tx) =>
        copyRows(tx, PROBE, { id: 'int4', ts: 'timestamptz' }, [{ id: 105, ts: new Date('x') }]),
      )
      .catch((e: unknown) => e);
    expect((badDate as AppError).details[0]?.reason).toBe('is an invalid date');
    const r = await sql<{
      c: number;
    }>`select count(*)::int8 as c from ${sql.table(PROBE)} where id > 100`.execute(ctx.db);
    expect(r.rows[0]?.c).toBe(0);
  });

  it('rolls back with the transaction when the server rejects a row mid-stream, and the store stays usable', async () => {
    // Far more rows than one chunk, with a duplicate key near the start: the server fails while data still flows.
    const rows = Array.from({ length: 60_000 }, (_, i) => ({ id: 1_000 + i, t: `row ${i}` }));
    rows[5] = { id: 1_000, t: 'duplicate' };
    const err = await ctx.db
      .transaction()
      .execute(async (tx) => {
        await tx
          .insertInto(PROBE)
          .values({ id: 999, t: 'before' } as never)
          .execute();
        return copyRows(tx, PROBE, { id: 'int4', t: 'text' }, rows);
      })
      .catch((e: unknown) => e);
    expect(String((err as Error).message)).toMatch(/duplicate key/);
    const r = await sql<{
      c: number;
    }>`select count(*)::int8 as c from ${sql.table(PROBE)} where id >= 999`.execute(ctx.db);
    expect(r.rows[0]?.c).toBe(0);
    // A source that fails half-way aborts the COPY with its own error.
    async function* failing() {
      yield { id: 2_000, t: 'a' };
      throw new Error('source broke');
    }
    const sourceErr = await ctx.db
      .transaction()
      .execute((tx) => copyRows(tx, PROBE, { id: 'int4', t: 'text' }, failing()))
      .catch((e: unknown) => e);
    expect((sourceErr as Error).message).toBe('source broke');
    const ok = await ctx.db.transaction().execute((tx) =>
      copyRows(
        tx,
        PROBE,
        { id: 'int4', t: 'text' },
        (async function* () {
          for (let i = 0; i < 3; i += 1) yield { id: 3_000 + i, t: `async ${i}` };
        })(),
      ),
    );
    expect(ok).toBe(3);
  });
});

describe('COPY writer on a session this process did not tag', () => {
  it('is not offered (callers such as the demo fall back to INSERT), and copyRows says why', async () => {
    // Stands for a pooler that shares server sessions: the session carries no tag that maps to a driver object.
    const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite: await PGlite.create() }) });
    try {
      await sql`create table plain (id int4)`.execute(db);
      expect(await db.transaction().execute((tx) => openCopy(tx))).toBeNull();
      const err = await db
        .transaction()
        .execute((tx) => copyRows(tx, 'plain', { id: 'int4' }, [{ id: 1 }]))
        .catch((e: unknown) => e);
      expect((err as Error).message).toMatch(/COPY is not available/);
    } finally {
      await db.destroy();
    }
  });
});
