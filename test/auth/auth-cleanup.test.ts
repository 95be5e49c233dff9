import { expect, it } from 'vitest';
import { authCleanupJob } from '../../src/jobs/definitions/auth-cleanup.ts';
import { jobs } from '../../src/jobs/registry.ts';
import { describeStores, truncateAll } from '../support/stores.ts';
import { seedUser } from '../support/users.ts';

describeStores('auth-cleanup job', (ctx) => {
  it('removes expired and idle sessions and day-old throttle events, keeping live ones', async () => {
    await truncateAll(ctx.db);
    const u = await seedUser(ctx.db, { role: 'rep' });
    const now = new Date('2026-11-23T12:00:00Z');
    const h = (hours: number) => new Date(now.getTime() - hours * 3_600_000);
    const session = (name: string, lastSeen: Date, expires: Date) => ({
      token_hash: name,
      csrf_token: 'c',
      user_id: u.id,
      created_at: h(24),
      last_seen_at: lastSeen,
      expires_at: expires,
    });
    await ctx.db
      .insertInto('sessions')
      .values([
        session('live', h(1), h(-100)),
        session('idle', h(12), h(-100)),
        session('expired', h(0.5), h(0.1)),
      ])
      .execute();
    await ctx.db
      .insertInto('auth_failures')
      .values([
        { kind: 'email', key: 'a', at: h(23) },
        { kind: 'ip', key: 'b', at: h(25) },
      ])
      .execute();
    expect(jobs).toContain(authCleanupJob);
    expect(await authCleanupJob.run(ctx.db, now)).toBe('2 expired sessions, 1 old throttle events removed');
    expect(
      (await ctx.db.selectFrom('sessions').select('token_hash').execute()).map((s) => s.token_hash),
    ).toEqual(['live']);
    expect((await ctx.db.selectFrom('auth_failures').select('key').execute()).map((f) => f.key)).toEqual([
      'a',
    ]);
    expect(await authCleanupJob.run(ctx.db, now)).toBe('0 expired sessions, 0 old throttle events removed');
  });
});
