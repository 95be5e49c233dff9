import { afterAll, beforeAll, expect, it } from 'vitest';
import { SYSTEM_VIEWER } from '../../src/domain/access/viewer.ts';
import type { Db } from '../../src/store/db.ts';
import { getPlan } from '../../src/store/queries/coaching/plans-read.ts';
import { computePlanStatus } from '../../src/store/queries/coaching/plans-status.ts';
import { testApp, signIn, type AuthHeaders } from '../support/app.ts';
import { describeStores, truncateAll } from '../support/stores.ts';
import { seedUser } from '../support/users.ts';

async function calls(db: Db, userId: number, n: number, day: string) {
  if (n === 0) return;
  await db
    .insertInto('activities')
    .values(
      Array.from({ length: n }, () => ({
        type: 'call' as const,
        user_id: userId,
        occurred_at: `${day}T10:00:00Z`,
      })),
    )
    .execute();
}

// June 2026 has 22 business days (Mon-Fri, no holidays in UTC settings): 220 calls = 50 a working week, so
// "+10% vs June" is 55 calls a week. The PIP runs Mon 3 Aug - Tue 1 Sep 2026: four full weeks and a 2-day
// rest whose target is 55 x 2/5 = 22.
const PIP = {
  kind: 'pip',
  title: 'Thirty days to steady calling',
  startOn: '2026-08-03',
  skills: [{ area: 'BQ', skill: 'Consistent execution' }],
  actions: [{ kind: 'shadowing', description: 'Shadow a top rep for two calls', dueOn: '2026-08-10' }],
  targets: [
    {
      metricId: 'calls',
      comparison: 'at_least',
      cadence: 'weekly',
      delta: 10,
      unit: 'percent',
      baselinePeriod: '2026-06-01..2026-06-30',
    },
  ],
};

describeStores('coaching plans API', (ctx) => {
  let app: Awaited<ReturnType<typeof testApp>>;
  const h: Record<'admin' | 'director' | 'manager' | 'manager2' | 'rep' | 'other', AuthHeaders> = {} as never;
  const id: Record<string, number> = {};
  beforeAll(async () => {
    await truncateAll(ctx.db);
    app = await testApp(ctx.db);
    const admin = await seedUser(ctx.db, { role: 'admin' });
    const manager = await seedUser(ctx.db, { role: 'manager' });
    const manager2 = await seedUser(ctx.db, { role: 'manager' });
    // The director manages Sales, East's parent team: the rep is in their subtree two levels down.
    const director = await seedUser(ctx.db, { role: 'manager' });
    const sales = await ctx.db
      .insertInto('teams')
      .values({ name: 'Sales', manager_id: director.id })
      .returning('id')
      .executeTakeFirstOrThrow();
    const team = await ctx.db
      .insertInto('teams')
      .values({ name: 'East', manager_id: manager.id, parent_team_id: sales.id })
      .returning('id')
      .executeTakeFirstOrThrow();
    const team2 = await ctx.db
      .insertInto('teams')
      .values({ name: 'West', manager_id: manager2.id })
      .returning('id')
      .executeTakeFirstOrThrow();
    const rep = await seedUser(ctx.db, { role: 'rep', teamId: team.id });
    const other = await seedUser(ctx.db, { role: 'rep', teamId: team2.id });
    Object.assign(id, { admin: admin.id, manager: manager.id, rep: rep.id, other: other.id });
    await calls(ctx.db, rep.id, 220, '2026-06-10');
    // Weeks 1-4: 55 each; the 2-day rest: 22. Week 1's first two days: 28 (Mon-Tue).
    await calls(ctx.db, rep.id, 28, '2026-08-03');
    await calls(ctx.db, rep.id, 27, '2026-08-06');
    for (const day of ['2026-08-11', '2026-08-18', '2026-08-25']) await calls(ctx.db, rep.id, 55, day);
    await calls(ctx.db, rep.id, 22, '2026-09-01');
    h.admin = await signIn(app, admin);
    h.manager = await signIn(app, manager);
    h.manager2 = await signIn(app, manager2);
    h.director = await signIn(app, director);
    h.rep = await signIn(app, rep);
    h.other = await signIn(app, other);
  });
  afterAll(async () => app?.close());

  it('a manager creates a PIP whose relative target resolves from the baseline and is met after the end', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/coaching/plans',
      headers: h.manager,
      payload: { ...PIP, userId: id.rep },
    });
    expect(res.statusCode).toBe(201);
    const plan = res.json();
    id.pip = plan.id;
    expect(plan.endOn).toBe('2026-09-01');
    expect(plan.targets[0]).toMatchObject({
      baselineValue: 220,
      relative: { baselineStart: '2026-06-01', baselineEnd: '2026-07-01' },
    });
    expect(plan.targets[0].resolvedTarget).toBeCloseTo(55, 9);
    const status = await app.inject({
      method: 'GET',
      url: `/api/coaching/plans/${id.pip}/status`,
      headers: h.rep,
    });
    expect(status.statusCode).toBe(200);
    const s = status.json();
    expect(s.targets[0].windows.map((w: { actual: number }) => w.actual)).toEqual([55, 55, 55, 55, 22]);
    expect(s.targets[0].windows[4].target).toBeCloseTo(22, 9);
    expect(s.status).toBe('met');
    const audit = await ctx.db
      .selectFrom('audit_log')
      .select(['action', 'entity_id'])
      .where('entity', '=', 'coaching_plan')
      .execute();
    expect(audit).toEqual([{ action: 'create', entity_id: String(id.pip) }]);
  });

  it('pro-rates the running week from the metrics engine (store, fixed clock)', async () => {
    const plan = (await getPlan(ctx.db, SYSTEM_VIEWER, id.pip!))!;
    // Wed 5 Aug 13:30: 2.5 of week 1's 5 business days passed, 27.5 of 55 expected; Mon-Tue had 28 calls.
    const s = await computePlanStatus(ctx.db, plan, new Date('2026-08-05T13:30:00Z'));
    expect(s.targets[0]!.windows[0]).toMatchObject({ actual: 28, status: 'on_track' });
    expect(s.targets[0]!.windows[0]!.expectedToDate).toBeCloseTo(27.5, 9);
    expect(s.targets[0]!.windows.slice(1).map((w) => w.status)).toEqual(Array(4).fill('not_started'));
    expect(s.status).toBe('on_track');
    // Tue 4 Aug 18:00: 2 of 5 days passed, 22 expected; a Saturday-only window has no business day.
    const before = await computePlanStatus(ctx.db, plan, new Date('2026-08-02T12:00:00Z'));
    expect(before.status).toBe('not_started');
  });

  it('shows a plan to the rep, their manager and admins only; everyone else gets 404 for any spelling of the id', async () => {
    for (const who of ['rep', 'manager', 'director', 'admin'] as const) {
      const r = await app.inject({ method: 'GET', url: `/api/coaching/plans/${id.pip}`, headers: h[who] });
      expect(r.statusCode, who).toBe(200);
    }
    for (const who of ['other', 'manager2'] as const) {
      for (const url of [
        `/api/coaching/plans/${id.pip}`,
        `/api/coaching/plans/${id.pip}?userId=${id.rep}`,
        `/api/coaching/plans/${id.pip}/status`,
      ]) {
        const r = await app.inject({ method: 'GET', url, headers: h[who] });
        expect(r.statusCode, `${who} ${url}`).toBe(404);
      }
      const encoded = await app.inject({
        method: 'GET',
        url: `/api/coaching/plans/${String(id.pip)
          .split('')
          .map((c) => `%${c.charCodeAt(0).toString(16)}`)
          .join('')}`,
        headers: h[who],
      });
      expect(encoded.statusCode).toBe(404);
      // Other spellings are not ids at all (400 for everyone, input-schemas.ts IdField), so they reveal nothing.
      const padded = await app.inject({
        method: 'GET',
        url: `/api/coaching/plans/0${id.pip}`,
        headers: h[who],
      });
      expect(padded.statusCode).toBe(400);
      const list = await app.inject({
        method: 'GET',
        url: `/api/coaching/plans?userId=${id.rep}`,
        headers: h[who],
      });
      expect(list.json().plans).toEqual([]);
      const patch = await app.inject({
        method: 'PATCH',
        url: `/api/coaching/plans/${id.pip}`,
        headers: h[who],
        payload: { title: 'x' },
      });
      expect(patch.statusCode).toBe(404);
      const note = await app.inject({
        method: 'POST',
        url: `/api/coaching/plans/${id.pip}/check-ins`,
        headers: h[who],
        payload: { note: 'x' },
      });
      expect(note.statusCode).toBe(404);
    }
    const missing = await app.inject({
      method: 'GET',
      url: `/api/coaching/plans/${Number.MAX_SAFE_INTEGER}`,
      headers: h.admin,
    });
    expect(missing.statusCode).toBe(404);
    for (const bad of ['99999999999999999999', '-1', '0', '1.5', 'abc']) {
      const r = await app.inject({ method: 'GET', url: `/api/coaching/plans/${bad}`, headers: h.admin });
      expect(r.statusCode, bad).toBe(400);
    }
    const mine = await app.inject({ method: 'GET', url: '/api/coaching/plans', headers: h.rep });
    expect(mine.json().plans.map((p: { id: number }) => p.id)).toEqual([id.pip]);
  });

  it('lets the rep add check-ins but not change targets or record the outcome', async () => {
    const note = await app.inject({
      method: 'POST',
      url: `/api/coaching/plans/${id.pip}/check-ins`,
      headers: h.rep,
      payload: { note: 'Week 1: calls blocked 9-11 daily', onDate: '2026-08-07' },
    });
    expect(note.statusCode).toBe(201);
    expect(note.json().checkIns).toMatchObject([
      { authorId: id.rep, onDate: '2026-08-07', note: 'Week 1: calls blocked 9-11 daily' },
    ]);
    const weeks = await app.inject({
      method: 'GET',
      url: `/api/coaching/plans/${id.pip}/status`,
      headers: h.rep,
    });
    expect(weeks.json().weeks.map((w: { checkIns: number }) => w.checkIns)).toEqual([1, 0, 0, 0, 0]);
    const targets = await app.inject({
      method: 'PATCH',
      url: `/api/coaching/plans/${id.pip}`,
      headers: h.rep,
      payload: { targets: [{ metricId: 'calls', target: 1 }] },
    });
    expect(targets.statusCode).toBe(403);
    const outcome = await app.inject({
      method: 'POST',
      url: `/api/coaching/plans/${id.pip}/outcome`,
      headers: h.rep,
      payload: { outcome: 'passed' },
    });
    expect(outcome.statusCode).toBe(403);
    const create = await app.inject({
      method: 'POST',
      url: '/api/coaching/plans',
      headers: h.rep,
      payload: { ...PIP, userId: id.rep },
    });
    expect(create.statusCode).toBe(403);
    const nul = await app.inject({
      method: 'POST',
      url: `/api/coaching/plans/${id.pip}/check-ins`,
      headers: h.rep,
      payload: { note: 'a\u0000b' },
    });
    expect(nul.statusCode).toBe(400);
    expect(nul.json().error.details[0].field).toBe('body.note');
    const stored = await ctx.db.selectFrom('coaching_plan_check_ins').select('note').execute();
    expect(stored).toHaveLength(1);
    const t = await ctx.db.selectFrom('coaching_plan_targets').select('resolved_target').execute();
    expect(t.map((r) => Math.round(r.resolved_target))).toEqual([55]);
  });

  it('refuses plans out of reach and bad targets, naming the field, and writes nothing', async () => {
    const count = async () => (await ctx.db.selectFrom('coaching_plans').select('id').execute()).length;
    const before = await count();
    const outside = await app.inject({
      method: 'POST',
      url: '/api/coaching/plans',
      headers: h.manager,
      payload: { ...PIP, userId: id.other },
    });
    expect(outside.statusCode).toBe(404);
    expect(outside.json().error.details[0].field).toBe('userId');
    const self = await app.inject({
      method: 'POST',
      url: '/api/coaching/plans',
      headers: h.manager,
      payload: { ...PIP, userId: id.manager },
    });
    expect(self.statusCode).toBe(403);
    const bad = await app.inject({
      method: 'POST',
      url: '/api/coaching/plans',
      headers: h.manager,
      payload: {
        ...PIP,
        userId: id.rep,
        targets: [
          { metricId: 'no_such_metric', target: 3 },
          { metricId: 'win_rate', delta: 5, unit: 'points', baselinePeriod: '2026-06' },
        ],
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { field: string }) => d.field)).toEqual(['targets.0.metricId']);
    const noBaseline = await app.inject({
      method: 'POST',
      url: '/api/coaching/plans',
      headers: h.manager,
      payload: {
        ...PIP,
        userId: id.rep,
        targets: [{ metricId: 'win_rate', delta: 5, unit: 'points', baselinePeriod: '2026-06' }],
      },
    });
    expect(noBaseline.statusCode).toBe(400);
    expect(noBaseline.json().error.details[0]).toMatchObject({
      field: 'targets.0.delta',
      reason: expect.stringContaining('no value of win_rate'),
    });
    expect(await count()).toBe(before);
  });

  it('records outcomes by kind; extension moves the end, a final outcome closes the plan', async () => {
    const dev = await app.inject({
      method: 'POST',
      url: '/api/coaching/plans',
      headers: h.admin,
      payload: {
        userId: id.rep,
        kind: 'development',
        title: 'Product depth',
        startOn: '2026-08-03',
        endOn: '2026-08-16',
        skills: [
          { area: 'IQ', skill: 'Product knowledge' },
          { area: 'EQ', skill: 'Empathy' },
        ],
        actions: [
          {
            kind: 'training',
            description: 'Advanced product course',
            ownerId: id.manager,
            dueOn: '2026-08-14',
          },
        ],
        targets: [{ metricId: 'calls', target: 200 }],
      },
    });
    expect(dev.statusCode).toBe(201);
    const devId = dev.json().id;
    const devStatus = await app.inject({
      method: 'GET',
      url: `/api/coaching/plans/${devId}/status`,
      headers: h.manager,
    });
    // 28 + 27 + 55 calls from 3 to 16 August: 110 of 200 -> not met.
    expect(devStatus.json()).toMatchObject({ status: 'not_met', targets: [{ windows: [{ actual: 110 }] }] });
    // The manager lowers the bar to 100 calls and marks the action done: re-resolved, now met (110 >= 100).
    const patched = await app.inject({
      method: 'PATCH',
      url: `/api/coaching/plans/${devId}`,
      headers: h.manager,
      payload: {
        title: 'Product depth (revised)',
        actions: [
          { kind: 'training', description: 'Advanced product course', ownerId: id.manager, done: true },
        ],
        targets: [{ metricId: 'calls', target: 100 }],
      },
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({
      title: 'Product depth (revised)',
      targets: [{ resolvedTarget: 100 }],
      skills: [{ skill: 'Product knowledge' }, { skill: 'Empathy' }],
    });
    expect(patched.json().actions[0].doneAt).not.toBeNull();
    const revised = await app.inject({ method: 'GET', url: `/api/coaching/plans/${devId}`, headers: h.rep });
    expect(revised.json().status.status).toBe('met');
    const badPatch = await app.inject({
      method: 'PATCH',
      url: `/api/coaching/plans/${devId}`,
      headers: h.manager,
      payload: { endOn: '2026-07-01', outcome: 'completed' },
    });
    expect(badPatch.statusCode).toBe(400);
    const wrong = await app.inject({
      method: 'POST',
      url: `/api/coaching/plans/${devId}/outcome`,
      headers: h.manager,
      payload: { outcome: 'passed' },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details[0].field).toBe('outcome');
    const ext = await app.inject({
      method: 'POST',
      url: `/api/coaching/plans/${id.pip}/outcome`,
      headers: h.manager,
      payload: { outcome: 'extended', newEndOn: '2026-09-15', note: 'Two more weeks' },
    });
    expect(ext.statusCode).toBe(200);
    expect(ext.json()).toMatchObject({ state: 'open', endOn: '2026-09-15', outcome: 'extended' });
    const fail = await app.inject({
      method: 'POST',
      url: `/api/coaching/plans/${id.pip}/outcome`,
      headers: h.manager,
      payload: { outcome: 'failed', note: 'Targets missed' },
    });
    expect(fail.json()).toMatchObject({ state: 'closed', outcome: 'failed', outcomeBy: id.manager });
    const late = await app.inject({
      method: 'POST',
      url: `/api/coaching/plans/${id.pip}/check-ins`,
      headers: h.rep,
      payload: { note: 'late' },
    });
    expect(late.statusCode).toBe(409);
    const closed = await app.inject({
      method: 'GET',
      url: '/api/coaching/plans?state=closed',
      headers: h.admin,
    });
    expect(closed.json().plans.map((p: { id: number }) => p.id)).toEqual([id.pip]);
    const actions = await ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'coaching_plan')
      .orderBy('id')
      .execute();
    expect(actions.map((a) => a.action)).toEqual([
      'create',
      'check_in',
      'create',
      'update',
      'outcome',
      'outcome',
    ]);
  });
});
