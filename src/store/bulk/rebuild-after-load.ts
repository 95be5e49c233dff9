import { sql, type Transaction } from 'kysely';
import type { Database } from '../schema.ts';

/**
 * The table's foreign keys, plain indexes and (with `uniqueKeys`) unique constraints, as the statements that
 * re-create them exactly.
 */
async function derivedObjects(tx: Transaction<Database>, table: string, uniqueKeys: boolean) {
  const fks = await sql<{ name: string; def: string }>`
    select conname as name, pg_get_constraintdef(oid) as def from pg_constraint
    where conrelid = ${table}::regclass and contype = 'f' order by conname`.execute(tx);
  const keys = uniqueKeys
    ? await sql<{ name: string; def: string }>`
    select conname as name, pg_get_constraintdef(oid) as def from pg_constraint
    where conrelid = ${table}::regclass and contype = 'u'
      -- A key another table's foreign key references stays: it could not be dropped.
      and not exists (select 1 from pg_constraint f where f.contype = 'f' and f.conindid = pg_constraint.conindid)
    order by conname`.execute(tx)
    : { rows: [] };
  // Indexes that back a constraint (primary key, unique) stay: they are the constraint.
  const indexes = await sql<{ name: string; def: string }>`
    select ci.relname as name, pg_get_indexdef(i.indexrelid) as def
    from pg_index i join pg_class ci on ci.oid = i.indexrelid
    where i.indrelid = ${table}::regclass
      and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)
    order by ci.relname`.execute(tx);
  return { fks: fks.rows, keys: keys.rows, indexes: indexes.rows };
}

/** What else a deferred load sets aside. */
export interface DeferredLoadOptions {
  /**
   * 'disable': the table's own triggers (not the foreign-key ones, which are re-created anyway) are off during
   * the load and back on after it, in the same transaction; the caller then brings whatever they maintain (the
   * rollups) up to date itself, in one pass. 'fire' (the default): they run as for any write, once per COPY
   * statement when they are statement-level.
   */
  userTriggers?: 'fire' | 'disable';
  /**
   * 'rebuild': unique constraints are dropped too and re-added after the load, which checks every row (a
   * duplicate fails the transaction). Only for loads that need no ON CONFLICT on them, such as a plain
   * INSERT ... SELECT ... GROUP BY on the key into an empty table. 'keep' (the default) leaves them in place.
   */
  uniqueKeys?: 'keep' | 'rebuild';
}

/**
 * Runs `load` (a bulk write into the EMPTY `table`) with the table's foreign keys and secondary indexes set
 * aside, then re-creates them from their own definitions: one index build and one set-based check per foreign
 * key instead of per-row index updates and per-row trigger queries (the cost that dominated the demo's COPY of
 * activities). Nothing is skipped: re-adding a foreign key validates every row, and a violation fails the
 * transaction like the per-row check would. Everything happens in `tx`, so a failure restores the table as it
 * was. The table is locked exclusively until commit: for loads into a store nobody else is using yet (the demo,
 * a first import), not for routine writes. When the table is not empty, `load` runs with everything in place.
 */
export async function loadWithIndexesDeferred<T>(
  tx: Transaction<Database>,
  table: string,
  load: () => Promise<T>,
  options: DeferredLoadOptions = {},
): Promise<T> {
  const any = await sql`select 1 from ${sql.table(table)} limit 1`.execute(tx);
  if (any.rows.length > 0) return load();
  return withIndexesDeferred(tx, table, load, options);
}

/**
 * The same drop / load / re-create for a table that may hold rows: worth it when the load adds a large share of
 * the table (the rebuild costs a few microseconds per row of the whole table, per-row maintenance about a hundred
 * per row written on PGlite), and only where nobody else waits on the table: the exclusive lock is held until
 * commit. The staged activities import uses it on PGlite, whose one session the import occupies anyway.
 */
export async function withIndexesDeferred<T>(
  tx: Transaction<Database>,
  table: string,
  load: () => Promise<T>,
  options: DeferredLoadOptions = {},
): Promise<T> {
  const { fks, keys, indexes } = await derivedObjects(tx, table, options.uniqueKeys === 'rebuild');
  for (const c of [...fks, ...keys])
    await sql`alter table ${sql.table(table)} drop constraint ${sql.id(c.name)}`.execute(tx);
  for (const ix of indexes) await sql`drop index ${sql.id(ix.name)}`.execute(tx);
  const triggersOff = options.userTriggers === 'disable';
  if (triggersOff) await sql`alter table ${sql.table(table)} disable trigger user`.execute(tx);
  const result = await load();
  if (triggersOff) {
    await sql`alter table ${sql.table(table)} enable trigger user`.execute(tx);
    // The load bumped no data version with the triggers off: stored metrics answers must not outlive it.
    await sql`select metrics_data_version_touch()`.execute(tx);
  }
  for (const ix of indexes) await sql.raw(ix.def).execute(tx);
  // Keys before foreign keys, which may reference them.
  for (const c of [...keys, ...fks])
    await sql`alter table ${sql.table(table)} add constraint ${sql.id(c.name)} ${sql.raw(c.def)}`.execute(tx);
  return result;
}
