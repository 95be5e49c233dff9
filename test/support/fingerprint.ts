import { sql } from 'kysely';
import type { Db } from '../../src/store/db.ts';

/** One table's rows in a comparable form: how many, and a checksum of all of them in a fixed order. */
export interface TableFingerprint {
  table: string;
  rows: number;
  md5: string;
}

/**
 * Every table of the store's schema (bookkeeping included) with its row count and a checksum of its contents,
 * plus each sequence's position, so two stores compare equal only when they hold the same rows and would hand
 * out the same next ids.
 */
export async function storeFingerprint(db: Db): Promise<{
  tables: TableFingerprint[];
  sequences: Array<{ sequence: string; last: number | null }>;
}> {
  const names = await sql<{ name: string }>`
    select tablename as name from pg_tables where schemaname = current_schema() order by tablename`.execute(
    db,
  );
  const tables: TableFingerprint[] = [];
  for (const { name } of names.rows) {
    const r = await sql<{ rows: number; md5: string }>`
      select count(*)::int as rows, md5(coalesce(string_agg(t::text, e'\n' order by t::text), '')) as md5
      from ${sql.id(name)} t`.execute(db);
    const row = r.rows[0];
    if (!row) throw new Error(`no fingerprint for ${name}`);
    tables.push({ table: name, rows: Number(row.rows), md5: row.md5 });
  }
  const seqs = await sql<{ sequence: string; last: number | null }>`
    select sequencename as sequence, last_value as last from pg_sequences
    where schemaname = current_schema() order by sequencename`.execute(db);
  return { tables, sequences: seqs.rows };
}
