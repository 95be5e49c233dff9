import { sql, type Transaction } from 'kysely';
import type {
  CapturedActivity,
  CaptureStatus,
  LoggedVia,
} from '../../../domain/capture/captured-activity.ts';
import { changedColumns, takeExcluded } from '../../../import/write/batch-result.ts';
import type { Database } from '../../schema.ts';

/** A captured activity with its rep and contact resolved to ids. */
export type ResolvedActivity = CapturedActivity & { userId: number | null; contactId: number | null };

/** The columns capture writes besides id and external_id; a stored row is updated only when one changed. */
const COLUMNS = [
  'type',
  'direction',
  'outcome',
  'duration_seconds',
  'user_id',
  'lead_id',
  'contact_id',
  'account_id',
  'opportunity_id',
  'subject',
  'occurred_at',
  'time_category',
  'booked_at',
  'note',
  'logged_via',
] as const;

/**
 * Writes the rows in one statement and returns, in input order, each row's id and what happened to it. Ids are
 * drawn from the sequence first, so rows without an external id get known ids; rows with one upsert on the
 * unique external_id (ON CONFLICT), so two identical batches at once cannot both insert: the second waits for the
 * first's commit and then finds the row. Rows are written in external-id order so that two batches holding the
 * same ids in different orders wait for each other instead of deadlocking.
 */
export async function upsertCaptured(
  tx: Transaction<Database>,
  rows: readonly ResolvedActivity[],
  loggedVia: LoggedVia,
): Promise<Array<{ id: number; status: CaptureStatus }>> {
  if (rows.length === 0) return [];
  const fresh = await sql<{ id: number }>`
    select nextval(pg_get_serial_sequence('activities', 'id')) as id from generate_series(1, ${rows.length})`.execute(
    tx,
  );
  const order = rows
    .map((r, i) => ({ r, i }))
    .sort((a, b) => (a.r.externalId ?? '').localeCompare(b.r.externalId ?? '') || a.i - b.i);
  const col = <T>(f: (r: ResolvedActivity, i: number) => T) => order.map(({ r, i }) => f(r, i));
  const written = await sql<{ id: number; inserted: boolean }>`
    with input as (
      select * from unnest(
        ${col((_, i) => Number(fresh.rows[i]?.id))}::bigint[], ${col((r) => r.externalId)}::text[],
        ${col((r) => r.type)}::text[], ${col((r) => r.direction)}::text[], ${col((r) => r.outcome)}::text[],
        ${col((r) => r.durationSeconds)}::int[], ${col((r) => r.userId)}::bigint[], ${col((r) => r.leadId)}::bigint[],
        ${col((r) => r.contactId)}::bigint[], ${col((r) => r.accountId)}::bigint[],
        ${col((r) => r.opportunityId)}::bigint[], ${col((r) => r.subject)}::text[],
        ${col((r) => r.occurredAt.toISOString())}::timestamptz[], ${col((r) => r.timeCategory ?? null)}::text[],
        ${col((r) => r.bookedAt?.toISOString() ?? null)}::timestamptz[], ${col((r) => r.note ?? null)}::text[],
        ${col(() => loggedVia)}::text[]
      ) with ordinality as t(id, external_id, ${sql.raw(COLUMNS.join(', '))}, ord)
    )
    insert into activities (id, external_id, ${sql.raw(COLUMNS.join(', '))})
    select id, external_id, ${sql.raw(COLUMNS.join(', '))} from input order by ord
    on conflict (external_id) do update set ${sql.raw(takeExcluded(COLUMNS))}
    where ${sql.raw(changedColumns('activities', COLUMNS))}
    returning id, (xmax = 0) as inserted`
    .execute(tx)
    .then((r) => r.rows);
  const fate = new Map(written.map((w) => [Number(w.id), w.inserted ? 'created' : 'updated'] as const));
  // Rows left as they were are not returned by the upsert: their ids come from the stored external ids.
  const keyed = rows.flatMap((r) => (r.externalId === null ? [] : [r.externalId]));
  const stored = new Map(
    keyed.length === 0
      ? []
      : (
          await tx
            .selectFrom('activities')
            .select(['id', 'external_id'])
            .where('external_id', 'in', keyed)
            .execute()
        ).map((s) => [s.external_id as string, s.id]),
  );
  return rows.map((r, i) => {
    const id = r.externalId === null ? Number(fresh.rows[i]?.id) : stored.get(r.externalId);
    if (id === undefined) throw new Error(`captured activity ${r.externalId} was not written`);
    return { id, status: fate.get(id) ?? 'unchanged' };
  });
}
