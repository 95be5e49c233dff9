import type { Insertable } from 'kysely';
import type { Db } from '../../store/db.ts';
import type { LeadsTable } from '../../store/schema.ts';
import type { FieldError } from '../mapping/compile.ts';
import type { LeadRecord } from '../records/lead-record.ts';
import { collect, emptyBatchResult, type BatchResult } from './batch-result.ts';
import type { References } from './references.ts';
import { loadExistingOwners, rowAccessErrors } from './row-access.ts';
import { countWritten, upsertByExternalId } from './upsert-by-external-id.ts';

const COLUMNS = [
  'name',
  'email',
  'company',
  'source',
  'owner_id',
  'status',
  'created_at',
  'converted_at',
] as const;

/** Upserts a batch of leads by external id; returns their ids for the derived-column refresh. */
export async function writeLeads(tx: Db, refs: References, records: LeadRecord[]): Promise<BatchResult> {
  const result = emptyBatchResult();
  await refs.loadUsers(records.map((r) => r.owner));
  const existing = await loadExistingOwners(
    tx,
    refs.viewer,
    'leads',
    records.map((r) => r.externalId),
  );
  const rows: Array<Insertable<LeadsTable> & { external_id: string }> = [];
  for (const r of records) {
    const errors: FieldError[] = [];
    const ownerId = collect(refs.user(r.owner), errors);
    errors.push(...rowAccessErrors(refs.viewer, { ...r, ownerId }, existing));
    if (errors.length > 0) {
      result.rejects.push({ line: r.line, errors });
      continue;
    }
    rows.push({
      external_id: r.externalId,
      name: r.name,
      email: r.email,
      company: r.company,
      source: r.source,
      owner_id: ownerId ?? null,
      status: r.status,
      created_at: r.createdAt,
      converted_at: r.convertedAt,
    });
  }
  if (rows.length === 0) return result;
  const written = await upsertByExternalId(tx, 'leads', rows, COLUMNS, { touchUpdatedAt: true });
  countWritten(result, rows.length, written, result.leadIds);
  return result;
}
