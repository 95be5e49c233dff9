import { sql } from 'kysely';
import { beforeEach, expect, it } from 'vitest';
import type { Db } from '../../src/store/db.ts';
import { RESPONSE_CHUNK } from '../../src/store/derived/lead-response.ts';
import { refreshDerived } from '../../src/store/derived/refresh.ts';
import type { ActivitiesTable } from '../../src/store/schema.ts';
import { describeStores, truncateAll } from '../support/stores.ts';

type NewActivity = Partial<Pick<ActivitiesTable, 'contact_id' | 'lead_id'>> & {
  at: string;
  type?: ActivitiesTable['type'];
  direction?: 'outbound' | 'inbound';
};

async function contact(db: Db, name: string): Promise<number> {
  const r = await db.insertInto('contacts').values({ name }).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

async function lead(
  db: Db,
  name: string,
  createdAt: string,
  convertedContactId: number | null = null,
): Promise<number> {
  const r = await db
    .insertInto('leads')
    .values({ name, created_at: createdAt, converted_contact_id: convertedContactId })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

async function activity(db: Db, a: NewActivity): Promise<number> {
  const r = await db
    .insertInto('activities')
    .values({
      type: a.type ?? 'call',
      direction: a.direction ?? 'outbound',
      contact_id: a.contact_id ?? null,
      lead_id: a.lead_id ?? null,
      occurred_at: a.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

async function newProspectIds(db: Db): Promise<number[]> {
  const rows = await db
    .selectFrom('activities')
    .select('id')
    .where('is_new_prospect', '=', true)
    .orderBy('id')
    .execute();
  return rows.map((r) => r.id);
}

async function contactFirstTouch(db: Db, id: number): Promise<string | null> {
  const r = await db
    .selectFrom('contacts')
    .select('first_touch_at')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return r.first_touch_at?.toISOString() ?? null;
}

async function leadDerived(db: Db, id: number) {
  const r = await db
    .selectFrom('leads')
    .select(['first_touch_at', 'first_response_at', 'response_business_minutes'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return {
    firstTouch: r.first_touch_at?.toISOString() ?? null,
    firstResponse: r.first_response_at?.toISOString() ?? null,
    minutes: r.response_business_minutes,
  };
}

describeStores('derived columns', (ctx) => {
  beforeEach(async () => {
    await truncateAll(ctx.db);
  });

  it('flags only the first touch of a contact; inbound activities are not touches, any meeting is', async () => {
    const c = await contact(ctx.db, 'Ada');
    await activity(ctx.db, {
      contact_id: c,
      at: '2026-11-02T09:00:00Z',
      type: 'email',
      direction: 'inbound',
    });
    const first = await activity(ctx.db, { contact_id: c, at: '2026-11-03T09:00:00Z' });
    await activity(ctx.db, { contact_id: c, at: '2026-11-04T09:00:00Z', type: 'email' });
    const d = await contact(ctx.db, 'Bob');
    const meeting = await activity(ctx.db, {
      contact_id: d,
      at: '2026-11-05T15:00:00Z',
      type: 'meeting',
      direction: 'inbound',
    });

    await refreshDerived(ctx.db, { contactIds: [c, d] });

    expect(await newProspectIds(ctx.db)).toEqual([first, meeting]);
    expect(await contactFirstTouch(ctx.db, c)).toBe('2026-11-03T09:00:00.000Z');
    expect(await contactFirstTouch(ctx.db, d)).toBe('2026-11-05T15:00:00.000Z');
  });

  it('breaks ties on the same instant by id', async () => {
    const c = await contact(ctx.db, 'Tie');
    const a = await activity(ctx.db, { contact_id: c, at: '2026-11-03T09:00:00Z' });
    await activity(ctx.db, { contact_id: c, at: '2026-11-03T09:00:00Z', type: 'email' });
    await refreshDerived(ctx.db, { contactIds: [c] });
    expect(await newProspectIds(ctx.db)).toEqual([a]);
  });

  it('out-of-order import: an older activity arriving later becomes the new-prospect touch', async () => {
    const c = await contact(ctx.db, 'Late');
    const later = await activity(ctx.db, { contact_id: c, at: '2026-11-10T09:00:00Z' });
    await refreshDerived(ctx.db, { contactIds: [c] });
    expect(await newProspectIds(ctx.db)).toEqual([later]);

    const older = await activity(ctx.db, { contact_id: c, at: '2026-11-01T09:00:00Z' });
    await refreshDerived(ctx.db, { contactIds: [c] });
    expect(await newProspectIds(ctx.db)).toEqual([older]);
    expect(await contactFirstTouch(ctx.db, c)).toBe('2026-11-01T09:00:00.000Z');
  });

  it('treats a converted lead and its contact as one person', async () => {
    const c = await contact(ctx.db, 'Converted');
    const l = await lead(ctx.db, 'Converted lead', '2026-11-02T08:00:00Z', c);
    const onLead = await activity(ctx.db, { lead_id: l, at: '2026-11-02T10:00:00Z' });
    await activity(ctx.db, { contact_id: c, at: '2026-11-06T10:00:00Z' });
    // Refreshing by the lead alone reaches the contact's activities too.
    await refreshDerived(ctx.db, { leadIds: [l] });
    expect(await newProspectIds(ctx.db)).toEqual([onLead]);
    expect(await contactFirstTouch(ctx.db, c)).toBe('2026-11-02T10:00:00.000Z');
    expect((await leadDerived(ctx.db, l)).firstTouch).toBe('2026-11-02T10:00:00.000Z');
  });

  it("computes the brief's response example: created Friday 17:55, called Monday 09:10 = 15 business minutes", async () => {
    const l = await lead(ctx.db, 'Friday lead', '2026-11-20T17:55:00Z');
    // An inbound email is neither a touch nor a response.
    await activity(ctx.db, { lead_id: l, at: '2026-11-21T09:00:00Z', type: 'email', direction: 'inbound' });
    await activity(ctx.db, { lead_id: l, at: '2026-11-23T09:10:00Z' });
    const never = await lead(ctx.db, 'Untouched', '2026-11-20T10:00:00Z');
    await refreshDerived(ctx.db, { leadIds: [l, never] });
    expect(await leadDerived(ctx.db, l)).toEqual({
      firstTouch: '2026-11-23T09:10:00.000Z',
      firstResponse: '2026-11-23T09:10:00.000Z',
      minutes: 15,
    });
    expect(await leadDerived(ctx.db, never)).toEqual({
      firstTouch: null,
      firstResponse: null,
      minutes: null,
    });
  });

  it('does not count a touch of the same person before the lead was created as its response', async () => {
    const c = await contact(ctx.db, 'Returning');
    await activity(ctx.db, { contact_id: c, at: '2026-10-01T10:00:00Z' });
    const l = await lead(ctx.db, 'Returning lead', '2026-11-23T10:00:00Z', c);
    await activity(ctx.db, { contact_id: c, at: '2026-11-23T11:30:00Z', type: 'email' });
    await refreshDerived(ctx.db, { contactIds: [c] });
    expect(await leadDerived(ctx.db, l)).toEqual({
      firstTouch: '2026-10-01T10:00:00.000Z',
      firstResponse: '2026-11-23T11:30:00.000Z',
      minutes: 90,
    });
  });

  it('leaves people outside the scope alone, and { all: true } fixes everyone', async () => {
    const a = await contact(ctx.db, 'In scope');
    const b = await contact(ctx.db, 'Out of scope');
    const aAct = await activity(ctx.db, { contact_id: a, at: '2026-11-03T09:00:00Z' });
    const bAct = await activity(ctx.db, { contact_id: b, at: '2026-11-03T09:00:00Z' });
    await refreshDerived(ctx.db, { contactIds: [a] });
    expect(await newProspectIds(ctx.db)).toEqual([aAct]);
    expect(await contactFirstTouch(ctx.db, b)).toBeNull();

    // A stale flag on a non-touch is cleared by a full refresh.
    await ctx.db
      .updateTable('activities')
      .set({ direction: 'inbound', is_new_prospect: true })
      .where('id', '=', aAct)
      .execute();
    await refreshDerived(ctx.db, { all: true });
    expect(await newProspectIds(ctx.db)).toEqual([bAct]);
    expect(await contactFirstTouch(ctx.db, a)).toBeNull();
    expect(await contactFirstTouch(ctx.db, b)).toBe('2026-11-03T09:00:00.000Z');
  });

  it(`writes response minutes for more leads than one chunk (${RESPONSE_CHUNK})`, async () => {
    const n = RESPONSE_CHUNK + 3;
    // Lead i is created Monday 2026-11-23 10:00 UTC and called i % 60 minutes later.
    await sql`insert into leads (name, created_at)
      select 'bulk ' || i, timestamptz '2026-11-23 10:00:00+00' from generate_series(1, ${n}::int) i`.execute(
      ctx.db,
    );
    await sql`insert into activities (type, direction, lead_id, occurred_at)
      select 'call', 'outbound', l.id, l.created_at + ((l.id % 60) * interval '1 minute') from leads l`.execute(
      ctx.db,
    );
    await refreshDerived(ctx.db, { all: true });
    const r = await sql<{ n: number; total: number; mismatched: number }>`
      select count(*)::bigint as n, sum(response_business_minutes)::bigint as total,
        count(*) filter (where response_business_minutes <> id % 60)::bigint as mismatched
      from leads`.execute(ctx.db);
    expect(r.rows[0]?.n).toBe(n);
    expect(r.rows[0]?.mismatched).toBe(0);
    // ids 1..5003: 83 full cycles of 0..59 (sum 1770 each) plus ids 4981..5003 giving 1..23 (sum 276).
    expect(r.rows[0]?.total).toBe(83 * 1770 + 276);
  });
});
