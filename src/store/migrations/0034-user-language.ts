import { type Kysely } from 'kysely';
import { runStatements } from './run-statements.ts';

/**
 * Issue 19: the language each user reads the app and its documents in (src/domain/i18n/languages.ts). Null: not
 * chosen, so the browser's preference decides (and English for documents printed without a browser's).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    alter table users add column language text check (language in ('en', 'pl', 'he', 'ro'));
    `,
  );
}
