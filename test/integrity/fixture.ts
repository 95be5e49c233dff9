import type { Db } from '../../src/store/db.ts';
import { updateSettings } from '../../src/store/tables/settings.ts';
import { truncateAll } from '../support/stores.ts';
import { contact, team, user } from '../metrics/fixtures.ts';

/**
 * The hand-computed integrity fixture (docs/capture.md, "Integrity (data quality)"), workspace zone
 * America/New_York (EDT, UTC-4 in July), working hours 09:00-18:00. Ann (team Alpha) has, in July 2026:
 *
 * zero_length_call_share: outbound calls of 0, 9, 10 and 11 s (10 s is NOT zero-length), one without a duration
 * and an inbound 0 s call (neither judged) -> 2 / 4.
 *
 * repeat_touch_share: contact c1 touched 10:00, 11:00 (e-mails; an inbound call at 10:30 is no touch), a meeting
 * at 12:00 (3rd: repeat), an e-mail at 23:30 local (still 2 July in New York, 03:30Z on 3 July: 4th, repeat) and
 * one at 00:30 local on 3 July (1st of that day); Bob's two touches of c1 that morning are not Ann's. Contact c2:
 * three e-mails at the same instant (the 3rd by id is a repeat). Lead l1: three e-mails on 6 July (3rd repeat).
 * -> 4 / 11. In UTC the 23:30 e-mail falls on 3 July and only 3 / 11 are repeats.
 *
 * bulk_logged_share, typed-in rows (quick_log), one every 30 s:
 *   burst 1: 10 rows from 17:59:30 local on 9 July: the first is inside working hours (it still counts toward the
 *            burst), the other 9 from exactly 18:00 are bulk;
 *   burst 2: 9 rows from 19:00 on 10 July (one row short; an imported row and a row of Bob's in the same minutes
 *            do not count) -> 0;
 *   burst 3: 10 rows from 11:00 on 13 July (working hours) -> 0;
 *   burst 4: 10 rows from 23:57:30 on 14 July across midnight -> 10;
 *   burst 5: 10 rows from 16:00 local on 16 July (20:00 UTC: after hours only in UTC) -> 0.
 *   -> 19 / 49 (in UTC 10 + 10 + 10 = 30 / 49). Bob: 1 typed-in row, 0 bulk.
 */
export interface IntegrityFixture {
  alpha: number;
  beta: number;
  ann: number;
  bob: number;
  cid: number;
}

interface Row {
  user_id: number;
  type: 'call' | 'email' | 'meeting' | 'other';
  direction?: 'outbound' | 'inbound';
  outcome?: 'held' | null;
  occurred_at: string;
  duration_seconds?: number | null;
  contact_id?: number | null;
  lead_id?: number | null;
  logged_via?: 'quick_log' | 'import' | null;
  created_at?: string;
}

async function insert(db: Db, rows: Row[]): Promise<void> {
  // One row per statement: ties in occurred_at are ordered by id, so insertion order is the test's order.
  for (const r of rows) {
    await db
      .insertInto('activities')
      .values({
        user_id: r.user_id,
        type: r.type,
        direction: r.direction ?? 'outbound',
        outcome: r.outcome ?? null,
        occurred_at: r.occurred_at,
        duration_seconds: r.duration_seconds ?? null,
        contact_id: r.contact_id ?? null,
        lead_id: r.lead_id ?? null,
        logged_via: r.logged_via ?? null,
        ...(r.created_at ? { created_at: r.created_at } : {}),
      })
      .execute();
  }
}

/** `n` typed-in rows of `userId`, one every 30 s from `startUtc` (also their occurred_at, minus an hour). */
function burst(
  userId: number,
  startUtc: string,
  n: number,
  via: 'quick_log' | 'import' = 'quick_log',
): Row[] {
  const t0 = Date.parse(startUtc);
  return Array.from({ length: n }, (_, i) => {
    const created = new Date(t0 + i * 30_000);
    return {
      user_id: userId,
      type: 'other' as const,
      occurred_at: new Date(created.getTime() - 3_600_000).toISOString(),
      logged_via: via,
      created_at: created.toISOString(),
    };
  });
}

export async function loadIntegrityFixture(db: Db): Promise<IntegrityFixture> {
  await truncateAll(db);
  await updateSettings(db, { timeZone: 'America/New_York' });
  const alpha = await team(db, 'Alpha');
  const beta = await team(db, 'Beta');
  const ann = await user(db, 'Ann', alpha);
  const bob = await user(db, 'Bob', alpha);
  const cid = await user(db, 'Cid', beta);
  const [c1, c2] = [await contact(db), await contact(db)];
  const { id: l1 } = await db
    .insertInto('leads')
    .values({ name: 'L1', created_at: '2026-06-01T00:00:00Z' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const call = (
    at: string,
    duration_seconds: number | null,
    direction: 'outbound' | 'inbound' = 'outbound',
  ): Row => ({
    user_id: ann,
    type: 'call',
    occurred_at: at,
    duration_seconds,
    direction,
  });
  const email = (userId: number, at: string, person: { contact_id?: number; lead_id?: number }): Row => ({
    user_id: userId,
    type: 'email',
    occurred_at: at,
    ...person,
  });
  await insert(db, [
    call('2026-07-01T14:00:00Z', 0),
    call('2026-07-01T14:01:00Z', 9),
    call('2026-07-01T14:02:00Z', 10),
    call('2026-07-01T14:03:00Z', 11),
    call('2026-07-01T14:04:00Z', null),
    call('2026-07-01T14:05:00Z', 0, 'inbound'),
    email(ann, '2026-07-02T14:00:00Z', { contact_id: c1 }),
    email(bob, '2026-07-02T14:10:00Z', { contact_id: c1 }),
    email(bob, '2026-07-02T14:20:00Z', { contact_id: c1 }),
    { user_id: ann, type: 'call', direction: 'inbound', occurred_at: '2026-07-02T14:30:00Z', contact_id: c1 },
    email(ann, '2026-07-02T15:00:00Z', { contact_id: c1 }),
    { user_id: ann, type: 'meeting', outcome: 'held', occurred_at: '2026-07-02T16:00:00Z', contact_id: c1 },
    email(ann, '2026-07-03T03:30:00Z', { contact_id: c1 }),
    email(ann, '2026-07-03T04:30:00Z', { contact_id: c1 }),
    email(ann, '2026-07-08T14:00:00Z', { contact_id: c2 }),
    email(ann, '2026-07-08T14:00:00Z', { contact_id: c2 }),
    email(ann, '2026-07-08T14:00:00Z', { contact_id: c2 }),
    email(ann, '2026-07-06T13:00:00Z', { lead_id: l1 }),
    email(ann, '2026-07-06T13:10:00Z', { lead_id: l1 }),
    email(ann, '2026-07-06T13:20:00Z', { lead_id: l1 }),
    ...burst(ann, '2026-07-09T21:59:30Z', 10),
    ...burst(ann, '2026-07-10T23:00:00Z', 9),
    ...burst(ann, '2026-07-10T23:01:00Z', 1, 'import'),
    ...burst(bob, '2026-07-10T23:02:00Z', 1),
    ...burst(ann, '2026-07-13T15:00:00Z', 10),
    ...burst(ann, '2026-07-15T03:57:30Z', 10),
    ...burst(ann, '2026-07-16T20:00:00Z', 10),
  ]);
  return { alpha, beta, ann, bob, cid };
}
