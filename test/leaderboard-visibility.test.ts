import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEFAULT_LEADERBOARD_METRICS } from '../src/domain/leaderboard/published.ts';
import { signIn, testApp, type AuthHeaders } from './support/app.ts';
import { describeStores, truncateAll } from './support/stores.ts';
import { seedUser } from './support/users.ts';
import { opportunity } from './metrics/fixtures.ts';

interface Line {
  id: number;
  value: number | null;
  values: Record<string, number | null>;
}
interface Board {
  published: boolean;
  lines: Line[];
}

/**
 * Issue 11, item 11: leaderboards showed every rep's value of any metric (quota attainment, win rate, response
 * times) while /api/metrics hides other reps' rows. Only the metrics a workspace publishes
 * (settings.leaderboardMetrics) are shown to everyone; any other board holds the rows /api/metrics would give.
 */
describeStores('leaderboards: published metrics and row-level visibility', (ctx) => {
  let app: Awaited<ReturnType<typeof testApp>>;
  const h = {} as Record<'admin' | 'manager' | 'rep', AuthHeaders>;
  const id = {} as Record<'manager' | 'rep' | 'mate' | 'other', number>;
  const board = async (who: AuthHeaders, query: string) => {
    const res = await app.inject({
      method: 'GET',
      url: `/api/leaderboards?period=2026-Q3&${query}`,
      headers: who,
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Board;
  };
  const ids = (b: Board) => b.lines.map((l) => l.id).sort((x, y) => x - y);
  const sorted = (xs: number[]) => [...xs].sort((x, y) => x - y);

  beforeAll(async () => {
    await truncateAll(ctx.db);
    app = await testApp(ctx.db);
    const admin = await seedUser(ctx.db, { role: 'admin' });
    const manager = await seedUser(ctx.db, { role: 'manager' });
    const east = (
      await ctx.db
        .insertInto('teams')
        .values({ name: 'East', manager_id: manager.id })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    const west = (
      await ctx.db.insertInto('teams').values({ name: 'West' }).returning('id').executeTakeFirstOrThrow()
    ).id;
    const rep = await seedUser(ctx.db, { role: 'rep', name: 'Rae', teamId: east });
    const mate = await seedUser(ctx.db, { role: 'rep', name: 'Mat', teamId: east });
    const other = await seedUser(ctx.db, { role: 'rep', name: 'Oti', teamId: west });
    Object.assign(id, { manager: manager.id, rep: rep.id, mate: mate.id, other: other.id });
    // Every rep: a won deal and a quota in Q3 (so attainment has a value), and calls.
    for (const [userId, won, calls] of [
      [rep.id, 30_000, 2],
      [mate.id, 10_000, 3],
      [other.id, 50_000, 4],
    ] as const) {
      await opportunity(ctx.db, {
        ownerId: userId,
        status: 'won',
        amount: won,
        createdAt: '2026-07-01T00:00:00Z',
        closedAt: '2026-08-03T00:00:00Z',
      });
      await ctx.db
        .insertInto('goals')
        .values({
          name: 'Quota',
          metric_id: 'won_revenue',
          scope_type: 'user',
          scope_id: userId,
          grain: 'quarter',
          period_key: '2026-Q3',
          target: 40_000,
        })
        .execute();
      await ctx.db
        .insertInto('activities')
        .values(
          Array.from({ length: calls }, (_, i) => ({
            type: 'call' as const,
            user_id: userId,
            occurred_at: `2026-08-${String(10 + i).padStart(2, '0')}T10:00:00Z`,
          })),
        )
        .execute();
    }
    h.admin = await signIn(app, admin);
    h.manager = await signIn(app, manager);
    h.rep = await signIn(app, rep);
  });
  afterAll(async () => app?.close());

  it('starts from the domain default: activity counts and won business, not attainment', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/settings', headers: h.rep });
    expect(res.json().leaderboardMetrics).toEqual(DEFAULT_LEADERBOARD_METRICS);
  });

  it('does not show a rep other reps’ quota attainment (not published by default)', async () => {
    const b = await board(h.rep, 'metric=quota_attainment');
    expect(ids(b)).toEqual([id.rep]);
    expect(b.lines[0]!.value).toBe(0.75);
    expect(b.published).toBe(false);
  });

  it('shows every rep on a published metric (calls)', async () => {
    const b = await board(h.rep, 'metric=calls');
    expect(b.published).toBe(true);
    expect(ids(b)).toEqual(sorted([id.rep, id.mate, id.other]));
    expect(b.lines.map((l) => [l.id, l.value])).toContainEqual([id.other, 4]);
  });

  it('shows a manager only their subtree on an unpublished metric, and everyone on a published one', async () => {
    expect(ids(await board(h.manager, 'metric=win_rate'))).toEqual(sorted([id.rep, id.mate]));
    expect(ids(await board(h.manager, 'metric=won_revenue'))).toEqual(sorted([id.rep, id.mate, id.other]));
    expect(ids(await board(h.admin, 'metric=quota_attainment'))).toEqual(sorted([id.rep, id.mate, id.other]));
  });

  it('narrows a weighted board when any of its metrics is unpublished', async () => {
    const mixed = await board(h.rep, 'weights=calls:1,quota_attainment:1');
    expect(mixed.published).toBe(false);
    expect(ids(mixed)).toEqual([id.rep]);
    const open = await board(h.rep, 'weights=calls:1,won_revenue:2');
    expect(open.published).toBe(true);
    expect(ids(open)).toEqual(sorted([id.rep, id.mate, id.other]));
  });

  it('rejects an unknown metric id in the setting, naming the field, and lets no rep change it', async () => {
    const res = await app.inject({
      method: 'PUT',
      url: '/api/settings',
      headers: h.admin,
      payload: { leaderboardMetrics: ['calls', 'not_a_metric'] },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toContainEqual(
      expect.objectContaining({ field: 'leaderboardMetrics', value: '"not_a_metric"' }),
    );
    const rep = await app.inject({
      method: 'PUT',
      url: '/api/settings',
      headers: h.rep,
      payload: { leaderboardMetrics: ['quota_attainment'] },
    });
    expect(rep.statusCode).toBe(403);
    expect(ids(await board(h.rep, 'metric=quota_attainment'))).toEqual([id.rep]);
  });

  it('gives team boards the team aggregates /api/metrics gives every signed-in user', async () => {
    const b = await board(h.rep, 'metric=quota_attainment&board=teams');
    const metrics = await app.inject({
      method: 'GET',
      url: '/api/metrics?ids=quota_attainment&group=team&period=2026-Q3',
      headers: h.rep,
    });
    expect(metrics.statusCode, metrics.body).toBe(200);
    const rows = (
      metrics.json() as {
        rows: { group: { id: number | null }; values: Record<string, { value: number | null }> }[];
      }
    ).rows.filter((r) => r.group.id !== null);
    expect(rows.length).toBe(2);
    expect(b.lines.map((l) => [l.id, l.value]).sort()).toEqual(
      rows.map((r) => [r.group.id, r.values.quota_attainment?.value ?? null]).sort(),
    );
  });

  // Last: it changes the setting for the rest of the file.
  it('shows the whole board once an admin publishes the metric', async () => {
    const before = await app.inject({ method: 'GET', url: '/api/settings', headers: h.rep });
    expect(before.json().leaderboardMetrics).not.toContain('quota_attainment');
    const res = await app.inject({
      method: 'PUT',
      url: '/api/settings',
      headers: h.admin,
      payload: { leaderboardMetrics: [...before.json().leaderboardMetrics, 'quota_attainment'] },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().leaderboardMetrics).toContain('quota_attainment');
    const b = await board(h.rep, 'metric=quota_attainment');
    expect(b.published).toBe(true);
    expect(b.lines.map((l) => [l.id, l.value])).toContainEqual([id.other, 1.25]);
  });
});
