import { afterAll, beforeAll, expect, it } from 'vitest';
import { signIn, testApp, type AuthHeaders } from '../support/app.ts';
import { describeStores, truncateAll } from '../support/stores.ts';
import { seedUser } from '../support/users.ts';
import { team } from '../metrics/fixtures.ts';

type App = Awaited<ReturnType<typeof testApp>>;

/*
 * Seven reps with outbound calls in July 2026 (UTC workspace): zero-length / timed calls are Ann 10/20 (6 on
 * 7 July, 4 on 8 July), Bob 3/20, Cid, Dan, Eve and Fay 1/20 each, Gus 10/19. The median rep over the six with at
 * least 20 timed calls is (0.05 + 0.05) / 2 = 5%; Ann's 50% reaches the 20% floor and twice the median, Bob's 15%
 * does not reach the floor, Gus has too few calls to judge.
 */
describeStores('GET /api/capture/integrity', (ctx) => {
  let app: App;
  const h = {} as Record<'admin' | 'manager' | 'ann' | 'bob', AuthHeaders>;
  const id = {} as Record<'ann' | 'bob' | 'cid' | 'dan' | 'eve' | 'fay' | 'gus', number>;

  beforeAll(async () => {
    const db = ctx.db;
    await truncateAll(db);
    app = await testApp(db);
    const alpha = await team(db, 'Alpha');
    const beta = await team(db, 'Beta');
    const admin = await seedUser(db, { role: 'admin' });
    const manager = await seedUser(db, { role: 'manager', name: 'Mia' });
    await db.updateTable('teams').set({ manager_id: manager.id }).where('id', '=', alpha).execute();
    const reps: Array<[keyof typeof id, number, number, number]> = [
      // name, team, zero-length calls, other timed calls
      ['ann', alpha, 10, 10],
      ['bob', alpha, 3, 17],
      ['dan', alpha, 1, 19],
      ['cid', beta, 1, 19],
      ['eve', beta, 1, 19],
      ['fay', beta, 1, 19],
      ['gus', beta, 10, 9],
    ];
    const signIns: Record<string, { email: string; password: string }> = {};
    for (const [name, teamId, zero, other] of reps) {
      const u = await seedUser(db, { role: 'rep', name: name[0]!.toUpperCase() + name.slice(1), teamId });
      id[name] = u.id;
      signIns[name] = u;
      const rows = [];
      for (let i = 0; i < zero + other; i += 1) {
        // Ann's zero-length calls: 6 on 7 July, 4 on 8 July; everyone else's on 10 July.
        const day = name === 'ann' && i < zero ? (i < 6 ? '07' : '08') : '10';
        rows.push({
          user_id: u.id,
          type: 'call' as const,
          direction: 'outbound' as const,
          occurred_at: `2026-07-${day}T14:${String(i).padStart(2, '0')}:00Z`,
          duration_seconds: i < zero ? 0 : 120,
        });
      }
      await db.insertInto('activities').values(rows).execute();
    }
    h.admin = await signIn(app, admin);
    h.manager = await signIn(app, manager);
    h.ann = await signIn(app, signIns.ann!);
    h.bob = await signIn(app, signIns.bob!);
  });
  afterAll(async () => {
    await app?.close();
  });

  const get = (headers: AuthHeaders | undefined, query: string) =>
    app.inject({ method: 'GET', url: `/api/capture/integrity?${query}`, headers });
  const JULY = 'from=2026-07-01&to=2026-07-31';

  it('lists every rep for an admin, the flagged one first, with the reason and the worst days', async () => {
    const res = await get(h.admin, JULY);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.medians.zero_length_call_share).toBeCloseTo(0.05, 10);
    expect(body.reps.map((r: { name: string }) => r.name)).toEqual([
      'Ann',
      'Bob',
      'Cid',
      'Dan',
      'Eve',
      'Fay',
      'Gus',
    ]);
    const [ann, bob] = body.reps;
    expect(ann.flagged).toBe(true);
    expect(ann.signals.zero_length_call_share).toEqual({
      value: 0.5,
      numerator: 10,
      denominator: 20,
      flagged: true,
      reason: '50% of calls under 10 s (10 of 20; median of all reps 5%)',
    });
    expect(ann.worstDays).toEqual([
      {
        date: '2026-07-07',
        zeroLengthCalls: 6,
        timedCalls: 6,
        repeatTouches: 0,
        touches: 0,
        bulkLogged: 0,
        typedIn: 0,
      },
      {
        date: '2026-07-08',
        zeroLengthCalls: 4,
        timedCalls: 4,
        repeatTouches: 0,
        touches: 0,
        bulkLogged: 0,
        typedIn: 0,
      },
    ]);
    expect(bob.flagged).toBe(false);
    expect(bob.signals.zero_length_call_share.value).toBeCloseTo(0.15, 10);
    const gus = body.reps.find((r: { userId: number }) => r.userId === id.gus);
    expect(gus.signals.zero_length_call_share).toMatchObject({
      numerator: 10,
      denominator: 19,
      flagged: false,
    });
    expect(body.thresholds).toEqual({
      zeroLengthCallSeconds: 10,
      repeatTouchNth: 3,
      burstRows: 10,
      burstMinutes: 5,
    });
  });

  it('shows a manager only their team, and a rep only themself (medians are of all reps)', async () => {
    const m = (await get(h.manager, JULY)).json();
    expect(m.reps.map((r: { userId: number }) => r.userId).sort()).toEqual([id.ann, id.bob, id.dan].sort());
    const b = (await get(h.bob, JULY)).json();
    expect(b.reps.map((r: { userId: number }) => r.userId)).toEqual([id.bob]);
    expect(b.medians.zero_length_call_share).toBeCloseTo(0.05, 10);
    const a = (await get(h.ann, JULY)).json();
    expect(a.reps).toHaveLength(1);
    expect(a.reps[0].flagged).toBe(true);
  });

  it('refuses anonymous callers, bad dates, odd input and ranges over a year', async () => {
    expect((await get(undefined, JULY)).statusCode).toBe(401);
    for (const q of [
      'from=2026-13-01&to=2026-13-31',
      'from=2026-07-31&to=2026-07-01',
      'from=2026-07-01',
      'from=2026-07-01%00&to=2026-07-31',
      'from=2025-01-01&to=2026-07-31',
      `${JULY}&rep=${id.eve}`,
      'from=99999999999-01-01&to=2026-07-31',
    ]) {
      const res = await get(h.admin, q);
      expect(res.statusCode, q).toBe(400);
    }
  });
});
