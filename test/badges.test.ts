import { beforeAll, expect, it } from 'vitest';
import type { Viewer } from '../src/domain/access/viewer.ts';
import { awardBadges } from '../src/store/queries/goals/award-badges.ts';
import { listBadges } from '../src/store/queries/goals/list-badges.ts';
import { describeStores, truncateAll } from './support/stores.ts';
import { seedUser } from './support/users.ts';

// Monday of ISO week 48: weeks up to W47 and months up to October are complete.
const NOW = new Date('2026-11-23T12:00:00Z');

describeStores('badges', (ctx) => {
  let rep = 0;
  let other = 0;
  let weekender = 0;
  beforeAll(async () => {
    await truncateAll(ctx.db);
    rep = (await seedUser(ctx.db, { role: 'rep', name: 'Streaky' })).id;
    other = (await seedUser(ctx.db, { role: 'rep', name: 'Other' })).id;
    weekender = (await seedUser(ctx.db, { role: 'rep', name: 'Weekender' })).id;
    // A daily goal met Thursday 12, Friday 13 and Monday 16 November: the weekend between does not break it.
    await ctx.db
      .insertInto('activities')
      .values(
        ['11-12', '11-13', '11-16'].map((d) => ({
          type: 'call' as const,
          user_id: weekender,
          occurred_at: `2026-${d}T10:00:00Z`,
        })),
      )
      .execute();
    // Outbound calls per ISO week: W42 2, W43 0, W44 2, W45 2, W46 2, W47 3. October holds 4 of them.
    const days = [
      '10-13',
      '10-14',
      '10-27',
      '10-28',
      '11-03',
      '11-04',
      '11-10',
      '11-11',
      '11-17',
      '11-18',
      '11-19',
    ];
    await ctx.db
      .insertInto('activities')
      .values(days.map((d) => ({ type: 'call' as const, user_id: rep, occurred_at: `2026-${d}T10:00:00Z` })))
      .execute();
    await ctx.db
      .insertInto('goals')
      .values([
        {
          name: 'Weekly calls',
          metric_id: 'calls',
          scope_type: 'user',
          scope_id: rep,
          grain: 'week',
          target: 2,
        },
        {
          name: 'October calls',
          metric_id: 'calls',
          scope_type: 'user',
          scope_id: rep,
          grain: 'month',
          period_key: '2026-10',
          target: 4,
        },
        {
          name: 'Daily call',
          metric_id: 'calls',
          scope_type: 'user',
          scope_id: weekender,
          grain: 'day',
          target: 1,
        },
      ])
      .execute();
  });

  it('awards a 3-week streak, a daily streak across a weekend, a personal best and a met fixed goal, once', async () => {
    const first = await awardBadges(ctx.db, NOW);
    expect(first).toEqual({ goalsChecked: 3, awarded: 4 });
    const again = await awardBadges(ctx.db, NOW);
    expect(again.awarded).toBe(0);
    const repViewer: Viewer = { userId: rep, role: 'rep', visibleUserIds: [rep] };
    const badges = await listBadges(ctx.db, repViewer, rep);
    expect(badges.map((b) => [b.kind, b.metricId, b.periodKey, b.value]).sort()).toEqual([
      ['goal_met', 'calls', '2026-10', 4],
      ['goal_streak', 'calls', '2026-W46', 3],
      ['personal_best', 'calls', '2026-W47', 3],
    ]);
    expect(badges.find((b) => b.kind === 'personal_best')?.details).toMatchObject({ previousBest: 2 });
    await expect(listBadges(ctx.db, repViewer, other)).rejects.toMatchObject({ code: 'not_found' });
    const daily = await listBadges(
      ctx.db,
      { userId: weekender, role: 'rep', visibleUserIds: [weekender] },
      weekender,
    );
    expect(daily.map((b) => [b.kind, b.periodKey, b.value])).toEqual([['goal_streak', '2026-11-16', 3]]);
  });
});
