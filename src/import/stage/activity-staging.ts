import { sql } from 'kysely';
import type { CopyColumns } from '../../store/bulk/copy-rows.ts';
import { escapeField } from '../../store/bulk/copy-text.ts';
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
  time_category: 'text',
  booked_at: 'timestamptz',
  note: 'text',
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

/** A text value as a COPY field: `\\N` for null. */
const text = (s: string | null): string => (s === null ? '\\N' : escapeField(s));

/**
 * One record as a line of COPY text in STAGING_COLUMNS order. Written out by hand rather than through the
 * generic copyLine: the columns and their types are fixed, and this runs once per row of a million-row file.
 * (AppError for a NUL: nulErrors refuses such rows before they get here; escapeField refuses it again.)
 */
export function stagingLine(r: ActivityRecord, raw: string): string {
  const owner = r.owner;
  const contact = r.contact;
  return (
    `${r.line}\t${text(r.externalId)}\t${text(r.type)}\t${text(r.direction)}\t${text(r.outcome)}\t` +
    `${r.durationSeconds === null ? '\\N' : String(r.durationSeconds)}\t${r.occurredAt.toISOString()}\t` +
    `${text(r.subject)}\t${text(personKey(owner))}\t${text(owner?.name ?? null)}\t${text(owner?.email ?? null)}\t` +
    `${text(r.account ? matchKey(r.account) : null)}\t${text(r.account)}\t${text(personKey(contact))}\t` +
    `${text(contact?.name ?? null)}\t${text(contact?.email ?? null)}\t` +
    `${text(r.opportunity ? matchKey(r.opportunity) : null)}\t${text(r.timeCategory)}\t` +
    `${r.bookedAt === null ? '\\N' : r.bookedAt.toISOString()}\t${text(r.note)}\t${text(raw)}\n`
  );
}

/** Creates the (empty) staging table in the import transaction. */
export async function createStagingTable(tx: Db): Promise<void> {
  const columns = Object.entries(STAGING_COLUMNS).map(([name, type]) => `${name} ${type}`);
  await sql`create temporary table ${sql.table(STAGING_TABLE)} (${sql.raw(columns.join(', '))}) on commit drop`.execute(
    tx,
  );
}
