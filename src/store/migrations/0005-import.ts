import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.ts';

/**
 * CRM import: history rows get a source id (OpportunityHistory re-imports upsert) and a flag for rows the importer
 * synthesized from a deal's dates, which a later history import replaces; import runs keep created/updated counts;
 * case-insensitive name look-ups used to resolve reps, contacts and deals get indexes.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    alter table opportunity_history add column external_id text;
    alter table opportunity_history add column synthesized boolean not null default false;
    create unique index opportunity_history_external_id_key on opportunity_history(external_id);
    alter table imports add column rows_created integer not null default 0;
    alter table imports add column rows_updated integer not null default 0;
    alter table imports add column rows_unchanged integer not null default 0;
    alter table imports add column rows_skipped integer not null default 0;
    alter table imports add column error text;
    create index users_name_lower_idx on users(lower(name));
    create index contacts_email_lower_idx on contacts(lower(email));
    create index contacts_name_lower_idx on contacts(lower(name));
    create index opportunities_name_lower_idx on opportunities(lower(name));
  `,
  );
}
