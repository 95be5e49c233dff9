import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { copyRows } from '../../src/store/bulk/copy-rows.ts';
import { loadWithIndexesDeferred } from '../../src/store/bulk/rebuild-after-load.ts';
import type { Db } from '../../src/store/db.ts';
import { metricsDataVersion } from '../../src/store/queries/metrics/stored-results.ts';
import { describeStores } from '../support/stores.ts';

async function activityObjects(db: Db): Promise<string[]> {
  const r = await sql<{ def: string }>`
    select indexdef as def from pg_indexes where schemaname = current_schema() and tablename = 'activities'
    union all
    select conname || ' ' || pg_get_constraintdef(oid) || ' ' || convalidated::text
    from pg_constraint where conrelid = 'activities'::regclass
    order by 1`.execute(db);
  return r.rows.map((x) => x.def);
}

const COLUMNS = { type: 'text', direction: 'text', user_id: 'int8', occurred_at: 'timestamptz' };

describeStores('loading with indexes deferred', (ctx) => {
  it('still checks every foreign key: a dangling reference fails the load and leaves the table as it was', async () => {
    const before = await activityObjects(ctx.db);
    expect(before.some((d) => d.startsWith('activities_user_id_fkey FOREIGN KEY'))).toBe(true);
    const err = await ctx.db
      .transaction()
      .execute((tx) =>
        loadWithIndexesDeferred(tx, 'activities', () =>
          copyRows(tx, 'activities', COLUMNS, [
            { type: 'call', direction: 'outbound', user_id: 424242, occurred_at: new Date() },
          ]),
        ),
      )
      .catch((e: unknown) => e);
    expect(String((err as Error).message)).toMatch(/foreign key/);
    expect(await activityObjects(ctx.db)).toEqual(before);
    const n = await ctx.db
      .selectFrom('activities')
      .select((eb) => eb.fn.countAll().as('c'))
      .executeTakeFirst();
    expect(Number(n?.c)).toBe(0);
  });

  it('re-creates the same indexes and constraints after a good load, and uses them', async () => {
    const before = await activityObjects(ctx.db);
    const user = await ctx.db
      .insertInto('users')
      .values({ name: 'Rep', email: 'rep@example.com', role: 'rep' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const rows = Array.from({ length: 500 }, (_, i) => ({
      type: 'call',
      direction: 'outbound',
      user_id: user.id,
      occurred_at: new Date(Date.UTC(2026, 0, 1, 9, i)),
    }));
    const written = await ctx.db
      .transaction()
      .execute((tx) =>
        loadWithIndexesDeferred(tx, 'activities', () => copyRows(tx, 'activities', COLUMNS, rows)),
      );
    expect(written).toBe(500);
    expect(await activityObjects(ctx.db)).toEqual(before);
    // The foreign key is back and enforced for later writes.
    const later = await ctx.db
      .insertInto('activities')
      .values({ type: 'call', direction: 'outbound', user_id: 999_999, occurred_at: new Date() })
      .execute()
      .catch((e: unknown) => e);
    expect(String((later as Error).message)).toMatch(/foreign key/);
  });

  it("fires the table's own statement triggers once per COPY, or not at all when asked to, and re-enables them", async () => {
    const user = await ctx.db
      .insertInto('users')
      .values({ name: 'Rep 2', email: 'rep2@example.com', role: 'rep' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await sql`create table probe_statements (rows int8)`.execute(ctx.db);
    await sql`create function probe_count() returns trigger language plpgsql as $$
      begin insert into probe_statements select count(*) from new_rows; return null; end $$`.execute(ctx.db);
    await sql`create trigger probe_insert after insert on activities referencing new table as new_rows
      for each statement execute function probe_count()`.execute(ctx.db);
    const rows = (n: number) =>
      Array.from({ length: n }, (_, i) => ({
        type: 'call',
        direction: 'outbound',
        user_id: user.id,
        occurred_at: new Date(Date.UTC(2026, 1, 1, 9, i)),
      }));
    const load = (n: number, userTriggers: 'fire' | 'disable') =>
      ctx.db.transaction().execute(async (tx) => {
        await sql`delete from activities`.execute(tx);
        return loadWithIndexesDeferred(tx, 'activities', () => copyRows(tx, 'activities', COLUMNS, rows(n)), {
          userTriggers,
        });
      });
    await load(30, 'fire');
    await load(20, 'disable');
    const seen = await sql<{ rows: number }>`select rows from probe_statements`.execute(ctx.db);
    expect(seen.rows.map((r) => Number(r.rows))).toEqual([30]);
    const state = await sql<{ tgenabled: string }>`
      select tgenabled from pg_trigger where tgname = 'probe_insert' and tgrelid = 'activities'::regclass`.execute(
      ctx.db,
    );
    expect(state.rows).toEqual([{ tgenabled: 'O' }]);
    await sql`drop trigger probe_insert on activities`.execute(ctx.db);
    await sql`drop function probe_count()`.execute(ctx.db);
    await sql`drop table probe_statements`.execute(ctx.db);
    await ctx.db.deleteFrom('activities').execute();
  });
  it('moves the metrics data version for a load with the triggers off, which bumps nothing itself', async () => {
    const user = await ctx.db
      .insertInto('users')
      .values({ name: 'Rep V', email: 'rep-version@example.com', role: 'rep' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await ctx.db.deleteFrom('activities').execute();
    const before = await metricsDataVersion(ctx.db);
    await ctx.db.transaction().execute((tx) =>
      loadWithIndexesDeferred(
        tx,
        'activities',
        () =>
          copyRows(tx, 'activities', COLUMNS, [
            {
              type: 'call',
              direction: 'outbound',
              user_id: user.id,
              occurred_at: new Date('2026-02-02T09:00:00Z'),
            },
          ]),
        { userTriggers: 'disable' },
      ),
    );
    expect(await metricsDataVersion(ctx.db)).not.toBe(before);
    await ctx.db.deleteFrom('activities').execute();
  });

  it("with uniqueKeys 'rebuild', sets unique keys aside too: re-added after, a duplicate fails the load", async () => {
    // Deferring applies to an empty table only; the tests above left rows.
    await sql`delete from activities`.execute(ctx.db);
    const before = await activityObjects(ctx.db);
    expect(before.some((d) => d.startsWith('activities_external_id_key UNIQUE'))).toBe(true);
    const user = await ctx.db
      .insertInto('users')
      .values({ name: 'Rep 3', email: 'rep3@example.com', role: 'rep' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const row = (externalId: string, minute: number) => ({
      type: 'call' as const,
      direction: 'outbound' as const,
      user_id: user.id,
      occurred_at: new Date(Date.UTC(2026, 2, 1, 9, minute)),
      external_id: externalId,
    });
    const columns = { ...COLUMNS, external_id: 'text' };
    const keyDuringLoad: number[] = [];
    const load = (rows: ReturnType<typeof row>[]) =>
      ctx.db.transaction().execute((tx) =>
        loadWithIndexesDeferred(
          tx,
          'activities',
          async () => {
            // Set aside while the rows go in.
            const key = await sql`select 1 from pg_constraint
                where conrelid = 'activities'::regclass and conname = 'activities_external_id_key'`.execute(
              tx,
            );
            keyDuringLoad.push(key.rows.length);
            return copyRows(tx, 'activities', columns, rows);
          },
          { uniqueKeys: 'rebuild' },
        ),
      );
    const err = await load([row('x-1', 0), row('x-1', 1)]).catch((e: unknown) => e);
    expect(String((err as Error).message)).toMatch(/unique|duplicate/i);
    expect(await activityObjects(ctx.db)).toEqual(before);
    expect(await load([row('x-1', 0), row('x-2', 1)])).toBe(2);
    expect(keyDuringLoad).toEqual([0, 0]);
    expect(await activityObjects(ctx.db)).toEqual(before);
    // The key is back and enforced for later writes.
    const later = await ctx.db
      .insertInto('activities')
      .values(row('x-2', 2))
      .execute()
      .catch((e: unknown) => e);
    expect(String((later as Error).message)).toMatch(/unique|duplicate/i);
  });
});
