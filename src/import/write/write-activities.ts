import type { Insertable } from 'kysely';
import type { Db } from '../../store/db.ts';
import type { ActivitiesTable } from '../../store/schema.ts';
import type { FieldError } from '../mapping/compile.ts';
import type { ActivityRecord } from '../records/activity-record.ts';
import { sql } from 'kysely';
import { ACTIVITY_IMPORT_COLUMNS } from './activity-columns.ts';
import { changedColumns, collect, emptyBatchResult, takeExcluded, type BatchResult } from './batch-result.ts';
import type { References } from './references.ts';
import { loadExistingOwners, rowAccessErrors } from './row-access.ts';

const COLUMNS = ACTIVITY_IMPORT_COLUMNS;

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
  const existing = await loadExistingOwners(
    tx,
    refs.viewer,
    'activities',
    records.map((r) => r.externalId),
  );
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
    errors.push(...rowAccessErrors(refs.viewer, { ...r, ownerId: userId }, existing));
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
      time_category: r.timeCategory,
      booked_at: r.bookedAt,
      note: r.note,
      logged_via: 'import',
    });
  }
  if (rows.length === 0) return result;
  // unnest() binds 11 arrays instead of 11 parameters per row: 2-4x faster per batch on PGlite, and the
  // statement plans the same however many rows it carries.
  const col = <K extends keyof (typeof rows)[number]>(k: K) => rows.map((r) => r[k] ?? null);
  const written = await sql<{ id: number; old_id: number | null; old_contact_id: number | null }>`
    with input as (
      select * from unnest(
        ${col('external_id')}::text[], ${col('type')}::text[], ${col('direction')}::text[], ${col('outcome')}::text[],
        ${col('duration_seconds')}::int[], ${col('user_id')}::bigint[], ${col('account_id')}::bigint[],
        ${col('contact_id')}::bigint[], ${col('opportunity_id')}::bigint[], ${col('subject')}::text[],
        ${rows.map((r) => (r.occurred_at as Date).toISOString())}::timestamptz[], ${col('time_category')}::text[],
        ${rows.map((r) => (r.booked_at instanceof Date ? r.booked_at.toISOString() : null))}::timestamptz[],
        ${col('note')}::text[], ${col('logged_via')}::text[]
      ) as t(external_id, ${sql.raw(COLUMNS.join(', '))})
    ),
    old as (
      select a.id, a.external_id, a.contact_id from activities a join input i on i.external_id = a.external_id
    ),
    up as (
      insert into activities (external_id, ${sql.raw(COLUMNS.join(', '))})
      select external_id, ${sql.raw(COLUMNS.join(', '))} from input
      on conflict (external_id) do update set ${sql.raw(takeExcluded(COLUMNS))}
      where ${sql.raw(changedColumns('activities', COLUMNS))}
      returning id, external_id
    )
    select up.id, old.id as old_id, old.contact_id as old_contact_id
    from up left join old on old.external_id = up.external_id`
    .execute(tx)
    .then((r) => r.rows);
  // Inserted rows are folded into the stored first touches; updated rows are recomputed with their people now
  // and before (see RefreshRequest in src/store/derived/people.ts).
  const previous = new Set<number>();
  result.addedActivityIds = [];
  result.changedActivityIds = [];
  for (const w of written) {
    if (w.old_id === null) {
      result.created += 1;
      result.addedActivityIds.push(Number(w.id));
    } else {
      result.updated += 1;
      result.changedActivityIds.push(Number(w.id));
      if (w.old_contact_id !== null) previous.add(Number(w.old_contact_id));
    }
  }
  result.contactIds = [...previous];
  result.unchanged = rows.length - written.length;
  return result;
}
