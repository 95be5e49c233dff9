import { sql, type Transaction } from 'kysely';
import type { Database } from '../schema.ts';

/**
 * Truncates, inside `tx`, those of `tables` that are empty together with every table that references them
 * (foreign keys, transitively, which TRUNCATE must name too), and returns the tables now fresh in `tx`: their
 * storage was replaced in this transaction. PostgreSQL then lets a bulk load skip work it would otherwise do:
 * `COPY ... WITH (FREEZE)` writes rows already frozen, so the scans that follow (index builds, foreign-key
 * checks, the derived refresh, ANALYZE) do not rewrite every page to set hint bits; and with
 * `wal_level = minimal` (our PGlite stores) the load and its index builds skip the write-ahead log.
 *
 * Nothing that holds a row is truncated: a table is left as it is when it, or any table referencing it, has
 * rows. TRUNCATE takes an ACCESS EXCLUSIVE lock until commit, like the bulk load that follows anyway.
 */
export async function freshenEmptyTables(
  tx: Transaction<Database>,
  tables: readonly string[],
): Promise<Set<string>> {
  const fresh = new Set<string>();
  const truncate = new Set<string>();
  for (const table of tables) {
    const closure = await sql<{ name: string }>`
      with recursive refs(oid) as (
        select ${table}::regclass::oid
        union
        select c.conrelid from pg_constraint c join refs r on c.confrelid = r.oid
        where c.contype = 'f' and c.conrelid <> c.confrelid
      )
      select cl.relname as name from refs r join pg_class cl on cl.oid = r.oid order by cl.relname`.execute(
      tx,
    );
    const names = closure.rows.map((r) => r.name);
    let empty = true;
    for (const name of names) {
      const any = await sql`select 1 from ${sql.table(name)} limit 1`.execute(tx);
      if (any.rows.length > 0) {
        empty = false;
        break;
      }
    }
    if (!empty) continue;
    for (const name of names) truncate.add(name);
    fresh.add(table);
  }
  if (truncate.size > 0) await sql`truncate ${sql.join([...truncate].map((t) => sql.table(t)))}`.execute(tx);
  return fresh;
}
