import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Viewer } from '../../src/domain/access/viewer.ts';
import { visibleUserIdsFor } from '../../src/store/access/visible-users.ts';
import { meetingPack, type MeetingPack } from '../../src/store/queries/meeting-pack/meeting-pack.ts';
import { updateSettings } from '../../src/store/tables/settings.ts';
import { dealWithHistory, type Step } from '../coaching/deal-fixtures.ts';
import { pipeline, team } from '../metrics/fixtures.ts';
import { signIn, testApp, type AuthHeaders } from '../support/app.ts';
import { describeStores, truncateAll } from '../support/stores.ts';
import { seedUser } from '../support/users.ts';

/*
 * A small fixture with hand-computed answers. NOW is Monday 2026-11-30, so the default period is the last
 * complete week, 2026-W48 (Mon 23 - Sun 29 November, UTC workspace); the pack is as of 2026-11-30T00:00Z, the hot
 * window starts 14 days earlier (2026-11-16T00:00Z) and a deal is stalled without a stage entry or activity
 * since then. Stage probabilities (default pipeline): Discovery 10, Qualified 20, Demo 40, Trial 60, Final 80.
 */
const NOW = new Date('2026-11-30T12:00:00Z');
const OLD = '2026-10-01T09:00:00Z';

describeStores('meeting pack', (ctx) => {
  let app: Awaited<ReturnType<typeof testApp>>;
  const u: Record<string, number> = {};
  const h: Record<string, AuthHeaders> = {};
  let east = 0;
  let west = 0;
  const viewer = async (name: string, role: Viewer['role']): Promise<Viewer> => ({
    userId: u[name]!,
    role,
    visibleUserIds: await visibleUserIdsFor(ctx.db, u[name]!, role),
  });

  beforeAll(async () => {
    const db = ctx.db;
    await truncateAll(db);
    // Hand-computed for ISO Monday weeks (a new en-US workspace would start them on Sunday).
    await updateSettings(db, { leaderboardMetrics: ['won_revenue'], weekStartDayChoice: 1 });
    const p = await pipeline(db);
    east = await team(db, 'East');
    west = await team(db, 'West');
    const seeded = {
      mia: await seedUser(db, { role: 'manager', name: 'Mia', teamId: east }),
      wendy: await seedUser(db, { role: 'manager', name: 'Wendy', teamId: west }),
      ann: await seedUser(db, { role: 'rep', name: 'Ann', teamId: east }),
      bob: await seedUser(db, { role: 'rep', name: 'Bob', teamId: east }),
      wes: await seedUser(db, { role: 'rep', name: 'Wes', teamId: west }),
      admin: await seedUser(db, { role: 'admin', name: 'Ada' }),
    };
    for (const [k, v] of Object.entries(seeded)) u[k] = v.id;
    await db.updateTable('teams').set({ manager_id: u.mia }).where('id', '=', east).execute();
    await db.updateTable('teams').set({ manager_id: u.wendy }).where('id', '=', west).execute();

    const s = (at: string, stage: string, amount: number, close: string | null, owner: number): Step => ({
      at,
      stage,
      amount,
      close,
      owner,
    });
    const ids: Record<string, number> = {};
    const deal = async (
      name: string,
      steps: Step[],
      extra: { status?: 'won' | 'lost'; closedAt?: string; currency?: string } = {},
    ) => {
      ids[name] = await dealWithHistory(db, p, { name, steps, ...extra });
    };
    const [ann, bob, wes] = [u.ann!, u.bob!, u.wes!];
    await deal('Advanced', [
      s(OLD, 'Discovery', 10000, '2026-12-20', ann),
      s('2026-11-20T10:00:00Z', 'Trial', 10000, '2026-12-20', ann),
    ]);
    await deal('Big quiet', [s(OLD, 'Final negotiation', 50000, '2026-12-15', ann)]);
    await deal('Amount up', [
      s(OLD, 'Demo', 20000, '2026-12-15', bob),
      s('2026-11-25T10:00:00Z', 'Demo', 30000, '2026-12-15', bob),
    ]);
    await deal('New', [s('2026-11-24T10:00:00Z', 'Qualified', 30000, '2027-01-15', bob)]);
    await deal('Pushed', [
      s(OLD, 'Demo', 5000, '2026-12-10', ann),
      s('2026-11-18T10:00:00Z', 'Demo', 5000, '2027-01-20', ann),
    ]);
    await deal('Old move', [
      s(OLD, 'Discovery', 8000, '2026-12-31', ann),
      s('2026-11-10T10:00:00Z', 'Demo', 8000, '2026-12-31', ann),
    ]);
    await deal('West new', [s('2026-11-20T10:00:00Z', 'Trial', 100000, '2026-12-31', wes)]);
    await deal('West demo', [
      s(OLD, 'Demo', 4000, '2026-12-31', wes),
      s('2026-11-05T10:00:00Z', 'Trial', 4000, '2026-12-31', wes),
    ]);
    await deal('Euro', [s('2026-11-20T10:00:00Z', 'Demo', 90000, '2026-12-31', ann)], { currency: 'EUR' });
    await deal(
      'Won big',
      [s(OLD, 'Trial', 25000, '2026-11-30', ann), s('2026-11-26T10:00:00Z', 'Won', 25000, '2026-11-30', ann)],
      { status: 'won', closedAt: '2026-11-26T10:00:00Z' },
    );
    await deal(
      'Won small',
      [s(OLD, 'Demo', 7000, '2026-11-30', bob), s('2026-11-24T10:00:00Z', 'Won', 7000, '2026-11-30', bob)],
      { status: 'won', closedAt: '2026-11-24T10:00:00Z' },
    );
    await deal(
      'Won last week',
      [
        s(OLD, 'Final negotiation', 4000, '2026-11-30', bob),
        s('2026-11-20T10:00:00Z', 'Won', 4000, '2026-11-30', bob),
      ],
      { status: 'won', closedAt: '2026-11-20T10:00:00Z' },
    );
    await deal(
      'Lost',
      [s(OLD, 'Demo', 6000, '2026-11-30', ann), s('2026-11-25T10:00:00Z', 'Lost', 6000, '2026-11-30', ann)],
      { status: 'lost', closedAt: '2026-11-25T10:00:00Z' },
    );
    // Activity keeps a deal off the stalled list (Old move, Amount up); the stalled rule is pipeline changes'.
    await db
      .insertInto('activities')
      .values([
        { type: 'call', user_id: ann, opportunity_id: ids['Old move']!, occurred_at: '2026-11-20T12:00:00Z' },
        {
          type: 'call',
          user_id: bob,
          opportunity_id: ids['Amount up']!,
          occurred_at: '2026-11-26T12:00:00Z',
        },
      ])
      .execute();
    await db
      .insertInto('goals')
      .values([
        {
          name: 'East revenue',
          metric_id: 'won_revenue',
          scope_type: 'team',
          scope_id: east,
          grain: 'week',
          target: 40000,
          period_key: null,
          template: null,
          external_id: null,
          created_by: null,
        },
        {
          name: 'West revenue',
          metric_id: 'won_revenue',
          scope_type: 'team',
          scope_id: west,
          grain: 'week',
          target: 9000,
          period_key: null,
          template: null,
          external_id: null,
          created_by: null,
        },
      ])
      .execute();

    app = await testApp(db);
    for (const k of ['mia', 'wendy', 'ann', 'admin'] as const) h[k] = await signIn(app, seeded[k]);
  });

  afterAll(async () => {
    await app?.close();
  });

  const names = (deals: { name: string }[]) => deals.map((d) => d.name);

  it("a manager's team pack for the last complete week, every section hand-computed", async () => {
    const r: MeetingPack = await meetingPack(ctx.db, await viewer('mia', 'manager'), { team: east }, NOW);
    expect(r.subject).toEqual({ type: 'team', id: east, name: 'East' });
    expect(r.period).toEqual({ key: '2026-W48', from: '2026-11-23', to: '2026-11-29' });
    expect(r.previousPeriod.key).toBe('2026-W47');
    expect(r.asOf).toBe('2026-11-30T00:00:00.000Z');
    const kpi = Object.fromEntries(r.kpis.map((k) => [k.metricId, [k.value, k.previous]]));
    // Won big 25000 + Won small 7000 this week; Won last week 4000 the week before.
    expect(kpi.won_revenue).toEqual([32000, 4000]);
    expect(kpi.won_count).toEqual([2, 1]);

    // Moved in the window, by amount x probability: Amount up 30000 x 40% = 12000; New 30000 x 20% = 6000 ties
    // Advanced 10000 x 60% = 6000 and wins on amount; Pushed 5000 x 40% = 2000. Big quiet (32000 weighted) did not
    // move, Old move moved before the window, Euro is not in the workspace currency, West new is West's.
    expect(r.hottest.deals.map((d) => [d.name, d.weightedMinor, d.moves])).toEqual([
      ['Amount up', 12000, ['amount_up']],
      ['New', 6000, ['new']],
      ['Advanced', 6000, ['advanced']],
      ['Pushed', 2000, ['close_later']],
    ]);
    // No stage entry or activity since 16 November: Big quiet and Pushed (a close date change is no stage move).
    expect(r.stalled).toMatchObject({ stalledDays: 14, total: 2 });
    expect(r.stalled.deals.map((d) => [d.name, d.amountMinor, d.days])).toEqual([
      ['Big quiet', 50000, 59],
      ['Pushed', 5000, 59],
    ]);
    expect(r.wins.map((d) => [d.name, d.amountMinor, d.date])).toEqual([
      ['Won big', 25000, '2026-11-26'],
      ['Won small', 7000, '2026-11-24'],
    ]);
    // Won revenue board of East: Ann 25000 first, Bob 7000 second; the week before Bob (4000) led Ann (0).
    const line = (id: number) => r.leaderboard.lines.find((l) => l.id === id);
    expect(r.leaderboard.metricId).toBe('won_revenue');
    expect(line(u.ann!)).toMatchObject({ rank: 1, value: 25000, previousRank: 2, movement: 1 });
    expect(line(u.bob!)).toMatchObject({ rank: 2, value: 7000, previousRank: 1, movement: -1 });
    expect(line(u.wes!)).toBeUndefined();
    // Demo entries in the 91 days: Amount up, Pushed, Old move, Euro, Won small, Lost = 6, of which only Won small
    // went further: 1/6. Discovery, Trial and Final have fewer than 3 entries. Company: West demo adds 1 of 1: 2/7.
    expect(r.funnel.from).toBe('2026-08-31');
    expect(r.funnel.weakest).toMatchObject({ from: 'Demo', to: 'Trial', entered: 6, advanced: 1 });
    expect(r.funnel.weakest!.rate).toBeCloseTo(1 / 6, 9);
    expect(r.funnel.weakest!.companyRate).toBeCloseTo(2 / 7, 9);
    // East's goal only, paced as of the period's last day.
    expect(r.goals.map((g) => [g.goal.name, g.pacing.actual])).toEqual([['East revenue', 32000]]);
  });

  it("the admin's company pack holds every team's deals", async () => {
    const admin: Viewer = { userId: u.admin!, role: 'admin', visibleUserIds: null };
    const r = await meetingPack(ctx.db, admin, {}, NOW);
    expect(r.subject).toEqual({ type: 'company', id: null, name: 'Company' });
    expect(names(r.hottest.deals)).toEqual(['West new', 'Amount up', 'New', 'Advanced', 'Pushed']);
    expect(r.hottest.deals[0]!.weightedMinor).toBe(60000);
    expect(r.kpis.find((k) => k.metricId === 'won_revenue')!.value).toBe(32000);
    expect(r.goals.map((g) => g.goal.name)).toEqual(['East revenue', 'West revenue']);
    // A month: November's wins are all three, largest first.
    const nov = await meetingPack(ctx.db, admin, { team: 'company', period: '2026-11' }, NOW);
    expect(names(nov.wins)).toEqual(['Won big', 'Won small', 'Won last week']);
  });

  it('answers 404 to reps and other managers, 400 to odd input, over HTTP', async () => {
    const get = (who: AuthHeaders, q: string) =>
      app.inject({ method: 'GET', url: `/api/meeting-pack${q}`, headers: who });
    const ok = await get(h.mia!, `?team=${east}&period=2026-W48`);
    expect(ok.statusCode).toBe(200);
    expect(names(ok.json<MeetingPack>().wins)).toEqual(['Won big', 'Won small']);
    for (const [who, q] of [
      [h.ann!, ''],
      [h.ann!, `?team=${east}`],
      [h.wendy!, `?team=${east}`],
      [h.mia!, '?team=company'],
      [h.mia!, '?team=999999'],
      [h.admin!, '?team=999999'],
    ] as const) {
      const res = await get(who, q);
      expect(res.statusCode, q).toBe(404);
      expect(res.json<{ error: { message: string } }>().error.message).toBe('No such meeting pack');
    }
    for (const q of [
      '?team=01',
      '?team=%2B1',
      '?team=1%00',
      '?team=1e3',
      '?period=2026-Q4',
      '?period=2026-W99',
      '?period=2027-W01',
    ]) {
      expect((await get(h.admin!, q)).statusCode, q).toBe(400);
    }
    // A manager without a team given gets their team.
    expect((await get(h.mia!, '?period=2026-W48')).json<MeetingPack>().subject.id).toBe(east);
  });

  it('the PDF route: the same rule for the meeting pack, company only for admins, a period pattern', async () => {
    const pdf = (who: AuthHeaders, path: string) =>
      app.inject({ method: 'GET', url: `/api/print/${path}`, headers: who });
    for (const [who, path] of [
      [h.ann!, `meeting-pack/${east}/pdf`],
      [h.wendy!, `meeting-pack/${east}/pdf`],
      [h.mia!, 'meeting-pack/company/pdf'],
      [h.admin!, 'meeting-pack/999999/pdf'],
      [h.admin!, 'one-to-one/company/pdf'],
    ] as const) {
      expect((await pdf(who, path)).statusCode, path).toBe(404);
    }
    for (const path of [
      `meeting-pack/0${east}/pdf`,
      `meeting-pack/%2B${east}/pdf`,
      `meeting-pack/${east}%00/pdf`,
      `meeting-pack/${east}/pdf?period=2026-Q4`,
      `meeting-pack/${east}/pdf?period=2026-W48%00`,
      `one-to-one/${u.ann}/pdf?period=2026-W48`,
    ]) {
      expect((await pdf(h.admin!, path)).statusCode, path).toBe(400);
    }
    // Readable: past the rule, the request fails only for want of a listening server (inject has no port).
    for (const [who, path] of [
      [h.mia!, `meeting-pack/${east}/pdf?period=2026-W48`],
      [h.admin!, 'meeting-pack/company/pdf'],
      [h.admin!, `meeting-pack/${west}/pdf`],
    ] as const) {
      expect((await pdf(who, path)).statusCode, path).toBe(503);
    }
  });
});
