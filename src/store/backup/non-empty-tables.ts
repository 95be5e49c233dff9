/** Runs one SQL statement and returns its rows; PGlite's and Kysely's query functions both fit. */
export type RunSql = <R>(statement: string) => Promise<R[]>;

/**
 * Tables of the store's schema that hold rows, besides the ones every store has from its first start (the
 * settings row and the migration bookkeeping): a restore over any of them would lose data, so it needs --force.
 */
export async function nonEmptyTables(run: RunSql): Promise<string[]> {
  const tables = await run<{ name: string }>(
    `select tablename as name from pg_tables
     where schemaname = current_schema()
       and tablename not in ('settings', 'kysely_migration', 'kysely_migration_lock')
     order by tablename`,
  );
  if (tables.length === 0) return [];
  const probes = tables.map(
    (t) => `select ${quoteLiteral(t.name)} as name where exists (select 1 from ${quoteIdent(t.name)})`,
  );
  const rows = await run<{ name: string }>(probes.join(' union all '));
  return rows.map((r) => r.name).sort();
}

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

function quoteLiteral(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/** The refusal for a restore over data without --force. */
export function refuseOverData(where: string, tables: string[]): string {
  const shown = tables.slice(0, 5).join(', ') + (tables.length > 5 ? `, and ${tables.length - 5} more` : '');
  return (
    `The store ${where} already has data (in ${shown}); restore replaces all of it: ` +
    `add --force to do that, or restore into an empty store.`
  );
}
