import { beforeAll, expect, it } from 'vitest';
import { DEFAULT_RULE_SET } from '../../src/domain/scoring/default-rules.ts';
import { rescoreStep } from '../../src/store/queries/scoring/rescore-step.ts';
import { createApiToken } from '../../src/store/tables/api-tokens.ts';
import { bearer, signIn, testApp, type AuthHeaders } from '../support/app.ts';
import { describeStores, truncateAll } from '../support/stores.ts';
import { seedUser } from '../support/users.ts';

type App = Awaited<ReturnType<typeof testApp>>;

describeStores('lead scoring API', (ctx) => {
  let app: App;
  let admin: AuthHeaders;
  let rep: AuthHeaders;
  let token: AuthHeaders;
  let readToken: AuthHeaders;
  const leadIds: number[] = [];

  beforeAll(async () => {
    await truncateAll(ctx.db);
    app = await testApp(ctx.db);
    const a = await seedUser(ctx.db, { role: 'admin' });
    const r = await seedUser(ctx.db, { role: 'rep' });
    admin = await signIn(app, a);
    rep = await signIn(app, r);
    token = bearer((await createApiToken(ctx.db, { name: 'mkt', scope: 'write', createdBy: a.id })).token);
    readToken = bearer((await createApiToken(ctx.db, { name: 'bi', scope: 'read', createdBy: a.id })).token);
    for (const [i, persona] of ['buyer', null, 'user'].entries()) {
      const l = await ctx.db
        .insertInto('leads')
        .values({
          name: `L${i}`,
          external_id: `crm-${i}`,
          owner_id: i === 0 ? r.id : null,
          persona,
          status: 'new',
          created_at: new Date(Date.now() - 10 * 86_400_000),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      leadIds.push(l.id);
    }
    return () => app.close();
  });

  const at = new Date(Date.now() - 86_400_000).toISOString();
  const post = (headers: AuthHeaders, payload: unknown) =>
    app.inject({ method: 'POST', url: '/api/events', headers, payload: payload as object });

  it('the issue example over the API: events posted with a token make the lead score 20, an SQL, with why', async () => {
    const res = await post(token, {
      events: [
        {
          id: 'ev-1',
          leadExternalId: 'crm-0',
          type: 'page_view',
          url: 'https://acme.example/pricing',
          occurredAt: at,
        },
        { id: 'ev-2', leadId: leadIds[0], type: 'email_open', occurredAt: at },
        { id: 'ev-3', leadId: leadIds[0], type: 'email_open', occurredAt: at },
        {
          id: 'ev-4',
          leadId: leadIds[0],
          type: 'email_click',
          occurredAt: at,
          properties: { campaign: 'q3' },
        },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ received: 4, inserted: 4, duplicates: 0, leadsScored: 1, promoted: 1 });
    const score = await app.inject({ method: 'GET', url: `/api/leads/${leadIds[0]}/score`, headers: rep });
    expect(score.statusCode).toBe(200);
    expect(score.json()).toMatchObject({
      stored: true,
      ruleSetVersion: 1,
      fit: 5,
      engagement: 15,
      score: 20,
      why: [
        { ruleId: 'pricing_page', points: 10, events: 1 },
        { ruleId: 'email_open', points: 2, events: 2 },
        { ruleId: 'email_click', points: 3, events: 1 },
        { ruleId: 'buyer_persona', points: 5, events: 1 },
      ],
      statusChanges: [{ from: 'new', to: 'sql', score: 20, ruleSetVersion: 1, reason: 'score' }],
    });
    // The rep sees only their own lead's score.
    const other = await app.inject({ method: 'GET', url: `/api/leads/${leadIds[1]}/score`, headers: rep });
    expect(other.statusCode).toBe(404);
  });

  it('re-sending an event id stores nothing new; a single event without a batch works too', async () => {
    const again = await post(token, { id: 'ev-1', leadId: leadIds[0], type: 'page_view', occurredAt: at });
    expect(again.json()).toEqual({ received: 1, inserted: 0, duplicates: 1, leadsScored: 0, promoted: 0 });
    const single = await post(admin, { id: 'ev-5', leadId: leadIds[1], type: 'email_click', occurredAt: at });
    expect(single.json()).toMatchObject({ inserted: 1, leadsScored: 1, promoted: 0 });
  });

  it('a batch with a bad item stores nothing and names the item and field', async () => {
    const before = await ctx.db
      .selectFrom('lead_events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const res = await post(token, {
      events: [
        { id: 'ok-1', leadId: leadIds[2], type: 'email_open', occurredAt: at },
        { id: 'bad-1', leadExternalId: 'no-such-lead', type: 'email_open', occurredAt: at },
        { id: 'bad-2', leadId: leadIds[2], type: 'email_open', occurredAt: '2099-01-01T00:00:00Z' },
      ],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([
      { field: 'events[2].occurredAt', value: '2099-01-01T00:00:00.000Z', reason: 'is in the future' },
      { field: 'events[1].leadExternalId', value: 'no-such-lead', reason: 'no lead with this external id' },
    ]);
    const shape = await post(token, {
      events: [{ id: 'x', leadId: leadIds[2], type: 'Page View', occurredAt: at }],
    });
    expect(shape.statusCode).toBe(400);
    expect(shape.json().error.details[0].field).toBe('body.events.0.type');
    const after = await ctx.db
      .selectFrom('lead_events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('only admins and write tokens may post events; only admins read or change rules', async () => {
    expect(
      (await post(rep, { id: 'r1', leadId: leadIds[0], type: 'email_open', occurredAt: at })).statusCode,
    ).toBe(403);
    expect(
      (await post(readToken, { id: 'r2', leadId: leadIds[0], type: 'email_open', occurredAt: at }))
        .statusCode,
    ).toBe(403);
    expect((await app.inject({ method: 'GET', url: '/api/scoring/rules', headers: rep })).statusCode).toBe(
      403,
    );
    const put = await app.inject({
      method: 'PUT',
      url: '/api/scoring/rules',
      headers: rep,
      payload: DEFAULT_RULE_SET,
    });
    expect(put.statusCode).toBe(403);
  });

  it('preview counts the open leads a change moves across the thresholds, without saving', async () => {
    // Open leads now: L0 at 20 (sql), L1 at 3 (below), L2 at 0 (below). Lower the MQL threshold to 3.
    const { version: _v, ...draft } = DEFAULT_RULE_SET;
    const res = await app.inject({
      method: 'POST',
      url: '/api/scoring/rules/preview',
      headers: admin,
      payload: { ...draft, mqlThreshold: 3 },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      openLeads: 3,
      current: { below: 2, mql: 0, sql: 1 },
      proposed: { below: 1, mql: 1, sql: 1 },
      moves: [{ from: 'below', to: 'mql', leads: 1 }],
      wouldPromote: 1,
    });
    const rules = await app.inject({ method: 'GET', url: '/api/scoring/rules', headers: admin });
    expect(rules.json().versions).toHaveLength(1);
  });

  it('PUT saves a new version, queues a re-score and reports its progress; invalid sets name every field', async () => {
    const { version: _v, ...draft } = DEFAULT_RULE_SET;
    const bad = await app.inject({
      method: 'PUT',
      url: '/api/scoring/rules',
      headers: admin,
      payload: { ...draft, mqlThreshold: 30, rules: [...draft.rules, { ...draft.rules[0], label: 'Again' }] },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { field: string }) => d.field)).toEqual([
      'rules[5].id',
      'mqlThreshold',
    ]);
    const res = await app.inject({
      method: 'PUT',
      url: '/api/scoring/rules',
      headers: admin,
      payload: { ...draft, mqlThreshold: 3 },
    });
    expect(res.statusCode, res.body).toBe(200);
    const { ruleSet, rescore } = res.json();
    expect(ruleSet).toMatchObject({ version: 2, active: true, mqlThreshold: 3 });
    expect(rescore).toMatchObject({ ruleSetVersion: 2, status: 'pending', leadsDone: 0 });
    await ctx.db.transaction().execute((tx) => rescoreStep(tx, () => new Date(), 60_000));
    const progress = await app.inject({
      method: 'GET',
      url: `/api/scoring/rescores/${rescore.id}`,
      headers: admin,
    });
    expect(progress.json()).toMatchObject({ status: 'done', leadsTotal: 3, leadsDone: 3, promoted: 1 });
    const l1 = await ctx.db
      .selectFrom('leads')
      .select(['status', 'owner_id'])
      .where('id', '=', leadIds[1]!)
      .executeTakeFirstOrThrow();
    expect(l1.status).toBe('mql');
    expect(l1.owner_id).toBeNull();
  });
});
