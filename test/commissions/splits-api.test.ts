import { afterAll, beforeAll, expect, it } from 'vitest';
import { testApp, signIn, type AuthHeaders } from '../support/app.ts';
import { emptyStoreWithPipeline } from '../support/pipeline.ts';
import { describeStores } from '../support/stores.ts';
import { seedUser } from '../support/users.ts';

// The manager manages East (rep and rep2); the outsider manages West (other). Deals: one owned by the rep, one by
// the manager themself.
describeStores('opportunity splits API', (ctx) => {
  let app: Awaited<ReturnType<typeof testApp>>;
  const h = {} as Record<'admin' | 'manager' | 'outsider' | 'rep', AuthHeaders>;
  const id = {} as Record<'admin' | 'manager' | 'rep' | 'rep2' | 'other' | 'gone' | 'deal' | 'own', number>;
  const url = () => `/api/opportunities/${id.deal}/splits`;

  beforeAll(async () => {
    const p = await emptyStoreWithPipeline(ctx.db);
    app = await testApp(ctx.db);
    const admin = await seedUser(ctx.db, { role: 'admin' });
    const manager = await seedUser(ctx.db, { role: 'manager' });
    const outsider = await seedUser(ctx.db, { role: 'manager' });
    const east = await ctx.db
      .insertInto('teams')
      .values({ name: 'East', manager_id: manager.id })
      .returning('id')
      .executeTakeFirstOrThrow();
    const west = await ctx.db
      .insertInto('teams')
      .values({ name: 'West', manager_id: outsider.id })
      .returning('id')
      .executeTakeFirstOrThrow();
    const rep = await seedUser(ctx.db, { role: 'rep', teamId: east.id });
    const rep2 = await seedUser(ctx.db, { role: 'rep', teamId: east.id });
    const other = await seedUser(ctx.db, { role: 'rep', teamId: west.id });
    const gone = await seedUser(ctx.db, { role: 'rep', teamId: east.id, active: false });
    const deal = (owner: number) =>
      ctx.db
        .insertInto('opportunities')
        .values({
          name: `deal of ${owner}`,
          owner_id: owner,
          pipeline_id: p.pipelineId,
          stage_id: p.firstStageId,
          amount_minor: 100000,
          currency: 'USD',
          created_at: '2026-11-01T00:00:00Z',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
    Object.assign(id, {
      admin: admin.id,
      manager: manager.id,
      rep: rep.id,
      rep2: rep2.id,
      other: other.id,
      gone: gone.id,
      deal: (await deal(rep.id)).id,
      own: (await deal(manager.id)).id,
    });
    h.admin = await signIn(app, admin);
    h.manager = await signIn(app, manager);
    h.outsider = await signIn(app, outsider);
    h.rep = await signIn(app, rep);
  });
  afterAll(async () => app?.close());

  it("the owner's manager splits a deal 60/40 with someone from another team; audited; GET shows it", async () => {
    const put = await app.inject({
      method: 'PUT',
      url: url(),
      headers: h.manager,
      payload: {
        splits: [
          { userId: id.rep, shareBp: 6000 },
          { userId: id.other, shareBp: 4000 },
        ],
      },
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json().splits.map((s: { userId: number; shareBp: number }) => [s.userId, s.shareBp])).toEqual([
      [id.rep, 6000],
      [id.other, 4000],
    ]);
    const get = await app.inject({ method: 'GET', url: url(), headers: h.rep });
    expect(get.statusCode).toBe(200);
    expect(get.json()).toMatchObject({ opportunityId: id.deal, ownerId: id.rep });
    expect(get.json().splits).toHaveLength(2);
    const audit = await ctx.db
      .selectFrom('audit_log')
      .select(['entity_id', 'before', 'after'])
      .where('entity', '=', 'opportunity_splits')
      .execute();
    expect(audit).toEqual([
      {
        entity_id: String(id.deal),
        before: [],
        after: [
          { userId: id.rep, shareBp: 6000 },
          { userId: id.other, shareBp: 4000 },
        ],
      },
    ]);
  });

  it('refuses shares not summing to 10000, duplicates, unknown and inactive users, naming each field; nothing written', async () => {
    const bad = [
      {
        splits: [
          { userId: id.rep, shareBp: 6000 },
          { userId: id.rep2, shareBp: 3000 },
        ],
        field: 'splits',
      },
      {
        splits: [
          { userId: id.rep, shareBp: 5000 },
          { userId: id.rep, shareBp: 5000 },
        ],
        field: 'splits.1.userId',
      },
      {
        splits: [
          { userId: id.rep, shareBp: 5000 },
          { userId: 999999, shareBp: 5000 },
        ],
        field: 'splits.1.userId',
      },
      {
        splits: [
          { userId: id.gone, shareBp: 5000 },
          { userId: id.rep, shareBp: 5000 },
        ],
        field: 'splits.0.userId',
      },
      {
        // An unknown field is refused, not silently dropped (a client's "role" or "reason" would vanish).
        splits: [
          { userId: id.rep, shareBp: 5000 },
          { userId: id.other, shareBp: 5000, reason: 'helped close' } as never,
        ],
        field: 'reason',
      },
    ];
    for (const b of bad) {
      const r = await app.inject({
        method: 'PUT',
        url: url(),
        headers: h.admin,
        payload: { splits: b.splits },
      });
      expect(r.statusCode, r.body).toBe(400);
      expect(r.body).toContain(b.field);
    }
    const rows = await ctx.db
      .selectFrom('opportunity_splits')
      .select('user_id')
      .where('opportunity_id', '=', id.deal)
      .execute();
    expect(rows.map((r) => r.user_id).sort()).toEqual([id.rep, id.other].sort());
  });

  it('reps, managers of other teams and a manager on their own deal may not split; hidden deals are 404', async () => {
    const body = { splits: [{ userId: id.rep, shareBp: 10000 }] };
    const rep = await app.inject({ method: 'PUT', url: url(), headers: h.rep, payload: body });
    expect(rep.statusCode).toBe(403);
    const outsider = await app.inject({ method: 'PUT', url: url(), headers: h.outsider, payload: body });
    expect(outsider.statusCode).toBe(404);
    const outsiderGet = await app.inject({ method: 'GET', url: url(), headers: h.outsider });
    expect(outsiderGet.statusCode).toBe(404);
    const own = await app.inject({
      method: 'PUT',
      url: `/api/opportunities/${id.own}/splits`,
      headers: h.manager,
      payload: { splits: [{ userId: id.manager, shareBp: 10000 }] },
    });
    expect(own.statusCode).toBe(403);
    const missing = await app.inject({
      method: 'PUT',
      url: '/api/opportunities/987654/splits',
      headers: h.admin,
      payload: body,
    });
    expect(missing.statusCode).toBe(404);
  });

  it('an admin clears the splits: the owner has the whole deal again', async () => {
    const r = await app.inject({ method: 'PUT', url: url(), headers: h.admin, payload: { splits: [] } });
    expect(r.statusCode).toBe(200);
    expect(r.json().splits).toEqual([]);
    const count = await ctx.db.selectFrom('opportunity_splits').select('user_id').execute();
    expect(count).toEqual([]);
  });
});
