import { sql } from 'kysely';
import type { Insertable } from 'kysely';
import type { Db } from '../../store/db.ts';
import type { ContactsTable } from '../../store/schema.ts';
import type { FieldError } from '../mapping/compile.ts';
import type { ContactRecord } from '../records/contact-record.ts';
import { changedColumns, collect, emptyBatchResult, type BatchResult } from './batch-result.ts';
import type { References } from './references.ts';

const COLUMNS = ['name', 'email', 'account_id', 'owner_id'] as const;

/** Upserts a batch of contacts by external id. */
export async function writeContacts(
  tx: Db,
  refs: References,
  records: ContactRecord[],
): Promise<BatchResult> {
  const result = emptyBatchResult();
  await refs.loadUsers(records.map((r) => r.owner));
  await refs.loadAccounts(records.map((r) => r.account));
  const rows: Array<Insertable<ContactsTable> & { external_id: string }> = [];
  for (const r of records) {
    const errors: FieldError[] = [];
    const ownerId = collect(refs.user(r.owner), errors);
    const accountId = collect(refs.account(r.account), errors);
    if (errors.length > 0) {
      result.rejects.push({ line: r.line, errors });
      continue;
    }
    rows.push({
      external_id: r.externalId,
      name: r.name,
      email: r.email,
      account_id: accountId ?? null,
      owner_id: ownerId ?? null,
    });
  }
  if (rows.length === 0) return result;
  const written = await tx
    .with('old', (db) =>
      db
        .selectFrom('contacts')
        .select(['id', 'external_id'])
        .where(
          'external_id',
          'in',
          rows.map((r) => r.external_id),
        ),
    )
    .with('up', (db) =>
      db
        .insertInto('contacts')
        .values(rows)
        .onConflict((oc) =>
          oc
            .column('external_id')
            .doUpdateSet((eb) => ({
              ...Object.fromEntries(COLUMNS.map((c) => [c, eb.ref(`excluded.${c}`)])),
              updated_at: sql`now()`,
            }))
            .where(sql.raw<boolean>(changedColumns('contacts', COLUMNS))),
        )
        .returning(['id', 'external_id']),
    )
    .selectFrom('up')
    .leftJoin('old', 'old.external_id', 'up.external_id')
    .select(['up.id', 'old.id as old_id'])
    .execute();
  for (const w of written) {
    if (w.old_id === null) result.created += 1;
    else result.updated += 1;
    result.contactIds.push(w.id);
  }
  result.unchanged = rows.length - written.length;
  return result;
}
