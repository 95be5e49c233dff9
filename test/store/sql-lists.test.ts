import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { idArray, inList } from '../../src/store/sql/lists.ts';
import { describeStores } from '../support/stores.ts';

describeStores('SQL list helpers', (ctx) => {
  const rows = sql`(values (1, 'a'), (2, 'b'), (3, null)) as t(n, s)`;
  const matching = async (where: ReturnType<typeof sql>) => {
    const r = await sql<{ n: number }>`select n from ${rows} where ${where} order by n`.execute(ctx.db);
    return r.rows.map((row) => Number(row.n));
  };

  it('matches the listed numbers and strings, by column name or expression', async () => {
    expect(await matching(inList('t.n', [1, 3]))).toEqual([1, 3]);
    expect(await matching(inList(sql`t.s`, ['b', 'zz']))).toEqual([2]);
  });

  it('matches nothing for an empty list, and its negation matches everything (false, not null)', async () => {
    expect(await matching(inList('t.n', []))).toEqual([]);
    expect(await matching(sql`not ${inList('t.n', [])}`)).toEqual([1, 2, 3]);
    expect(await matching(sql`not ${inList('t.s', [])}`)).toEqual([1, 2, 3]);
  });

  it('sends an id array as one parameter, empty included', async () => {
    expect(await matching(sql`t.n = any(${idArray([2, 3])})`)).toEqual([2, 3]);
    expect(await matching(sql`t.n = any(${idArray([])})`)).toEqual([]);
  });
});
