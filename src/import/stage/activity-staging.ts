import { sql } from 'kysely';
import type { CopyColumns } from '../../store/bulk/copy-rows.ts';
import type { Db } from '../../store/db.ts';
import type { ActivityRecord } from '../records/activity-record.ts';

/*
 * The staging table of an activities import: one row per valid CSV row, as the mapping read it, with the names
 * it refers to still names. It is a temporary table dropped at commit (or with the rollback), so nothing of it
 * outlives the import transaction, and two imports in two sessions never see each other's rows.
 */

export const STAGING_TABLE = 'import_activities';

/** COPY column order and types; `raw` is the row as it stands in the file, kept to report it if SQL rejects it. */
export const STAGING_COLUMNS: CopyColumns = {
  line: 'int4',
  external_id: 'text',
  type: 'text',
  direction: 'text',
  outcome: 'text',
  duration_seconds: 'int4',
  occurred_at: 'timestamptz',
  subject: 'text',
  owner_key: 'text',
  owner_name: 'text',
  owner_email: 'text',
  account_key: 'text',
  account_name: 'text',
  contact_key: 'text',
  contact_name: 'text',
  contact_email: 'text',
  opportunity_key: 'text',
  raw: 'text',
};

/**
 * How a name is matched: trimmed and lower-cased in JS (the same key references.ts uses), compared with
 * `lower(column)` of the store, so the staged and the batched importer match the same rows.
 */
export const matchKey = (s: string): string => s.trim().toLowerCase();

/** A person reference's key: by e-mail when the row gives one, else by name ('e:...' / 'n:...'). */
export function personKey(ref: { name: string | null; email: string | null } | null): string | null {
  if (!ref) return null;
  return ref.email ? `e:${matchKey(ref.email)}` : `n:${matchKey(ref.name ?? '')}`;
}

/** One record as a staging row, in STAGING_COLUMNS order. */
export function stagingRow(r: ActivityRecord, raw: string): unknown[] {
  return [
    r.line,
    r.externalId,
    r.type,
    r.direction,
    r.outcome,
    r.durationSeconds,
    r.occurredAt,
    r.subject,
    personKey(r.owner),
    r.owner?.name ?? null,
    r.owner?.email ?? null,
    r.account ? matchKey(r.account) : null,
    r.account,
    personKey(r.contact),
    r.contact?.name ?? null,
    r.contact?.email ?? null,
    r.opportunity ? matchKey(r.opportunity) : null,
    raw,
  ];
}

/** Creates the (empty) staging table in the import transaction. */
export async function createStagingTable(tx: Db): Promise<void> {
  const columns = Object.entries(STAGING_COLUMNS).map(([name, type]) => `${name} ${type}`);
  await sql`create temporary table ${sql.table(STAGING_TABLE)} (${sql.raw(columns.join(', '))}) on commit drop`.execute(
    tx,
  );
}
