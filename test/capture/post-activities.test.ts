import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApiToken } from '../../src/store/tables/api-tokens.ts';
import { bearer, signIn, testApp, type AuthHeaders } from '../support/app.ts';
import { describeStores, truncateAll } from '../support/stores.ts';
import { seedUser } from '../support/users.ts';

type App = Awaited<ReturnType<typeof testApp>>;

describeStores('POST /api/activities', (ctx) => {
  let app: App;
  let admin: AuthHeaders;
  let manager: AuthHeaders;
  let rep: AuthHeaders;
  let writeToken: AuthHeaders;
  let readToken: AuthHeaders;
  const ids = { rep: 0, other: 0, manager: 0, contact: 0 };

  beforeAll(async () => {
    await truncateAll(ctx.db);
    app = await testApp(ctx.db);
    const team = await ctx.db
      .insertInto('teams')
      .values({ name: 'East' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const a = await seedUser(ctx.db, { role: 'admin' });
    const m = await seedUser(ctx.db, { role: 'manager', email: 'mgr@acme.test' });
    const r = await seedUser(ctx.db, { role: 'rep', teamId: team.id, email: 'rep@acme.test' });
    const o = await seedUser(ctx.db, { role: 'rep', email: 'other@acme.test' });
    await ctx.db.updateTable('teams').set({ manager_id: m.id }).where('id', '=', team.id).execute();
    Object.assign(ids, { rep: r.id, other: o.id, manager: m.id });
    ids.contact = (
      await ctx.db
        .insertInto('contacts')
        .values({ name: 'Pat Buyer', email: 'pat@buyer.test', owner_id: r.id })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    admin = await signIn(app, a);
    manager = await signIn(app, m);
    rep = await signIn(app, r);
    writeToken = bearer(
      (await createApiToken(ctx.db, { name: 'dialer', scope: 'write', createdBy: a.id })).token,
    );
    readToken = bearer((await createApiToken(ctx.db, { name: 'bi', scope: 'read', createdBy: a.id })).token);
  });
  afterAll(async () => {
    await app?.close();
  });

  const post = (headers: AuthHeaders, payload: unknown) =>
    app.inject({ method: 'POST', url: '/api/activities', headers, payload: payload as object });

  it('logs a single activity for the signed-in rep and derives the new-prospect flag', async () => {
    const first = await post(rep, {
      type: 'call',
      outcome: 'connected',
      occurredAt: '2026-11-02T09:00:00Z',
      contactId: ids.contact,
      durationSeconds: 120,
    });
    expect(first.statusCode, first.body).toBe(200);
    const body = first.json();
    expect(body).toMatchObject({ created: 1, updated: 0, unchanged: 0 });
    expect(body.activities[0]).toMatchObject({
      index: 0,
      status: 'created',
      isNewProspect: true,
      externalId: null,
    });
    const row = await ctx.db
      .selectFrom('activities')
      .selectAll()
      .where('id', '=', body.activities[0].id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      user_id: ids.rep,
      contact_id: ids.contact,
      type: 'call',
      duration_seconds: 120,
    });
    // A later touch to the same person is a follow-up: derived, never asked.
    const second = await post(rep, {
      type: 'email',
      occurredAt: '2026-11-03T09:00:00Z',
      contactId: ids.contact,
    });
    expect(second.json().activities[0].isNewProspect).toBe(false);
    // An earlier touch logged afterwards takes the first-touch flag over.
    const earlier = await post(rep, {
      type: 'call',
      occurredAt: '2026-11-01T09:00:00Z',
      contactId: ids.contact,
    });
    expect(earlier.json().activities[0].isNewProspect).toBe(true);
    const firstRow = await ctx.db
      .selectFrom('activities')
      .select('is_new_prospect')
      .where('id', '=', body.activities[0].id)
      .executeTakeFirstOrThrow();
    expect(firstRow.is_new_prospect).toBe(false);
  });

  it('is idempotent by external id: a retried batch creates nothing and returns the same ids; a change updates', async () => {
    const batch = {
      activities: Array.from({ length: 5 }, (_, i) => ({
        externalId: `dial-${i}`,
        type: 'call',
        outcome: 'no_answer',
        occurredAt: `2026-11-04T1${i}:00:00Z`,
        contactEmail: `lead${i}@prospect.test`,
        contactName: `Prospect ${i}`,
        userEmail: 'rep@acme.test',
      })),
    };
    const first = await post(writeToken, batch);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ created: 5, updated: 0, unchanged: 0 });
    expect(first.json().activities.every((a: { isNewProspect: boolean }) => a.isNewProspect)).toBe(true);
    const retry = await post(writeToken, batch);
    expect(retry.json()).toMatchObject({ created: 0, updated: 0, unchanged: 5 });
    expect(retry.json().activities.map((a: { id: number }) => a.id)).toEqual(
      first.json().activities.map((a: { id: number }) => a.id),
    );
    const changed = structuredClone(batch);
    changed.activities[2]!.outcome = 'connected';
    const third = await post(writeToken, changed);
    expect(third.json()).toMatchObject({ created: 0, updated: 1, unchanged: 4 });
    expect(third.json().activities[2]).toMatchObject({ status: 'updated', externalId: 'dial-2' });
    const stored = await ctx.db
      .selectFrom('activities')
      .select(['outcome', 'external_id'])
      .where('external_id', 'like', 'api:dial-%')
      .orderBy('external_id')
      .execute();
    expect(stored.map((s) => s.outcome)).toEqual([
      'no_answer',
      'no_answer',
      'connected',
      'no_answer',
      'no_answer',
    ]);
    // The unknown e-mails became contacts, once each, owned by the rep.
    const contacts = await ctx.db
      .selectFrom('contacts')
      .select(['name', 'owner_id'])
      .where('email', 'like', '%@prospect.test')
      .orderBy('email')
      .execute();
    expect(contacts).toEqual([0, 1, 2, 3, 4].map((i) => ({ name: `Prospect ${i}`, owner_id: ids.rep })));
  });

  it('two identical batches at once create each activity and contact once', async () => {
    const batch = {
      activities: Array.from({ length: 50 }, (_, i) => ({
        externalId: `race-${i}`,
        type: 'call',
        occurredAt: '2026-11-05T10:00:00Z',
        contactEmail: `race${i}@prospect.test`,
        userId: ids.rep,
      })),
    };
    const [a, b] = await Promise.all([post(writeToken, batch), post(writeToken, batch)]);
    expect(a.statusCode, a.body).toBe(200);
    expect(b.statusCode, b.body).toBe(200);
    expect(a.json().created + b.json().created).toBe(50);
    expect(a.json().activities.map((x: { id: number }) => x.id)).toEqual(
      b.json().activities.map((x: { id: number }) => x.id),
    );
    const n = await ctx.db
      .selectFrom('activities')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('external_id', 'like', 'api:race-%')
      .executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(50);
    const c = await ctx.db
      .selectFrom('contacts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('email', 'like', 'race%@prospect.test')
      .executeTakeFirstOrThrow();
    expect(Number(c.n)).toBe(50);
  });

  it('rejects a bad row naming its index and field, and writes nothing', async () => {
    const before = await ctx.db
      .selectFrom('activities')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const res = await post(admin, {
      activities: [
        { externalId: 'ok-1', type: 'call', occurredAt: '2026-11-06T10:00:00Z', userId: ids.rep },
        { externalId: 'bad-1', type: 'call', occurredAt: '2026-11-06T10:00:00Z', userId: 999999 },
        { externalId: 'ok-1', type: 'call', occurredAt: '2026-11-06T10:00:00Z', userId: ids.rep },
      ],
    });
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(['activities[1].userId', 'activities[2].externalId']);
    const schema = await post(admin, {
      activities: [
        { type: 'call', occurredAt: '2026-11-06T10:00:00Z', userId: ids.rep },
        { type: 'fax', occurredAt: '2026-11-06T10:00:00Z', userId: ids.rep },
      ],
    });
    expect(schema.statusCode).toBe(400);
    expect(JSON.stringify(schema.json().error.details)).toContain('body.activities.1.type');
    // bookedAt: only on a meeting, and not after it (the import's rule).
    const booked = await post(admin, {
      activities: [
        {
          type: 'meeting',
          occurredAt: '2026-11-06T10:00:00Z',
          bookedAt: '2026-11-02T09:00:00Z',
          userId: ids.rep,
        },
        {
          type: 'call',
          occurredAt: '2026-11-06T10:00:00Z',
          bookedAt: '2026-11-02T09:00:00Z',
          userId: ids.rep,
        },
        {
          type: 'meeting',
          occurredAt: '2026-11-06T10:00:00Z',
          bookedAt: '2026-11-07T09:00:00Z',
          userId: ids.rep,
        },
      ],
    });
    expect(booked.statusCode).toBe(400);
    const bookedFields = JSON.stringify(booked.json().error.details);
    expect(bookedFields).toContain('body.activities.1.bookedAt');
    expect(bookedFields).toContain('body.activities.2.bookedAt');
    expect(bookedFields).not.toContain('body.activities.0.');
    const after = await ctx.db
      .selectFrom('activities')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toEqual(before.n);
  });

  it('a rep logs only their own activities, a manager those below them, an admin anyone', async () => {
    const item = (userId: number, externalId: string) => ({
      externalId,
      type: 'call',
      occurredAt: '2026-11-07T10:00:00Z',
      userId,
    });
    const repForOther = await post(rep, item(ids.other, 'acc-1'));
    expect(repForOther.statusCode).toBe(400);
    expect(repForOther.json().error.details[0]).toMatchObject({ field: 'activities[0].userId' });
    expect((await post(manager, item(ids.rep, 'acc-2'))).statusCode).toBe(200);
    expect((await post(manager, item(ids.other, 'acc-3'))).statusCode).toBe(400);
    expect((await post(admin, item(ids.other, 'acc-4'))).statusCode).toBe(200);
    // Nor may a rep take over another rep's activity by reusing its external id.
    const takeover = await post(rep, item(ids.rep, 'acc-4'));
    expect(takeover.json().error.details[0]).toMatchObject({ field: 'activities[0].externalId' });
    const single = await post(rep, { type: 'fax', occurredAt: '2026-11-07T10:00:00Z' });
    expect(single.json().error.details[0].field).toBe('body.activities.0.type');
    const read = await post(readToken, item(ids.rep, 'acc-5'));
    expect(read.statusCode).toBe(403);
  });
});
