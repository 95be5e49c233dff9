import { afterAll, beforeAll, expect, it } from 'vitest';
import { signIn, testApp, type AuthHeaders } from '../support/app.ts';
import { describeStores, truncateAll } from '../support/stores.ts';
import { seedUser } from '../support/users.ts';
import { seedLeads } from './seed.ts';

describeStores('routing API', (ctx) => {
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
    await ctx.db.updateTable('users').set({ team_id: id.team }).where('id', '=', manager.id).execute();
    const rep = await seedUser(ctx.db, { role: 'rep', teamId: id.team });
    const other = await seedUser(ctx.db, { role: 'rep' });
    Object.assign(id, { admin: admin.id, manager: manager.id, rep: rep.id, other: other.id });
    h.admin = await signIn(app, admin);
    h.manager = await signIn(app, manager);
    h.rep = await signIn(app, rep);
    h.other = await signIn(app, other);
  });
  afterAll(async () => app?.close());

  it('rules: admins write, managers read, reps are refused; bad input names the field', async () => {
    const body = { name: 'East coast', countries: ['US'], regions: ['NY'], teamId: id.team };
    expect(
      (await app.inject({ method: 'POST', url: '/api/routing/rules', headers: h.manager, payload: body }))
        .statusCode,
    ).toBe(403);
    const created = await app.inject({
      method: 'POST',
      url: '/api/routing/rules',
      headers: h.admin,
      payload: body,
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      name: 'East coast',
      position: 1,
      countries: ['US'],
      teamId: id.team,
      repIds: [],
    });
    const ruleId = created.json().id as number;
    id.rule = ruleId;

    const bad = await app.inject({
      method: 'POST',
      url: '/api/routing/rules',
      headers: h.admin,
      payload: { name: 'x', repIds: [999999], minCompanySize: 50, maxCompanySize: 10 },
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.details.map((d: { field: string }) => d.field)
        .sort(),
    ).toEqual(['maxCompanySize', 'repIds']);

    const patched = await app.inject({
      method: 'PATCH',
      url: `/api/routing/rules/${ruleId}`,
      headers: h.admin,
      payload: { repIds: [id.other] },
    });
    expect(patched.json()).toMatchObject({ repIds: [id.other], countries: ['US'] });
    expect(
      (await app.inject({ method: 'GET', url: '/api/routing/rules', headers: h.manager })).json().rules,
    ).toHaveLength(1);
    expect((await app.inject({ method: 'GET', url: '/api/routing/rules', headers: h.rep })).statusCode).toBe(
      403,
    );
    expect((await app.inject({ method: 'GET', url: '/api/routing/rules' })).statusCode).toBe(401);
  });

  it('out of office: a rep sets their own, a manager their subtree, an admin anyone; nobody else', async () => {
    const own = await app.inject({
      method: 'POST',
      url: '/api/routing/out-of-office',
      headers: h.rep,
      payload: { startsOn: '2026-12-21', endsOn: '2026-12-31', note: 'holiday' },
    });
    expect(own.statusCode).toBe(201);
    expect(own.json()).toMatchObject({ userId: id.rep, startsOn: '2026-12-21', endsOn: '2026-12-31' });
    const forOther = { userId: id.other, startsOn: '2026-12-01', endsOn: '2026-12-02' };
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/api/routing/out-of-office',
          headers: h.rep,
          payload: forOther,
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/api/routing/out-of-office',
          headers: h.manager,
          payload: forOther,
        })
      ).statusCode,
    ).toBe(403);
    const bySub = await app.inject({
      method: 'POST',
      url: '/api/routing/out-of-office',
      headers: h.manager,
      payload: { userId: id.rep, startsOn: '2027-01-04', endsOn: '2027-01-05' },
    });
    expect(bySub.statusCode).toBe(201);
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/api/routing/out-of-office',
          headers: h.admin,
          payload: forOther,
        })
      ).statusCode,
    ).toBe(201);
    const backwards = await app.inject({
      method: 'POST',
      url: '/api/routing/out-of-office',
      headers: h.rep,
      payload: { startsOn: '2026-12-10', endsOn: '2026-12-01' },
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.details[0]).toMatchObject({ field: 'endsOn' });

    const seenByRep = (
      await app.inject({ method: 'GET', url: '/api/routing/out-of-office', headers: h.rep })
    ).json();
    expect(new Set(seenByRep.periods.map((p: { userId: number }) => p.userId))).toEqual(new Set([id.rep]));
    const otherId = (await app.inject({ method: 'GET', url: '/api/routing/out-of-office', headers: h.admin }))
      .json()
      .periods.find((p: { userId: number }) => p.userId === id.other).id;
    expect(
      (await app.inject({ method: 'DELETE', url: `/api/routing/out-of-office/${otherId}`, headers: h.rep }))
        .statusCode,
    ).toBe(403);
    expect(
      (await app.inject({ method: 'DELETE', url: `/api/routing/out-of-office/${otherId}`, headers: h.other }))
        .statusCode,
    ).toBe(204);
  });

  it('run, assignments and reports follow access rules', async () => {
    await app.inject({
      method: 'PUT',
      url: `/api/routing/reps/${id.other}`,
      headers: h.admin,
      payload: {
        weight: 2,
        maxOpenLeads: 50,
        timeZone: null,
        workingDays: [1, 2, 3, 4, 5, 6, 7],
        workStartMinute: 0,
        workEndMinute: 1440,
      },
    });
    const patched = await app.inject({
      method: 'PATCH',
      url: `/api/routing/rules/${id.rule}`,
      headers: h.admin,
      payload: { countries: null, regions: null, teamId: null, repIds: [id.other] },
    });
    expect(patched.statusCode).toBe(200);
    await seedLeads(ctx.db, 2, { createdAt: new Date(Date.now() - 3_600_000) });
    expect(
      (await app.inject({ method: 'POST', url: '/api/routing/run', headers: h.manager, payload: {} }))
        .statusCode,
    ).toBe(403);
    const dry = await app.inject({
      method: 'POST',
      url: '/api/routing/run',
      headers: h.admin,
      payload: { dryRun: true },
    });
    expect(dry.json()).toMatchObject({ routed: 2 });
    const run = await app.inject({ method: 'POST', url: '/api/routing/run', headers: h.admin, payload: {} });
    expect(run.json()).toMatchObject({ routed: 2, unassigned: 0 });

    const mine = (
      await app.inject({ method: 'GET', url: '/api/routing/assignments', headers: h.other })
    ).json();
    expect(mine.assignments).toHaveLength(2);
    expect(mine.assignments[0]).toMatchObject({ userId: id.other, kind: 'initial', ruleName: 'East coast' });
    expect(
      (await app.inject({ method: 'GET', url: '/api/routing/assignments', headers: h.rep })).json()
        .assignments,
    ).toEqual([]);

    const today = new Date().toISOString().slice(0, 10);
    const fair = await app.inject({
      method: 'GET',
      url: `/api/routing/fairness?from=${today}&to=${today}`,
      headers: h.rep,
    });
    expect(fair.json().rows.map((r: { userId: number }) => r.userId)).toEqual([id.rep]);
    const all = await app.inject({
      method: 'GET',
      url: `/api/routing/fairness?from=${today}&to=${today}`,
      headers: h.admin,
    });
    expect(all.json().rows.find((r: { userId: number }) => r.userId === id.other)).toMatchObject({
      leadsAssigned: 2,
    });
    const speed = await app.inject({
      method: 'GET',
      url: `/api/routing/speed-to-lead?from=${today}&to=${today}&by=rep`,
      headers: h.rep,
    });
    expect(speed.statusCode).toBe(200);
    expect(new Set(speed.json().rows.map((r: { groupId: number }) => r.groupId))).toEqual(new Set([id.rep]));
    expect(
      (
        await app.inject({
          method: 'GET',
          url: '/api/routing/speed-to-lead?from=2026-13-01&to=2026-01-01',
          headers: h.admin,
        })
      ).statusCode,
    ).toBe(400);
  });

  it('manual assignment: a manager within the subtree, recorded as kind manual; outside it forbidden', async () => {
    const [lead] = await seedLeads(ctx.db, 1, { ownerId: id.rep });
    const outside = await app.inject({
      method: 'POST',
      url: '/api/routing/assignments',
      headers: h.manager,
      payload: { leadId: lead, userId: id.other },
    });
    expect(outside.statusCode).toBe(403);
    const inside = await app.inject({
      method: 'POST',
      url: '/api/routing/assignments',
      headers: h.manager,
      payload: { leadId: lead, userId: id.manager },
    });
    expect(inside.statusCode).toBe(201);
    expect(inside.json()).toEqual({ leadId: lead, userId: id.manager, previousUserId: id.rep });
    const rows = await ctx.db
      .selectFrom('lead_assignments')
      .select(['kind', 'assigned_by'])
      .where('lead_id', '=', lead!)
      .execute();
    expect(rows).toEqual([{ kind: 'manual', assigned_by: id.manager }]);
    const byRep = await app.inject({
      method: 'POST',
      url: '/api/routing/assignments',
      headers: h.rep,
      payload: { leadId: lead, userId: id.rep },
    });
    expect(byRep.statusCode).toBe(403);
  });
});
