import { afterAll, beforeAll, expect, it } from 'vitest';
import { SYSTEM_VIEWER } from '../../src/domain/access/viewer.ts';
import { parsePeriod } from '../../src/domain/calendar/period.ts';
import { funnelReport } from '../../src/store/queries/funnel/funnel-report.ts';
import { signIn, testApp } from '../support/app.ts';
import { describeStores, truncateAll } from '../support/stores.ts';
import { seedUser } from '../support/users.ts';
import { lead, opportunity, pipeline, user } from './fixtures.ts';

describeStores('funnel', (ctx) => {
  let app: Awaited<ReturnType<typeof testApp>> | undefined;
  afterAll(async () => app?.close());

  beforeAll(async () => {
    const db = ctx.db;
    await truncateAll(db);
    const p = await pipeline(db);
    const rep = await user(db, 'Ann');
    const a = await opportunity(db, {
      ownerId: rep,
      status: 'won',
      amount: 1,
      createdAt: '2026-07-01T00:00:00Z',
      closedAt: '2026-08-10T00:00:00Z',
    });
    const b = await opportunity(db, {
      ownerId: rep,
      status: 'lost',
      amount: 1,
      createdAt: '2026-07-05T00:00:00Z',
      closedAt: '2026-07-25T00:00:00Z',
    });
    const c = await opportunity(db, {
      ownerId: rep,
      status: 'open',
      amount: 1,
      stage: 'Qualified',
      createdAt: '2026-06-20T00:00:00Z',
    });
    const d = await opportunity(db, {
      ownerId: rep,
      status: 'open',
      amount: 1,
      createdAt: '2026-08-01T00:00:00Z',
    });
    const h = (opportunity_id: number, changed_at: string, stage: string) => ({
      opportunity_id,
      changed_at,
      stage_id: p.stage(stage),
      amount_minor: 1,
      owner_id: rep,
    });
    await db
      .insertInto('opportunity_history')
      .values([
        h(a, '2026-07-01T00:00:00Z', 'Discovery'),
        h(a, '2026-07-11T00:00:00Z', 'Qualified'),
        // An amount change in the same stage is not a new entry.
        h(a, '2026-07-21T00:00:00Z', 'Qualified'),
        h(a, '2026-08-10T00:00:00Z', 'Won'),
        h(b, '2026-07-05T00:00:00Z', 'Discovery'),
        h(b, '2026-07-25T00:00:00Z', 'Lost'),
        h(c, '2026-06-20T00:00:00Z', 'Discovery'),
        h(c, '2026-07-10T00:00:00Z', 'Qualified'),
        h(d, '2026-08-01T00:00:00Z', 'Discovery'),
      ])
      .execute();
    const l1 = await lead(db, {
      ownerId: rep,
      createdAt: '2026-07-02T00:00:00Z',
      mqlAt: '2026-07-03T00:00:00Z',
      sqlAt: '2026-07-04T00:00:00Z',
    });
    await db
      .updateTable('leads')
      .set({ converted_opportunity_id: a, status: 'converted' })
      .where('id', '=', l1)
      .execute();
    await lead(db, { ownerId: rep, createdAt: '2026-07-02T00:00:00Z', mqlAt: '2026-07-03T00:00:00Z' });
    await lead(db, { ownerId: rep, createdAt: '2026-08-02T00:00:00Z' });
    await lead(db, { ownerId: rep, createdAt: '2026-09-02T00:00:00Z', sqlAt: '2026-09-03T00:00:00Z' });
    await lead(db, { ownerId: rep, createdAt: '2026-06-02T00:00:00Z', mqlAt: '2026-07-03T00:00:00Z' });
  });

  it('counts stage entries in the period, how many moved on, and days until leaving', async () => {
    const f = await funnelReport(ctx.db, SYSTEM_VIEWER, {
      period: parsePeriod('2026-Q3', { fiscalYearStartMonth: 1, weekStartDay: 1 }),
    });
    const stage = (name: string) => f.stages.find((s) => s.name === name)!;
    expect(f.stages.map((s) => s.name)).toEqual([
      'Discovery',
      'Qualified',
      'Demo',
      'Trial',
      'Final negotiation',
      'Won',
    ]);
    // Discovery in Q3: A (left after 10 days, advanced, won), B (lost after 20 days), D (still there); C entered in June.
    expect(stage('Discovery')).toMatchObject({
      entered: 3,
      advanced: 1,
      won: 1,
      avgDays: 15,
      medianDays: 15,
    });
    expect(stage('Discovery').conversion).toEqual({ value: 1 / 3, numerator: 1, denominator: 3 });
    // Qualified: A (30 days until won) and C (still there).
    expect(stage('Qualified')).toMatchObject({
      entered: 2,
      advanced: 1,
      won: 1,
      avgDays: 30,
      medianDays: 30,
    });
    expect(stage('Demo')).toMatchObject({ entered: 0, avgDays: null });
    expect(stage('Demo').conversion.value).toBeNull();
  });

  it('follows the leads created in the period through MQL, SQL, opportunity and won', async () => {
    const f = await funnelReport(ctx.db, SYSTEM_VIEWER, {
      period: parsePeriod('2026-Q3', { fiscalYearStartMonth: 1, weekStartDay: 1 }),
    });
    expect(f.leads.map((l) => [l.step, l.count, l.fromPrevious?.value ?? null])).toEqual([
      ['lead', 4, null],
      ['mql', 3, 3 / 4],
      ['sql', 2, 2 / 3],
      ['opportunity', 1, 1 / 2],
      ['won', 1, 1],
    ]);
  });

  it('serves the same funnel on GET /api/funnel', async () => {
    app = await testApp(ctx.db);
    const admin = await seedUser(ctx.db, { role: 'admin' });
    const res = await app.inject({
      method: 'GET',
      url: '/api/funnel?period=2026-Q3',
      headers: await signIn(app, admin),
    });
    expect(res.statusCode).toBe(200);
    const openapi = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(Object.keys(openapi.paths)).toEqual(
      expect.arrayContaining(['/api/funnel', '/api/metrics', '/api/metrics/definitions']),
    );
    const direct = await funnelReport(ctx.db, SYSTEM_VIEWER, {
      period: parsePeriod('2026-Q3', { fiscalYearStartMonth: 1, weekStartDay: 1 }),
    });
    expect(res.json()).toEqual(JSON.parse(JSON.stringify(direct)));
  });
});
