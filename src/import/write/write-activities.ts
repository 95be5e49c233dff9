import type { Insertable } from 'kysely';
import type { Db } from '../../store/db.ts';
import type { ActivitiesTable } from '../../store/schema.ts';
import type { FieldError } from '../mapping/compile.ts';
import type { ActivityRecord } from '../records/activity-record.ts';
import { sql } from 'kysely';
import { changedColumns, collect, emptyBatchResult, type BatchResult } from './batch-result.ts';
import type { References } from './references.ts';

const COLUMNS = [
  'type',
  'direction',
  'outcome',
  'duration_seconds',
  'user_id',
  'account_id',
  'contact_id',
  'opportunity_id',
  'subject',
  'occurred_at',
] as const;

/**
 * Upserts a batch of activities by external id. Reps, accounts and contacts are resolved (or created with
 * createMissing); a deal is linked by name only when exactly one deal has that name, and never created.
 */
export async function writeActivities(
  tx: Db,
  refs: References,
  records: ActivityRecord[],
): Promise<BatchResult> {
  const result = emptyBatchResult();
  await refs.loadUsers(records.map((r) => r.owner));
  await refs.loadAccounts(records.map((r) => r.account));
  await refs.loadOpportunitiesByName(records.map((r) => r.opportunity));
  // Contacts are created under the row's account and rep, so those resolve first.
  await refs.loadContacts(
    records.map((r) => {
      if (!r.contact) return null;
      const accountId = refs.account(r.account);
      const ownerId = refs.user(r.owner);
      return {
        ...r.contact,
        accountId: typeof accountId === 'number' ? accountId : null,
        ownerId: typeof ownerId === 'number' ? ownerId : null,
      };
    }),
  );
  const rows: Array<Insertable<ActivitiesTable> & { external_id: string }> = [];
  for (const r of records) {
    const errors: FieldError[] = [];
    const userId = collect(refs.user(r.owner), errors);
    const accountId = collect(refs.account(r.account), errors);
    const contactId = collect(refs.contact(r.contact), errors);
    if (errors.length > 0) {
      result.rejects.push({ line: r.line, errors });
      continue;
    }
    rows.push({
      external_id: r.externalId,
      type: r.type,
      direction: r.direction,
      outcome: r.outcome,
      duration_seconds: r.durationSeconds,
      user_id: userId ?? null,
      account_id: accountId ?? null,
      contact_id: contactId ?? null,
      opportunity_id: refs.opportunityByName(r.opportunity),
      subject: r.subject,
      occurred_at: r.occurredAt,
    });
  }
  if (rows.length === 0) return result;
  const written = await tx
    .with('old', (db) =>
      db
        .selectFrom('activities')
        .select(['id', 'external_id'])
        .where(
          'external_id',
          'in',
          rows.map((r) => r.external_id),
        ),
    )
    .with('up', (db) =>
      db
        .insertInto('activities')
        .values(rows)
        .onConflict((oc) =>
          oc
            .column('external_id')
            .doUpdateSet((eb) => Object.fromEntries(COLUMNS.map((c) => [c, eb.ref(`excluded.${c}`)])))
            .where(sql.raw<boolean>(changedColumns('activities', COLUMNS))),
        )
        .returning(['id', 'external_id', 'contact_id']),
    )
    .selectFrom('up')
    .leftJoin('old', 'old.external_id', 'up.external_id')
    .select(['up.id', 'up.contact_id', 'old.id as old_id'])
    .execute();
  const touched = new Set<number>();
  for (const w of written) {
    if (w.old_id === null) result.created += 1;
    else result.updated += 1;
    if (w.contact_id !== null) touched.add(w.contact_id);
  }
  result.contactIds = [...touched];
  result.unchanged = rows.length - written.length;
  return result;
}
