import { afterAll, beforeAll, expect, it } from 'vitest';
import { ensureDefaultPipeline } from '../src/store/tables/pipelines.ts';
import { testApp, signIn, type AuthHeaders } from './support/app.ts';
import { describeStores } from './support/stores.ts';
import { seedUser } from './support/users.ts';

describeStores('pipelines and stage probabilities API', (ctx) => {
  let app: Awaited<ReturnType<typeof testApp>>;
  let admin: AuthHeaders;
  let rep: AuthHeaders;

  beforeAll(async () => {
    await ensureDefaultPipeline(ctx.db);
    app = await testApp(ctx.db);
    admin = await signIn(app, await seedUser(ctx.db, { role: 'admin' }));
    rep = await signIn(app, await seedUser(ctx.db, { role: 'rep' }));
  });
  afterAll(async () => app?.close());

  interface Stage {
    id: number;
    name: string;
    probabilityPct: number;
    isWon: boolean;
    isLost: boolean;
  }
  async function stages(): Promise<Stage[]> {
    const res = await app.inject({ method: 'GET', url: '/api/pipelines', headers: rep });
    expect(res.statusCode).toBe(200);
    return (res.json() as { items: { stages: Stage[] }[] }).items[0]?.stages ?? [];
  }

  it('lists the default pipeline with its stages in order and their probabilities', async () => {
    const list = await stages();
    expect(list.map((s) => [s.name, s.probabilityPct])).toEqual([
      ['Discovery', 10],
      ['Qualified', 20],
      ['Demo', 40],
      ['Trial', 60],
      ['Final negotiation', 80],
      ['Won', 100],
      ['Lost', 0],
    ]);
  });

  it('lets an admin change an open stage probability, audited', async () => {
    const demo = (await stages()).find((s) => s.name === 'Demo') as Stage;
    const res = await app.inject({
      method: 'PATCH',
      url: `/api/stages/${demo.id}`,
      headers: admin,
      payload: { probabilityPct: 45.5 },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: 'Demo', probabilityPct: 45.5 });
    expect((await stages()).find((s) => s.id === demo.id)?.probabilityPct).toBe(45.5);
    const audit = await ctx.db
      .selectFrom('audit_log')
      .select(['action', 'entity', 'entity_id'])
      .where('entity', '=', 'stage')
      .execute();
    expect(audit).toEqual([{ action: 'update', entity: 'stage', entity_id: String(demo.id) }]);
  });

  it('refuses reps, closed stages and probabilities outside 0-100', async () => {
    const list = await stages();
    const trial = list.find((s) => s.name === 'Trial') as Stage;
    const won = list.find((s) => s.isWon) as Stage;
    const asRep = await app.inject({
      method: 'PATCH',
      url: `/api/stages/${trial.id}`,
      headers: rep,
      payload: { probabilityPct: 50 },
    });
    expect(asRep.statusCode).toBe(403);
    const closed = await app.inject({
      method: 'PATCH',
      url: `/api/stages/${won.id}`,
      headers: admin,
      payload: { probabilityPct: 90 },
    });
    expect(closed.statusCode).toBe(400);
    expect(closed.json().error.details[0].field).toBe('probabilityPct');
    const tooHigh = await app.inject({
      method: 'PATCH',
      url: `/api/stages/${trial.id}`,
      headers: admin,
      payload: { probabilityPct: 101 },
    });
    expect(tooHigh.statusCode).toBe(400);
    expect((await stages()).find((s) => s.id === trial.id)?.probabilityPct).toBe(60);
  });

  it('shows configured vs observed per stage and lets an admin choose the source the forecast uses, audited', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/pipelines', headers: rep });
    const pipeline = (res.json() as { items: { id: number; probabilitySource: string; stages: unknown[] }[] })
      .items[0];
    // Learned is the default; no closed deal yet, so nothing is observed and learned equals configured.
    expect(pipeline?.probabilitySource).toBe('learned');
    expect(pipeline?.stages[0]).toMatchObject({
      name: 'Discovery',
      probabilityPct: 10,
      observedPct: null,
      closedDeals: 0,
      learnedPct: 10,
    });
    expect(pipeline?.stages.find((s) => (s as Stage).isWon)).toMatchObject({ learnedPct: null });
    const asRep = await app.inject({
      method: 'PATCH',
      url: `/api/pipelines/${pipeline?.id}`,
      headers: rep,
      payload: { probabilitySource: 'configured' },
    });
    expect(asRep.statusCode).toBe(403);
    const bad = await app.inject({
      method: 'PATCH',
      url: `/api/pipelines/${pipeline?.id}`,
      headers: admin,
      payload: { probabilitySource: 'guessed' },
    });
    expect(bad.statusCode).toBe(400);
    const missing = await app.inject({
      method: 'PATCH',
      url: '/api/pipelines/999999',
      headers: admin,
      payload: { probabilitySource: 'configured' },
    });
    expect(missing.statusCode).toBe(404);
    const ok = await app.inject({
      method: 'PATCH',
      url: `/api/pipelines/${pipeline?.id}`,
      headers: admin,
      payload: { probabilitySource: 'configured' },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ id: pipeline?.id, probabilitySource: 'configured' });
    const audit = await ctx.db
      .selectFrom('audit_log')
      .select(['entity', 'entity_id'])
      .where('entity', '=', 'pipeline')
      .execute();
    expect(audit).toEqual([{ entity: 'pipeline', entity_id: String(pipeline?.id) }]);
  });
});
