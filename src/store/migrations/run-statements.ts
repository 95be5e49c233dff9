import { sql, type Kysely } from 'kysely';

/**
 * Runs a migration script one statement at a time: PGlite's extended protocol accepts a single statement per
 * query. Statements are split at a semicolon that ends a line, so keep function bodies free of those.
 */
export async function runStatements(db: Kysely<unknown>, script: string): Promise<void> {
  const statements = script
    .split(/;\s*\n/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}
