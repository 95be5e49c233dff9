import { beforeAll, expect, it } from 'vitest';
import { SYSTEM_VIEWER } from '../src/domain/access/viewer.ts';
import type { Db } from '../src/store/db.ts';
import { leaderboard } from '../src/store/queries/leaderboard/leaderboard.ts';
import { runMetrics } from '../src/store/queries/metrics/run-metrics.ts';
import { describeStores, truncateAll } from './support/stores.ts';
import { seedUser } from './support/users.ts';

const NOW = new Date('2026-12-02T12:00:00Z');

async function calls(db: Db, userId: number, month: string, n: number) {
  if (n === 0) return;
  await db
    .insertInto('activities')
    .values(
      Array.from({ length: n }, (_, i) => ({
        type: 'call' as const,
        user_id: userId,
        occurred_at: `2026-${month}-${String(10 + i).padStart(2, '0')}T10:00:00Z`,
      })),
    )
    .execute();
}

async function respondedLead(db: Db, ownerId: number, minutes: number) {
  await db
    .insertInto('leads')
    .values({
      name: 'L',
      owner_id: ownerId,
      created_at: '2026-11-16T10:00:00Z',
      first_touch_at: '2026-11-16T11:00:00Z',
      first_response_at: '2026-11-16T11:00:00Z',
      response_business_minutes: minutes,
    })
    .execute();
}

describeStores('leaderboards', (ctx) => {
  const ids: Record<string, number> = {};
  let teamA = 0;
  let teamB = 0;
  beforeAll(async () => {
    await truncateAll(ctx.db);
    teamA = (
      await ctx.db.insertInto('teams').values({ name: 'Alpha' }).returning('id').executeTakeFirstOrThrow()
    ).id;
    teamB = (
      await ctx.db.insertInto('teams').values({ name: 'Beta' }).returning('id').executeTakeFirstOrThrow()
    ).id;
    for (const [name, team] of [
      ['Ann', teamA],
      ['Bob', teamA],
      ['Cid', teamB],
      ['Dee', teamB],
    ] as const) {
      ids[name] = (await seedUser(ctx.db, { role: 'rep', name, teamId: team })).id;
    }
    // November calls: Ann 3, Bob 5, Cid 5, Dee 1. October: Ann 4, Bob 1, Cid 2, Dee 0.
    for (const [name, nov, oct] of [
      ['Ann', 3, 4],
      ['Bob', 5, 1],
      ['Cid', 5, 2],
      ['Dee', 1, 0],
    ] as const) {
      await calls(ctx.db, ids[name]!, '11', nov);
      await calls(ctx.db, ids[name]!, '10', oct);
    }
    // November response times (business minutes): Ann 10, Bob 30, Cid 10, Dee no leads.
    await respondedLead(ctx.db, ids.Ann!, 10);
    await respondedLead(ctx.db, ids.Bob!, 30);
    await respondedLead(ctx.db, ids.Cid!, 10);
  });

  it('ranks reps with shared ranks for ties and movement since the previous month', async () => {
    const b = await leaderboard(ctx.db, SYSTEM_VIEWER, {
      periodKey: '2026-11',
      board: 'reps',
      metricId: 'calls',
      now: NOW,
    });
    expect(b.previousPeriod.key).toBe('2026-10');
    expect(b.lines.map((l) => [l.name, l.rank, l.value, l.previousRank, l.movement])).toEqual([
      ['Bob', 1, 5, 3, 2],
      ['Cid', 1, 5, 2, 1],
      ['Ann', 3, 3, 1, -2],
      ['Dee', 4, 1, 4, 0],
    ]);
  });

  it('matches the metrics engine exactly', async () => {
    const b = await leaderboard(ctx.db, SYSTEM_VIEWER, {
      periodKey: '2026-11',
      board: 'reps',
      metricId: 'calls',
      now: NOW,
    });
    const rows = await runMetrics(
      ctx.db,
      SYSTEM_VIEWER,
      { metricIds: ['calls'], from: '2026-11-01', to: '2026-11-30', groupBy: 'rep' },
      { now: NOW },
    );
    const engine = new Map(rows.map((r) => [r.groupId, r.values.calls?.value ?? null]));
    expect(b.lines).toHaveLength(rows.length);
    for (const line of b.lines) expect(line.value).toBe(engine.get(line.id));
  });

  it('ranks lower-is-better metrics ascending and leaves reps without a value unranked', async () => {
    const b = await leaderboard(ctx.db, SYSTEM_VIEWER, {
      periodKey: '2026-11',
      board: 'reps',
      metricId: 'lead_response_time_p50',
      now: NOW,
    });
    expect(b.better).toBe('lower');
    expect(b.lines.map((l) => [l.name, l.rank, l.value])).toEqual([
      ['Ann', 1, 10],
      ['Cid', 1, 10],
      ['Bob', 3, 30],
      ['Dee', null, null],
    ]);
  });

  it('ranks on a weighted score normalised to 0-100 within the board', async () => {
    const b = await leaderboard(ctx.db, SYSTEM_VIEWER, {
      periodKey: '2026-11',
      board: 'reps',
      weights: { calls: 1, lead_response_time_p50: 1 },
      now: NOW,
    });
    expect(b.rankedOn).toBe('score');
    expect(b.lines.map((l) => [l.name, l.rank, l.value])).toEqual([
      ['Cid', 1, 100],
      ['Ann', 2, 75],
      ['Bob', 3, 50],
      ['Dee', 4, 0],
    ]);
  });

  it('ranks teams on the sum of their reps and rejects unknown metrics', async () => {
    const b = await leaderboard(ctx.db, SYSTEM_VIEWER, {
      periodKey: '2026-11',
      board: 'teams',
      metricId: 'calls',
      now: NOW,
    });
    expect(b.lines.map((l) => [l.name, l.rank, l.value, l.previousValue, l.movement])).toEqual([
      ['Alpha', 1, 8, 5, 0],
      ['Beta', 2, 6, 2, 0],
    ]);
    await expect(
      leaderboard(ctx.db, SYSTEM_VIEWER, { periodKey: '2026-11', board: 'reps', metricId: 'nope', now: NOW }),
    ).rejects.toMatchObject({ code: 'validation' });
  });
});
