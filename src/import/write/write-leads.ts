import { sql } from 'kysely';
import type { Insertable } from 'kysely';
import type { Db } from '../../store/db.ts';
import type { LeadsTable } from '../../store/schema.ts';
import type { FieldError } from '../mapping/compile.ts';
import type { LeadRecord } from '../records/lead-record.ts';
import { changedColumns, collect, emptyBatchResult, type BatchResult } from './batch-result.ts';
import type { References } from './references.ts';

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
  const rows: Array<Insertable<LeadsTable> & { external_id: string }> = [];
  for (const r of records) {
    const errors: FieldError[] = [];
    const ownerId = collect(refs.user(r.owner), errors);
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
  const written = await tx
    .with('old', (db) =>
      db
        .selectFrom('leads')
        .select(['id', 'external_id'])
        .where(
          'external_id',
          'in',
          rows.map((r) => r.external_id),
        ),
    )
    .with('up', (db) =>
      db
        .insertInto('leads')
        .values(rows)
        .onConflict((oc) =>
          oc
            .column('external_id')
            .doUpdateSet((eb) => ({
              ...Object.fromEntries(COLUMNS.map((c) => [c, eb.ref(`excluded.${c}`)])),
              updated_at: sql`now()`,
            }))
            .where(sql.raw<boolean>(changedColumns('leads', COLUMNS))),
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
    result.leadIds.push(w.id);
  }
  result.unchanged = rows.length - written.length;
  return result;
}
