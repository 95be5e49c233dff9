import { beforeAll, expect, it } from 'vitest';
import { SYSTEM_VIEWER } from '../../src/domain/access/viewer.ts';
import { runMetrics } from '../../src/store/queries/metrics/run-metrics.ts';
import { planReport } from '../../src/store/queries/forecast/plan-report.ts';
import { updateSettings } from '../../src/store/tables/settings.ts';
import { describeStores, truncateAll } from '../support/stores.ts';
import { lead, opportunity, team, user } from '../metrics/fixtures.ts';

// The planner's observed funnel counts through the metrics engine: the look-back is the 30 whole local days
// before today (2026-09-01 .. 2026-09-30 for now = 2026-10-01 12:00 UTC).
const NOW = new Date('2026-10-01T12:00:00Z');
const WINDOW = { from: '2026-09-01', to: '2026-09-30' };

describeStores('observed funnel of the planner', (ctx) => {
  let ann = 0;
  let bob = 0;
  let teamId = 0;
  const plan = (scope: { type: 'company' } | { type: 'rep' | 'team'; id: number }) =>
    planReport(ctx.db, SYSTEM_VIEWER, {
      periodKey: '2026-Q4',
      scope,
      now: NOW,
      lookbackDays: 30,
      targetWins: 3,
    });

  beforeAll(async () => {
    const db = ctx.db;
    await truncateAll(db);
    await updateSettings(db, { timeZone: 'UTC', currency: 'USD' });
    teamId = await team(db, 'East');
    ann = await user(db, 'Ann', teamId);
    bob = await user(db, 'Bob');
    // Ann: 4 leads in the window (one converted and won, one SQL, one MQL, one new), one before it, one today.
    const won = await opportunity(db, {
      ownerId: ann,
      status: 'won',
      amount: 9_000,
      createdAt: '2026-09-05T00:00:00Z',
      closedAt: '2026-09-20T00:00:00Z',
    });
    const converted = await lead(db, { ownerId: ann, createdAt: '2026-09-02T10:00:00Z' });
    await db
      .updateTable('leads')
      .set({ converted_opportunity_id: won })
      .where('id', '=', converted)
      .execute();
    await lead(db, { ownerId: ann, createdAt: '2026-09-10T00:00:00Z', sqlAt: '2026-09-11T00:00:00Z' });
    await lead(db, { ownerId: ann, createdAt: '2026-09-15T00:00:00Z', mqlAt: '2026-10-01T01:00:00Z' });
    await lead(db, { ownerId: ann, createdAt: '2026-09-30T23:59:00Z' });
    await lead(db, { ownerId: ann, createdAt: '2026-08-31T23:59:00Z', mqlAt: '2026-09-02T00:00:00Z' });
    await lead(db, { ownerId: ann, createdAt: '2026-10-01T08:00:00Z' });
    await opportunity(db, {
      ownerId: ann,
      status: 'lost',
      amount: 1_000,
      createdAt: '2026-08-01T00:00:00Z',
      closedAt: '2026-09-25T00:00:00Z',
    });
    // Won in another currency: a won deal, but not revenue in the workspace currency (no FX table).
    await opportunity(db, {
      ownerId: ann,
      status: 'won',
      amount: 5_000,
      currency: 'EUR',
      createdAt: '2026-08-01T00:00:00Z',
      closedAt: '2026-09-26T00:00:00Z',
    });
    // Bob: two leads in the window, nothing closed.
    await lead(db, { ownerId: bob, createdAt: '2026-09-03T00:00:00Z' });
    await lead(db, { ownerId: bob, createdAt: '2026-09-04T00:00:00Z', mqlAt: '2026-09-05T00:00:00Z' });
  });

  it("counts Ann's funnel by hand: 4 leads, 3 MQL, 2 SQL, 1 opportunity; 2 won of 3 closed", async () => {
    const r = await plan({ type: 'rep', id: ann });
    expect(r.observed).toEqual({
      leads: 4,
      mql: 3,
      sql: 2,
      opportunities: 1,
      won: 2,
      lost: 1,
      wonAmount: 9_000,
      winRate: 2 / 3,
      avgDealSize: 9_000,
    });
    // Won reach 1/4 x 2/3; 4 leads in 30 days is 92/30 x 4 in the 92-day quarter.
    expect(r.plan.stages.map((s) => s.reach)).toEqual([1, 3 / 4, 2 / 4, 1 / 4, (1 / 4) * (2 / 3)]);
    expect(r.plan.topCount).toBeCloseTo((4 / 30) * 92, 10);
    expect(r.plan.required?.map((s) => s.required)).toEqual([18, 14, 9, 5, 3]);
  });

  it('gives the same counts as the registry metrics over the same days (one way to count)', async () => {
    const [row] = await runMetrics(ctx.db, SYSTEM_VIEWER, {
      metricIds: ['leads_created', 'leads_reaching_mql', 'leads_reaching_sql', 'leads_converted', 'win_rate'],
      ...WINDOW,
      groupBy: 'company',
    });
    const r = await plan({ type: 'company' });
    expect(r.observed).toMatchObject({
      leads: row?.values.leads_created?.value,
      mql: row?.values.leads_reaching_mql?.value,
      sql: row?.values.leads_reaching_sql?.value,
      opportunities: row?.values.leads_converted?.value,
      winRate: row?.values.win_rate?.value,
    });
    expect(r.observed).toMatchObject({ leads: 6, mql: 4, sql: 2, opportunities: 1 });
    const east = await plan({ type: 'team', id: teamId });
    expect(east.observed).toEqual((await plan({ type: 'rep', id: ann })).observed);
  });

  it('reports an unknown win rate as null and plans no wins from it (it used to read as 0)', async () => {
    const r = await plan({ type: 'rep', id: bob });
    expect(r.observed).toMatchObject({ leads: 2, mql: 1, won: 0, lost: 0, winRate: null, avgDealSize: null });
    expect(r.plan.stages.at(-1)?.reach).toBe(0);
    expect(r.avgDealSize).toBe(0);
    expect(r.plan.required).toBeNull();
  });
});
