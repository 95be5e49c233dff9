import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.ts';

/**
 * Fit attributes for lead scoring and territory routing (issue 15). A lead carries its own attributes (web forms
 * ask for them before there is an account) and may point at an account, whose attributes fill the gaps; the
 * scoring and routing code reads `coalesce(lead, account)`.
 *
 * - company_size: employees, an integer, so bands ("50-199") are rules over numbers, not spellings.
 * - country: ISO 3166-1 alpha-2, upper case (checked), so territory rules compare codes, not names.
 * - data_quality: 'ok' | 'inaccurate' | null (not assessed); the brief's "inaccurate company data -5" rule reads it.
 * - email_domain is not stored: it is derived from email where needed (one definition, in SQL).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    alter table accounts add column company_size integer check (company_size is null or company_size >= 0);
    alter table accounts add column country text check (country is null or country ~ '^[A-Z]{2}$');
    alter table accounts add column region text;

    alter table leads add column account_id bigint references accounts(id) on delete set null;
    alter table leads add column industry text;
    alter table leads add column company_size integer check (company_size is null or company_size >= 0);
    alter table leads add column country text check (country is null or country ~ '^[A-Z]{2}$');
    alter table leads add column region text;
    alter table leads add column persona text;
    alter table leads add column data_quality text check (data_quality is null or data_quality in ('ok', 'inaccurate'));
    create index leads_account_idx on leads(account_id) where account_id is not null;
  `,
  );
}
