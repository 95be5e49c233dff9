import { afterAll, beforeAll, expect, it } from 'vitest';
import { signIn, testApp, type AuthHeaders } from '../support/app.ts';
import { describeStores, truncateAll } from '../support/stores.ts';
import { seedUser } from '../support/users.ts';

type App = Awaited<ReturnType<typeof testApp>>;

/** A dialer that posts `{ data: { calls: [...] } }` with its own words for outcomes. */
const MAPPING = {
  itemsPath: 'data.calls',
  fields: {
    externalId: 'id',
    occurredAt: 'started_at',
    outcome: 'status',
    durationSeconds: 'duration',
    userEmail: 'agent.email',
    contactEmail: 'to.email',
    contactName: 'to.name',
    direction: 'dir',
  },
  values: {
    outcome: { answered: 'connected', missed: 'no_answer', vm: 'voicemail' },
    direction: { out: 'outbound', in: 'inbound' },
  },
  defaults: { type: 'call' },
};

const call = (id: number, status = 'answered') => ({
  id: `c${id}`,
  started_at: 1_793_700_000 + id * 60, // epoch seconds
  status,
  duration: 90,
  dir: 'out',
  agent: { email: 'rep@acme.test' },
  to: { email: `buyer${id}@client.test`, name: `Buyer ${id}` },
});

describeStores('inbound capture webhooks', (ctx) => {
  let app: App;
  let admin: AuthHeaders;
  let rep: AuthHeaders;
  let token = '';
  let repId = 0;

  beforeAll(async () => {
    await truncateAll(ctx.db);
    app = await testApp(ctx.db);
    admin = await signIn(app, await seedUser(ctx.db, { role: 'admin' }));
    const r = await seedUser(ctx.db, { role: 'rep', email: 'rep@acme.test' });
    repId = r.id;
    rep = await signIn(app, r);
  });
  afterAll(async () => {
    await app?.close();
  });

  const deliver = (
    payload: unknown,
    headers: Record<string, string> = { 'x-pacesetter-token': token },
    source = 'dialer',
  ) =>
    app.inject({
      method: 'POST',
      url: `/api/capture/webhooks/${source}`,
      headers,
      payload: payload as object,
    });

  it('admins define a source; its token is shown once; reps may not', async () => {
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/api/capture/sources',
          headers: rep,
          payload: { name: 'x', mapping: MAPPING },
        })
      ).statusCode,
    ).toBe(403);
    const bad = await app.inject({
      method: 'POST',
      url: '/api/capture/sources',
      headers: admin,
      payload: { name: 'dialer', mapping: { ...MAPPING, defaults: {} } },
    });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json().error.details)).toContain('fields');
    const res = await app.inject({
      method: 'POST',
      url: '/api/capture/sources',
      headers: admin,
      payload: { name: 'dialer', mapping: MAPPING },
    });
    expect(res.statusCode, res.body).toBe(201);
    token = res.json().token;
    expect(token).toMatch(/^psw_/);
    const list = await app.inject({ method: 'GET', url: '/api/capture/sources', headers: admin });
    expect(list.json().sources).toHaveLength(1);
    expect(list.body).not.toContain(token);
  });

  it('logs a delivery through the mapping, idempotently', async () => {
    const payload = { data: { calls: [call(1), call(2, 'missed')] } };
    const first = await deliver(payload);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ created: 2, updated: 0 });
    expect(first.json().activities.map((a: { externalId: string }) => a.externalId)).toEqual(['c1', 'c2']);
    const rows = await ctx.db
      .selectFrom('activities')
      .select([
        'external_id',
        'type',
        'outcome',
        'duration_seconds',
        'user_id',
        'occurred_at',
        'is_new_prospect',
      ])
      .where('external_id', 'like', 'webhook:dialer:%')
      .orderBy('external_id')
      .execute();
    expect(rows).toEqual([
      {
        external_id: 'webhook:dialer:c1',
        type: 'call',
        outcome: 'connected',
        duration_seconds: 90,
        user_id: repId,
        occurred_at: new Date(1_793_700_060_000),
        is_new_prospect: true,
      },
      {
        external_id: 'webhook:dialer:c2',
        type: 'call',
        outcome: 'no_answer',
        duration_seconds: 90,
        user_id: repId,
        occurred_at: new Date(1_793_700_120_000),
        is_new_prospect: true,
      },
    ]);
    const again = await deliver(payload, {}, 'dialer?token=' + token);
    expect(again.json()).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    expect(again.json().activities.map((a: { id: number }) => a.id)).toEqual(
      first.json().activities.map((a: { id: number }) => a.id),
    );
  });

  it('a bad payload is a 400 naming the path and field, and logs nothing', async () => {
    const broken = call(3, 'busy');
    const res = await deliver({ data: { calls: [call(4), { ...broken, started_at: 'yesterday' }] } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([
      {
        field: 'data.calls.1.started_at',
        reason: 'occurredAt: expected an ISO 8601 time with a zone or epoch seconds',
        value: 'yesterday',
      },
      {
        field: 'data.calls.1.status',
        reason:
          'outcome: no value map entry for it (expected one of connected, no_answer, voicemail, held, no_show, scheduled, replied, bounced, sent)',
        value: 'busy',
      },
    ]);
    const unknownRep = await deliver({
      data: { calls: [{ ...call(5), agent: { email: 'nobody@acme.test' } }] },
    });
    expect(unknownRep.statusCode).toBe(400);
    expect(unknownRep.json().error.details[0]).toMatchObject({ field: 'data.calls.0.userEmail' });
    const n = await ctx.db
      .selectFrom('activities')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(2);
  });

  it('an unknown source and a wrong token answer alike', async () => {
    const wrong = await deliver({ data: { calls: [call(6)] } }, { 'x-pacesetter-token': 'psw_wrong' });
    const unknown = await deliver({ data: { calls: [call(6)] } }, { 'x-pacesetter-token': token }, 'nosuch');
    expect(wrong.statusCode).toBe(404);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toEqual(wrong.json());
    // A rotated token replaces the old one at once.
    const rotated = await app.inject({
      method: 'PATCH',
      url: '/api/capture/sources/dialer',
      headers: admin,
      payload: { rotateToken: true },
    });
    expect((await deliver({ data: { calls: [call(7)] } })).statusCode).toBe(404);
    token = rotated.json().token;
    expect((await deliver({ data: { calls: [call(7)] } })).statusCode).toBe(200);
  });
});
