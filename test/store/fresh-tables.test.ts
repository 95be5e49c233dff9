import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { copyRows, openCopy } from '../../src/store/bulk/copy-rows.ts';
import { freshenEmptyTables } from '../../src/store/bulk/fresh-tables.ts';
import { describeStores } from '../support/stores.ts';

const ACCOUNT = { id: 'int8', name: 'text' };

describeStores('fresh tables for a bulk load', (ctx) => {
  it('truncates an empty table with the empty tables referencing it, so COPY FREEZE is allowed into it', async () => {
    const written = await ctx.db.transaction().execute(async (tx) => {
      const fresh = await freshenEmptyTables(tx, ['accounts']);
      expect([...fresh]).toEqual(['accounts']);
      const writer = await openCopy(tx);
      return writer?.copy('accounts', ACCOUNT, [{ id: 1, name: 'Acme' }], undefined, { freeze: true });
    });
    expect(written).toBe(1);
    expect(await ctx.db.selectFrom('accounts').select('name').execute()).toEqual([{ name: 'Acme' }]);
    await ctx.db.deleteFrom('accounts').execute();
  });

  it('leaves a table alone when a table referencing it has rows, and COPY FREEZE is then refused', async () => {
    // A contact without an account still makes contacts a table TRUNCATE accounts would have to empty too.
    await ctx.db.insertInto('contacts').values({ name: 'Loose contact' }).execute();
    const err = await ctx.db
      .transaction()
      .execute(async (tx) => {
        const fresh = await freshenEmptyTables(tx, ['accounts']);
        expect(fresh.size).toBe(0);
        const writer = await openCopy(tx);
        return writer?.copy('accounts', ACCOUNT, [{ id: 2, name: 'Other' }], undefined, { freeze: true });
      })
      .catch((e: unknown) => e);
    expect(String((err as Error).message)).toMatch(/FREEZE/i);
    expect(await ctx.db.selectFrom('contacts').select('name').execute()).toEqual([{ name: 'Loose contact' }]);
    // Without FREEZE the same rows go in.
    await ctx.db.transaction().execute((tx) => copyRows(tx, 'accounts', ACCOUNT, [{ id: 2, name: 'Other' }]));
    expect(await ctx.db.selectFrom('accounts').select('id').execute()).toEqual([{ id: 2 }]);
    await ctx.db.deleteFrom('contacts').execute();
    await ctx.db.deleteFrom('accounts').execute();
  });

  it('rolls back with the transaction: a failed load keeps the rows the truncate would have removed', async () => {
    await ctx.db.insertInto('accounts').values({ id: 7, name: 'Kept' }).execute();
    await ctx.db
      .transaction()
      .execute(async (tx) => {
        await sql`delete from accounts`.execute(tx);
        expect([...(await freshenEmptyTables(tx, ['accounts']))]).toEqual(['accounts']);
        throw new Error('load failed');
      })
      .catch(() => undefined);
    expect(await ctx.db.selectFrom('accounts').select('name').execute()).toEqual([{ name: 'Kept' }]);
    await ctx.db.deleteFrom('accounts').execute();
  });
});
