import type { Insertable } from 'kysely';
import type { Db } from '../../store/db.ts';
import type { ContactsTable } from '../../store/schema.ts';
import type { FieldError } from '../mapping/compile.ts';
import type { ContactRecord } from '../records/contact-record.ts';
import { collect, emptyBatchResult, type BatchResult } from './batch-result.ts';
import type { References } from './references.ts';
import { loadExistingOwners, rowAccessErrors } from './row-access.ts';
import { countWritten, upsertByExternalId } from './upsert-by-external-id.ts';

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
  const existing = await loadExistingOwners(
    tx,
    refs.viewer,
    'contacts',
    records.map((r) => r.externalId),
  );
  const rows: Array<Insertable<ContactsTable> & { external_id: string }> = [];
  for (const r of records) {
    const errors: FieldError[] = [];
    const ownerId = collect(refs.user(r.owner), errors);
    const accountId = collect(refs.account(r.account), errors);
    errors.push(...rowAccessErrors(refs.viewer, { ...r, ownerId }, existing));
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
  const written = await upsertByExternalId(tx, 'contacts', rows, COLUMNS, { touchUpdatedAt: true });
  countWritten(result, rows.length, written, result.contactIds);
  return result;
}
