import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { copyRows } from '../../src/store/bulk/copy-rows.ts';
import { loadWithIndexesDeferred } from '../../src/store/bulk/rebuild-after-load.ts';
import type { Db } from '../../src/store/db.ts';
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
});
