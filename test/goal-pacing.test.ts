import { beforeAll, expect, it } from 'vitest';
import { SYSTEM_VIEWER, type Viewer } from '../src/domain/access/viewer.ts';
import type { Db } from '../src/store/db.ts';
import { goalPacing } from '../src/store/queries/goals/goal-pacing.ts';
import { updateSettings } from '../src/store/tables/settings.ts';
import { describeStores, truncateAll } from './support/stores.ts';
import { seedUser } from './support/users.ts';

// Tuesday 24 November 2026, 13:30 UTC: half of Tuesday's 09:00-18:00 has passed. Thursday 26 and Friday 27 are
// holidays, so ISO week 2026-W48 has 3 business days and 1.5 have elapsed.
const NOW = new Date('2026-11-24T13:30:00Z');

async function calls(db: Db, userId: number, n: number, day: string) {
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

describeStores('goal pacing from the metrics engine', (ctx) => {
  const id: Record<string, number> = {};
  beforeAll(async () => {
    await truncateAll(ctx.db);
    // Hand-computed for ISO Monday weeks (a new en-US workspace would start them on Sunday).
    await updateSettings(ctx.db, { weekStartDayChoice: 1 });
    await ctx.db
      .insertInto('holidays')
      .values([
        { day: '2026-11-26', name: 'Thanksgiving' },
        { day: '2026-11-27', name: 'Day after Thanksgiving' },
      ])
      .execute();
    id.team = (
      await ctx.db.insertInto('teams').values({ name: 'East' }).returning('id').executeTakeFirstOrThrow()
    ).id;
    id.rep = (await seedUser(ctx.db, { role: 'rep', teamId: id.team })).id;
    id.rep2 = (await seedUser(ctx.db, { role: 'rep', teamId: id.team })).id;
    await calls(ctx.db, id.rep, 20, '2026-11-23');
    await calls(ctx.db, id.rep, 8, '2026-11-24');
    await calls(ctx.db, id.rep2, 10, '2026-11-23');
    await calls(ctx.db, id.rep, 7, '2026-11-20'); // previous week
    await ctx.db
      .insertInto('leads')
      .values({
        name: 'L',
        owner_id: id.rep,
        created_at: '2026-11-23T10:00:00Z',
        first_touch_at: '2026-11-23T10:30:00Z',
        first_response_at: '2026-11-23T10:30:00Z',
        response_business_minutes: 30,
      })
      .execute();
    const base = { grain: 'week' as const, direction: 'at_least' as const };
    const goals = await ctx.db
      .insertInto('goals')
      .values([
        { ...base, name: 'Rep calls', metric_id: 'calls', scope_type: 'user', scope_id: id.rep, target: 60 },
        {
          ...base,
          name: 'Team calls',
          metric_id: 'calls',
          scope_type: 'team',
          scope_id: id.team,
          target: 100,
        },
        {
          ...base,
          name: 'Fast response',
          metric_id: 'lead_response_time_p50',
          scope_type: 'user',
          scope_id: id.rep,
          target: 60,
          direction: 'at_most',
        },
        {
          ...base,
          name: 'Old week',
          metric_id: 'calls',
          scope_type: 'company',
          scope_id: null,
          period_key: '2026-W40',
          target: 1,
        },
        { ...base, name: 'Other rep', metric_id: 'calls', scope_type: 'user', scope_id: id.rep2, target: 5 },
      ])
      .returning(['id', 'name'])
      .execute();
    for (const g of goals) id[g.name] = g.id;
  });

  it('pro-rates additive goals by business days in a holiday week and compares ratios directly', async () => {
    const rows = await goalPacing(ctx.db, SYSTEM_VIEWER, { now: NOW });
    const by = Object.fromEntries(rows.map((r) => [r.goal.name, r]));
    expect(Object.keys(by).sort()).toEqual(['Fast response', 'Other rep', 'Rep calls', 'Team calls']);
    // Rep: 28 of an expected 60 x 1.5/3 = 30 -> 93%, at risk; 32 left over today and Wednesday = 16 a day.
    expect(by['Rep calls']!.period.key).toBe('2026-W48');
    expect(by['Rep calls']!.pacing).toMatchObject({
      actual: 28,
      expectedToDate: 30,
      projected: 56,
      requiredPerBusinessDay: 16,
      remainingBusinessDays: 1.5,
      status: 'at_risk',
    });
    // Team: 28 + 10 = 38 of an expected 50 -> 76%, behind.
    expect(by['Team calls']!.pacing).toMatchObject({ actual: 38, expectedToDate: 50, status: 'behind' });
    // Response time: 30 business minutes vs at most 60, not pro-rated.
    expect(by['Fast response']!.pacing).toMatchObject({
      actual: 30,
      expectedToDate: 60,
      projected: 30,
      status: 'on_track',
    });
  });

  it('narrows to one rep and paces a finished period as of its last day', async () => {
    const rep: Viewer = { userId: id.rep!, role: 'rep', visibleUserIds: [id.rep!] };
    const mine = await goalPacing(ctx.db, rep, { now: NOW, forUserId: id.rep });
    expect(mine.map((r) => r.goal.name).sort()).toEqual(['Fast response', 'Rep calls', 'Team calls']);
    const lastWeek = await goalPacing(ctx.db, SYSTEM_VIEWER, {
      now: NOW,
      periodKey: '2026-W47',
      forUserId: id.rep,
    });
    const calls = lastWeek.find((r) => r.goal.name === 'Rep calls')!;
    expect(calls.period.key).toBe('2026-W47');
    expect(calls.asOf).toBe('2026-11-22');
    expect(calls.pacing).toMatchObject({ actual: 7, expectedToDate: 60, elapsedShare: 1, status: 'behind' });
  });
});

describeStores('goal pacing in a Sunday-week workspace (he-IL, Sunday-Thursday)', (ctx) => {
  // Tuesday 24 November 2026, 18:30 in Jerusalem (IST, UTC+2): Tuesday's 09:00-18:00 is over.
  const tuesdayEvening = new Date('2026-11-24T16:30:00Z');

  beforeAll(async () => {
    await truncateAll(ctx.db);
    // No week start chosen: he-IL's first day, Sunday.
    await updateSettings(ctx.db, {
      locale: 'he-IL',
      timeZone: 'Asia/Jerusalem',
      workingDays: [7, 1, 2, 3, 4],
      weekStartDayChoice: null,
    });
    const rep = (await seedUser(ctx.db, { role: 'rep' })).id;
    // 10:00 local = 08:00 UTC. Saturday 21 belongs to the week before; Sunday 22 opens 2026-W48.
    await calls(ctx.db, rep, 5, '2026-11-21');
    for (const day of ['2026-11-22', '2026-11-23', '2026-11-24']) {
      await ctx.db
        .insertInto('activities')
        .values(
          Array.from({ length: 10 }, () => ({
            type: 'call' as const,
            user_id: rep,
            occurred_at: `${day}T08:00:00Z`,
          })),
        )
        .execute();
    }
    const base = { grain: 'week' as const, direction: 'at_least' as const, metric_id: 'calls', target: 50 };
    await ctx.db
      .insertInto('goals')
      .values([
        { ...base, name: 'Weekly calls', scope_type: 'company', scope_id: null },
        { ...base, name: 'Calls in W48', scope_type: 'company', scope_id: null, period_key: '2026-W48' },
      ])
      .execute();
  });

  it('measures the week Sunday 22 to Saturday 28 November: 3 of its 5 working days have passed on Tuesday evening', async () => {
    const rows = await goalPacing(ctx.db, SYSTEM_VIEWER, { now: tuesdayEvening });
    expect(rows.map((r) => r.goal.name)).toEqual(['Weekly calls', 'Calls in W48']);
    for (const row of rows) {
      expect(row.period).toEqual({ key: '2026-W48', grain: 'week', start: '2026-11-22', end: '2026-11-29' });
      // Sunday, Monday and Tuesday worked of Sunday-Thursday: 50 x 3/5 = 30 expected; 30 calls (Saturday's 5
      // belong to W47), so on track; 20 left over Wednesday and Thursday.
      expect(row.pacing).toMatchObject({
        actual: 30,
        expectedToDate: 30,
        elapsedShare: 0.6,
        remainingBusinessDays: 2,
        requiredPerBusinessDay: 10,
        status: 'on_track',
      });
    }
  });
});
