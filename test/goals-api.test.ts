import { afterAll, beforeAll, expect, it } from 'vitest';
import { testApp, signIn, type AuthHeaders } from './support/app.ts';
import { describeStores, truncateAll } from './support/stores.ts';
import { seedUser } from './support/users.ts';

describeStores('goals, alerts, webhooks, leaderboard and badges API', (ctx) => {
  let app: Awaited<ReturnType<typeof testApp>>;
  const h: Record<'admin' | 'manager' | 'rep' | 'other', AuthHeaders> = {} as never;
  const id: Record<string, number> = {};
  beforeAll(async () => {
    await truncateAll(ctx.db);
    app = await testApp(ctx.db);
    const admin = await seedUser(ctx.db, { role: 'admin' });
    const manager = await seedUser(ctx.db, { role: 'manager' });
    id.team = (
      await ctx.db
        .insertInto('teams')
        .values({ name: 'East', manager_id: manager.id })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    const rep = await seedUser(ctx.db, { role: 'rep', teamId: id.team });
    const other = await seedUser(ctx.db, { role: 'rep' });
    Object.assign(id, { admin: admin.id, manager: manager.id, rep: rep.id, other: other.id });
    h.admin = await signIn(app, admin);
    h.manager = await signIn(app, manager);
    h.rep = await signIn(app, rep);
    h.other = await signIn(app, other);
  });
  afterAll(async () => app?.close());

  const goal = (scopeType: string, scopeId: number | null, extra: Record<string, unknown> = {}) => ({
    name: 'Calls a day',
    metricId: 'calls',
    scopeType,
    scopeId,
    grain: 'day',
    target: 40,
    direction: 'at_least',
    ...extra,
  });

  it('creates goals within each role’s reach and refuses the rest', async () => {
    const templates = await app.inject({ method: 'GET', url: '/api/goals/templates', headers: h.rep });
    expect(templates.statusCode).toBe(200);
    expect(templates.json().templates.map((t: { id: string }) => t.id)).toContain('lead_response_60');

    const own = await app.inject({
      method: 'POST',
      url: '/api/goals',
      headers: h.rep,
      payload: goal('user', id.rep!),
    });
    expect(own.statusCode).toBe(201);
    id.repGoal = own.json().id;
    const forOther = await app.inject({
      method: 'POST',
      url: '/api/goals',
      headers: h.rep,
      payload: goal('user', id.other!),
    });
    expect(forOther.statusCode).toBe(403);
    const team = await app.inject({
      method: 'POST',
      url: '/api/goals',
      headers: h.manager,
      payload: goal('team', id.team!),
    });
    expect(team.statusCode).toBe(201);
    const managerOutside = await app.inject({
      method: 'POST',
      url: '/api/goals',
      headers: h.manager,
      payload: goal('user', id.other!),
    });
    expect(managerOutside.statusCode).toBe(403);
    const company = await app.inject({
      method: 'POST',
      url: '/api/goals',
      headers: h.admin,
      payload: goal('company', null, {
        metricId: 'won_revenue',
        grain: 'quarter',
        periodKey: '2026-Q4',
        target: 5_000_000,
      }),
    });
    expect(company.statusCode).toBe(201);
    const invalid = await app.inject({
      method: 'POST',
      url: '/api/goals',
      headers: h.admin,
      payload: goal('company', null, { metricId: 'nope', periodKey: '2026-Q4' }),
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().error.details.map((d: { field: string }) => d.field)).toEqual([
      'metricId',
      'periodKey',
    ]);

    const repList = await app.inject({ method: 'GET', url: '/api/goals', headers: h.rep });
    expect(
      repList
        .json()
        .goals.map((g: { scopeType: string }) => g.scopeType)
        .sort(),
    ).toEqual(['company', 'team', 'user']);
    const otherList = await app.inject({ method: 'GET', url: '/api/goals', headers: h.other });
    expect(otherList.json().goals.map((g: { scopeType: string }) => g.scopeType)).toEqual(['company']);
  });

  it('updates, paces and archives a goal', async () => {
    const patched = await app.inject({
      method: 'PATCH',
      url: `/api/goals/${id.repGoal}`,
      headers: h.rep,
      payload: { target: 30 },
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json().target).toBe(30);
    const stolen = await app.inject({
      method: 'PATCH',
      url: `/api/goals/${id.repGoal}`,
      headers: h.other,
      payload: { target: 1 },
    });
    expect(stolen.statusCode).toBe(404);

    const pacing = await app.inject({ method: 'GET', url: '/api/goals/pacing?user=me', headers: h.rep });
    expect(pacing.statusCode).toBe(200);
    const mine = pacing.json().goals.find((g: { goal: { id: number } }) => g.goal.id === id.repGoal);
    expect(mine.pacing).toMatchObject({ actual: 0, target: 30 });
    expect(mine.period.grain).toBe('day');

    const archived = await app.inject({
      method: 'POST',
      url: `/api/goals/${id.repGoal}/archive`,
      headers: h.rep,
    });
    expect(archived.statusCode).toBe(200);
    expect(archived.json().archivedAt).not.toBeNull();
    const after = await app.inject({ method: 'GET', url: '/api/goals', headers: h.rep });
    expect(after.json().goals.map((g: { id: number }) => g.id)).not.toContain(id.repGoal);
  });

  it('lets only admins manage webhook endpoints and never returns secrets', async () => {
    const denied = await app.inject({
      method: 'POST',
      url: '/api/webhooks',
      headers: h.manager,
      payload: { url: 'https://example.test/hook', secret: 'a-long-enough-secret' },
    });
    expect(denied.statusCode).toBe(403);
    const created = await app.inject({
      method: 'POST',
      url: '/api/webhooks',
      headers: h.admin,
      payload: { url: 'https://example.test/hook', secret: 'a-long-enough-secret' },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).not.toHaveProperty('secret');
    const off = await app.inject({
      method: 'PATCH',
      url: `/api/webhooks/${created.json().id}`,
      headers: h.admin,
      payload: { active: false },
    });
    expect(off.json().active).toBe(false);
    const gone = await app.inject({
      method: 'DELETE',
      url: `/api/webhooks/${created.json().id}`,
      headers: h.admin,
    });
    expect(gone.statusCode).toBe(204);
    expect(
      (await app.inject({ method: 'GET', url: '/api/webhooks', headers: h.admin })).json().endpoints,
    ).toEqual([]);
  });

  it('lists and acknowledges alerts for the owner; others cannot see them', async () => {
    const { id: leadId } = await ctx.db
      .insertInto('leads')
      .values({ name: 'Late lead', owner_id: id.rep!, created_at: '2026-11-02T09:00:00Z' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const { id: alertId } = await ctx.db
      .insertInto('alerts')
      .values({
        kind: 'lead_sla',
        lead_id: leadId,
        owner_id: id.rep!,
        manager_id: id.manager!,
        due_at: '2026-11-02T10:00:00Z',
        raised_at: '2026-11-02T10:01:00Z',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const list = await app.inject({ method: 'GET', url: '/api/alerts?open=true', headers: h.manager });
    expect(list.json().alerts.map((a: { id: number }) => a.id)).toEqual([alertId]);
    expect((await app.inject({ method: 'GET', url: '/api/alerts', headers: h.other })).json().alerts).toEqual(
      [],
    );
    const denied = await app.inject({ method: 'POST', url: `/api/alerts/${alertId}/ack`, headers: h.other });
    expect(denied.statusCode).toBe(404);
    const ack = await app.inject({ method: 'POST', url: `/api/alerts/${alertId}/ack`, headers: h.rep });
    expect(ack.statusCode).toBe(200);
    expect(ack.json().acknowledgedBy).toBe(id.rep);
  });

  it('serves leaderboards, cadence gaps and badges', async () => {
    const board = await app.inject({
      method: 'GET',
      url: '/api/leaderboards?metric=calls&period=2026-11&board=reps',
      headers: h.rep,
    });
    expect(board.statusCode).toBe(200);
    expect(
      board
        .json()
        .lines.map((l: { id: number }) => l.id)
        .sort(),
    ).toEqual([id.other, id.rep].sort());
    const weighted = await app.inject({
      method: 'GET',
      url: '/api/leaderboards?weights=calls:2,meetings_held:1&period=2026-11&board=teams',
      headers: h.rep,
    });
    expect(weighted.json().rankedOn).toBe('score');
    const bad = await app.inject({
      method: 'GET',
      url: '/api/leaderboards?weights=calls:x&period=2026-11',
      headers: h.rep,
    });
    expect(bad.statusCode).toBe(400);
    const gaps = await app.inject({ method: 'GET', url: '/api/cadence/gaps', headers: h.rep });
    expect(gaps.statusCode).toBe(200);
    expect(gaps.json().underAttemptedLeads.map((l: { name: string }) => l.name)).toEqual(['Late lead']);
    expect(
      (await app.inject({ method: 'GET', url: '/api/cadence/gaps', headers: h.other })).json()
        .underAttemptedLeads,
    ).toEqual([]);
    const badges = await app.inject({ method: 'GET', url: `/api/users/${id.rep}/badges`, headers: h.rep });
    expect(badges.json()).toEqual({ badges: [] });
    expect(
      (await app.inject({ method: 'GET', url: `/api/users/${id.rep}/badges`, headers: h.other })).statusCode,
    ).toBe(404);
  });
});
