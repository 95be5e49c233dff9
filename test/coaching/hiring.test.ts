import { afterAll, beforeAll, expect, it } from 'vitest';
import { SYSTEM_VIEWER } from '../../src/domain/access/viewer.ts';
import { runMetrics } from '../../src/store/queries/metrics/run-metrics.ts';
import { signIn, testApp, type AuthHeaders } from '../support/app.ts';
import { describeStores, truncateAll } from '../support/stores.ts';
import { seedUser } from '../support/users.ts';

const MONTH_DAYS = 30.4375;
const YEAR_2026 = { from: '2026-01-01', to: '2026-12-31' };

describeStores('hiring scorecards and rep turnover', (ctx) => {
  let app: Awaited<ReturnType<typeof testApp>>;
  const h: Record<'admin' | 'manager' | 'westManager' | 'rep', AuthHeaders> = {} as never;
  const id: Record<string, number> = {};

  async function team(name: string, managerId: number): Promise<number> {
    const t = await ctx.db
      .insertInto('teams')
      .values({ name, manager_id: managerId })
      .returning('id')
      .executeTakeFirstOrThrow();
    await ctx.db.updateTable('users').set({ team_id: t.id }).where('id', '=', managerId).execute();
    return t.id;
  }

  async function rep(name: string, teamId: number, hireDate: string, leftOn: string | null = null) {
    const r = await ctx.db
      .insertInto('users')
      .values({
        name,
        email: `${name.toLowerCase()}@example.test`,
        role: 'rep',
        team_id: teamId,
        hire_date: hireDate,
        active: leftOn === null,
        left_on: leftOn,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return r.id;
  }

  beforeAll(async () => {
    await truncateAll(ctx.db);
    app = await testApp(ctx.db);
    const admin = await seedUser(ctx.db, { role: 'admin' });
    const manager = await seedUser(ctx.db, { role: 'manager' });
    const westManager = await seedUser(ctx.db, { role: 'manager' });
    id.east = await team('East', manager.id);
    id.west = await team('West', westManager.id);
    const signedRep = await seedUser(ctx.db, { role: 'rep', teamId: id.east });
    Object.assign(id, {
      admin: admin.id,
      manager: manager.id,
      westManager: westManager.id,
      rep: signedRep.id,
    });
    // Turnover fixture for 2026 (365 days). East: A all year; B hired 2025-07-01, left 2026-07-01 (181 days in
    // 2026); C hired 2026-04-01, left 2026-10-01 (183 days); D hired 2026-10-01 (92 days). West: E all year;
    // F left in 2025 (outside the year). The signed-in rep has no hire date and does not count.
    id.a = await rep('Ann', id.east, '2024-01-01');
    id.b = await rep('Bob', id.east, '2025-07-01', '2026-07-01');
    id.c = await rep('Cat', id.east, '2026-04-01', '2026-10-01');
    id.d = await rep('Dan', id.east, '2026-10-01');
    id.e = await rep('Eve', id.west, '2023-05-01');
    id.f = await rep('Fay', id.west, '2024-01-01', '2025-03-01');
    h.admin = await signIn(app, admin);
    h.manager = await signIn(app, manager);
    h.westManager = await signIn(app, westManager);
    h.rep = await signIn(app, signedRep);
  });
  afterAll(async () => app?.close());

  it('rep turnover, headcount and tenure at leaving, by hand', async () => {
    const rows = await runMetrics(ctx.db, SYSTEM_VIEWER, {
      metricIds: ['rep_turnover', 'rep_headcount', 'rep_tenure_at_leaving'],
      ...YEAR_2026,
      groupBy: 'team',
    });
    const east = rows.find((r) => r.groupId === id.east)!;
    const eastDays = 365 + 181 + 183 + 92;
    expect(east.values.rep_turnover?.numerator).toBe(2);
    expect(east.values.rep_turnover?.denominator).toBeCloseTo(eastDays / 365, 9);
    expect(east.values.rep_turnover?.value).toBeCloseTo((2 * 365) / eastDays, 9);
    expect(east.values.rep_headcount?.value).toBeCloseTo(eastDays / 365, 9);
    // Bob 365 days, Cat 183 days: median (365 + 183) / 2 days.
    expect(east.values.rep_tenure_at_leaving?.value).toBeCloseTo(274 / MONTH_DAYS, 9);
    const west = rows.find((r) => r.groupId === id.west)!;
    expect(west.values.rep_turnover).toMatchObject({ value: 0, numerator: 0, denominator: 1 });
    expect(west.values.rep_tenure_at_leaving?.value).toBeNull();
  });

  it('a rep is refused every hiring route; no credentials is 401', async () => {
    const routes: Array<[string, string, object?]> = [
      ['GET', '/api/hiring/openings'],
      ['POST', '/api/hiring/openings', { name: 'x', criteria: [{ name: 'a', kind: 'acumen', weight: 1 }] }],
      ['PATCH', '/api/hiring/openings/1', { status: 'closed' }],
      ['GET', '/api/hiring/openings/1/candidates'],
      ['POST', '/api/hiring/candidates', { openingId: 1, name: 'x' }],
      ['PATCH', '/api/hiring/candidates/1', { status: 'rejected' }],
      ['PUT', '/api/hiring/candidates/1/scores', { scores: [{ criterionId: 1, score: 3 }] }],
      ['GET', '/api/hiring/predictors'],
      ['GET', '/api/hiring/turnover'],
    ];
    for (const [method, url, payload] of routes) {
      const res = await app.inject({
        method: method as 'GET',
        url,
        headers: h.rep,
        ...(payload ? { payload } : {}),
      });
      expect(res.statusCode, `${method} ${url}`).toBe(403);
      expect((await app.inject({ method: method as 'GET', url })).statusCode, `${method} ${url}`).toBe(401);
    }
  });

  it('ranks candidates by weighted score with per-criterion spread; managers reach only their openings', async () => {
    const criteria = [
      { name: 'Role fit', kind: 'role_fit', weight: 2 },
      { name: 'Culture fit', kind: 'culture_fit', weight: 1 },
    ];
    const created = await app.inject({
      method: 'POST',
      url: '/api/hiring/openings',
      headers: h.manager,
      payload: { name: 'AE East', teamId: id.east, criteria },
    });
    expect(created.statusCode).toBe(201);
    const opening = created.json();
    expect(opening).toMatchObject({ teamId: id.east, ownerId: id.manager, scaleMin: 1, scaleMax: 5 });
    id.opening = opening.id;
    const [roleFit, cultureFit] = opening.criteria.map((c: { id: number }) => c.id) as [number, number];
    // A manager cannot open a role for another team.
    const foreign = await app.inject({
      method: 'POST',
      url: '/api/hiring/openings',
      headers: h.manager,
      payload: { name: 'AE West', teamId: id.west, criteria },
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.details[0]).toMatchObject({ field: 'teamId' });
    const west = await app.inject({
      method: 'POST',
      url: '/api/hiring/openings',
      headers: h.westManager,
      payload: { name: 'AE West', teamId: id.west, criteria },
    });
    id.westOpening = west.json().id;

    const cand = async (name: string) =>
      (
        await app.inject({
          method: 'POST',
          url: '/api/hiring/candidates',
          headers: h.manager,
          payload: { openingId: id.opening, name },
        })
      ).json().id as number;
    const [p, q, r] = [await cand('Pat'), await cand('Quinn'), await cand('Rae')];
    const score = (headers: AuthHeaders, candidate: number, scores: Array<[number, number]>) =>
      app.inject({
        method: 'PUT',
        url: `/api/hiring/candidates/${candidate}/scores`,
        headers,
        payload: { scores: scores.map(([criterionId, s]) => ({ criterionId, score: s })) },
      });
    // Pat: role fit 4 and 2 (mean 3, spread 2), culture 5 and 5: (2*3 + 5) / 3 = 3.667.
    // Quinn: role fit 4 and 4, culture 3 and 1 (mean 2): (8 + 2) / 3 = 3.333.
    // Rae: only the manager, role fit first 1 then re-scored 4, culture 3: (8 + 3) / 3 = 3.667 (ties Pat).
    expect(
      (
        await score(h.manager, p, [
          [roleFit, 4],
          [cultureFit, 5],
        ])
      ).statusCode,
    ).toBe(200);
    await score(h.admin, p, [
      [roleFit, 2],
      [cultureFit, 5],
    ]);
    await score(h.manager, q, [
      [roleFit, 4],
      [cultureFit, 3],
    ]);
    await score(h.admin, q, [
      [roleFit, 4],
      [cultureFit, 1],
    ]);
    await score(h.manager, r, [
      [roleFit, 1],
      [cultureFit, 3],
    ]);
    await score(h.manager, r, [[roleFit, 4]]);

    const cmp = await app.inject({
      method: 'GET',
      url: `/api/hiring/openings/${id.opening}/candidates`,
      headers: h.manager,
    });
    expect(cmp.statusCode).toBe(200);
    const rows = cmp.json().candidates as Array<{
      name: string;
      rank: number;
      total: number;
      interviewers: number;
      maxSpread: number;
      status: string;
      myScores: Record<string, number>;
      criteria: Array<{ mean: number; spread: number; n: number }>;
    }>;
    expect(rows.map((c) => [c.name, c.rank])).toEqual([
      ['Pat', 1],
      ['Rae', 1],
      ['Quinn', 3],
    ]);
    expect(rows[0]!.total).toBeCloseTo(11 / 3, 9);
    expect(rows[1]!.total).toBeCloseTo(11 / 3, 9);
    expect(rows[2]!.total).toBeCloseTo(10 / 3, 9);
    expect(rows[0]!.criteria[0]).toMatchObject({ mean: 3, spread: 2, n: 2 });
    expect(rows[2]).toMatchObject({ interviewers: 2, maxSpread: 2, status: 'interviewing' });
    expect(rows[1]!.myScores).toEqual({ [roleFit]: 4, [cultureFit]: 3 });

    // The West manager sees neither the East opening nor its candidates (404, as if absent); the admin sees both.
    expect(
      (
        await app.inject({
          method: 'GET',
          url: `/api/hiring/openings/${id.opening}/candidates`,
          headers: h.westManager,
        })
      ).statusCode,
    ).toBe(404);
    expect((await score(h.westManager, p, [[roleFit, 5]])).statusCode).toBe(404);
    const eastList = (
      await app.inject({ method: 'GET', url: '/api/hiring/openings', headers: h.manager })
    ).json();
    expect(eastList.items.map((o: { name: string }) => o.name)).toEqual(['AE East']);
    const all = (await app.inject({ method: 'GET', url: '/api/hiring/openings', headers: h.admin })).json();
    expect(all.items).toHaveLength(2);
    id.p = p;
    id.roleFit = roleFit;
    id.cultureFit = cultureFit;
  });

  it('refuses attacks: scores off the scale, foreign criteria, odd ids, encoded and NUL ids', async () => {
    const put = (url: string, scores: unknown) =>
      app.inject({ method: 'PUT', url, headers: h.manager, payload: { scores } });
    const url = `/api/hiring/candidates/${id.p}/scores`;
    for (const s of [0, 6, 2.5, -1, 1e9]) {
      const res = await put(url, [{ criterionId: id.roleFit, score: s }]);
      expect(res.statusCode, String(s)).toBe(400);
      expect(JSON.stringify(res.json().error.details)).toContain('score');
    }
    const westCriterion = (await app.inject({ method: 'GET', url: '/api/hiring/openings', headers: h.admin }))
      .json()
      .items.find((o: { id: number }) => o.id === id.westOpening).criteria[0].id;
    const foreign = await put(url, [
      { criterionId: westCriterion, score: 3 },
      { criterionId: id.roleFit, score: 9 },
    ]);
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.details.map((d: { field: string }) => d.field)).toEqual([
      'scores[0].criterionId',
      'scores[1].score',
    ]);
    // Nothing of the refused batches was written: Pat's role fit from the manager is still 4.
    const mine = await ctx.db
      .selectFrom('hiring_scores')
      .select('score')
      .where('candidate_id', '=', id.p!)
      .where('interviewer_id', '=', id.manager!)
      .where('criterion_id', '=', id.roleFit!)
      .executeTakeFirstOrThrow();
    expect(mine.score).toBe(4);
    for (const bad of ['abc', '-1', '0', '1e400', '99999999999999999999', '1%00', '%00', '1.5']) {
      const res = await app.inject({
        method: 'GET',
        url: `/api/hiring/openings/${bad}/candidates`,
        headers: h.manager,
      });
      expect([400, 404], bad).toContain(res.statusCode);
    }
    // A percent-encoded id is the same id: the West opening stays hidden from the East manager.
    const encoded = encodeURIComponent(String(id.westOpening)).replace(/\d/g, (d) => `%3${d}`);
    expect(
      (
        await app.inject({
          method: 'GET',
          url: `/api/hiring/openings/${encoded}/candidates`,
          headers: h.manager,
        })
      ).statusCode,
    ).toBe(404);
    // Hiring a user the manager cannot see is refused, naming the field.
    const hire = await app.inject({
      method: 'PATCH',
      url: `/api/hiring/candidates/${id.p}`,
      headers: h.manager,
      payload: { status: 'hired', hiredUserId: id.e },
    });
    expect(hire.statusCode).toBe(400);
    expect(hire.json().error.details[0]).toMatchObject({ field: 'hiredUserId' });
  });

  it('keeps a hire’s scorecard beside their first-year results and bands turnover by hiring score', async () => {
    // Pat became Cat (left 2026-10-01 after 183 days); Pat scored 3.667 -> band 3 to 4.
    const hired = await app.inject({
      method: 'PATCH',
      url: `/api/hiring/candidates/${id.p}`,
      headers: h.manager,
      payload: { status: 'hired', hiredUserId: id.c },
    });
    expect(hired.statusCode).toBe(200);
    expect(hired.json()).toMatchObject({ status: 'hired', hiredUserId: id.c });
    const pred = (
      await app.inject({ method: 'GET', url: '/api/hiring/predictors', headers: h.manager })
    ).json();
    expect(pred.hires).toHaveLength(1);
    expect(pred.hires[0]).toMatchObject({
      userId: id.c,
      band: '3_to_4',
      firstYearFrom: '2026-04-01',
      firstYearTo: '2026-09-30',
      daysObserved: 183,
      fullYear: false,
      leftOn: '2026-10-01',
    });
    expect(pred.hires[0].total).toBeCloseTo(11 / 3, 9);
    expect(pred.hires[0].scores.role_fit).toBe(3);
    // One hire: too few to tell, for every criterion.
    expect(new Set(pred.predictors.map((p: { verdict: string }) => p.verdict))).toEqual(new Set(['too_few']));
    // The West manager cannot see Cat: no hires for them.
    expect(
      (await app.inject({ method: 'GET', url: '/api/hiring/predictors', headers: h.westManager })).json()
        .hires,
    ).toEqual([]);

    const t = await app.inject({
      method: 'GET',
      url: `/api/hiring/turnover?from=${YEAR_2026.from}&to=${YEAR_2026.to}`,
      headers: h.admin,
    });
    expect(t.statusCode).toBe(200);
    const report = t.json();
    expect(report.company.leavers).toBe(2);
    expect(report.company.averageHeadcount).toBeCloseTo((365 * 2 + 181 + 183 + 92) / 365, 9);
    const band = (key: string) => report.byBand.find((b: { key: string }) => b.key === key);
    expect(band('3_to_4').leavers).toBe(1);
    expect(band('3_to_4').turnover).toBeCloseTo(365 / 183, 9);
    expect(band('no_scorecard').leavers).toBe(1);
    expect(band('4_and_above')).toMatchObject({ leavers: 0, averageHeadcount: 0, turnover: null });
    const teams = Object.fromEntries(
      report.byTeam.map((r: { name: string; leavers: number }) => [r.name, r.leavers]),
    );
    expect(teams).toMatchObject({ East: 2, West: 0 });
    // The West manager's turnover is their subtree's only.
    const westView = (
      await app.inject({
        method: 'GET',
        url: `/api/hiring/turnover?from=${YEAR_2026.from}&to=${YEAR_2026.to}`,
        headers: h.westManager,
      })
    ).json();
    expect(westView.company).toMatchObject({ leavers: 0, averageHeadcount: 1 });
  });

  it('a leave date makes a user inactive; making them active again clears it', async () => {
    const left = await app.inject({
      method: 'PATCH',
      url: `/api/users/${id.d}`,
      headers: h.admin,
      payload: { leftOn: '2026-12-01', leaveReason: 'moved away' },
    });
    expect(left.statusCode).toBe(200);
    expect(left.json()).toMatchObject({ active: false, leftOn: '2026-12-01', leaveReason: 'moved away' });
    const before = await app.inject({
      method: 'PATCH',
      url: `/api/users/${id.d}`,
      headers: h.admin,
      payload: { leftOn: '2026-09-01' },
    });
    expect(before.statusCode).toBe(400);
    expect(before.json().error.details[0]).toMatchObject({ field: 'leftOn' });
    const back = await app.inject({
      method: 'PATCH',
      url: `/api/users/${id.d}`,
      headers: h.admin,
      payload: { active: true },
    });
    expect(back.json()).toMatchObject({ active: true, leftOn: null, leaveReason: null });
  });
});
