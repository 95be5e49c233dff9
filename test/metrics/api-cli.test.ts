import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { describe, expect, it, vi } from 'vitest';
import { openDb, type Db } from '../../src/store/db.ts';
import { migrateToLatest } from '../../src/store/migrate.ts';
import { signIn, testApp } from '../support/app.ts';
import { runCli } from '../support/cli.ts';
import { runCliInProcess } from '../support/cli-in-process.ts';
import { closeSharedPglite } from '../support/shared-pglite.ts';
import { copyMigratedDataDir } from '../support/store-templates.ts';
import { storeNames, type StoreName } from '../support/stores.ts';
import { seedUser } from '../support/users.ts';
import { activities, opportunity, team } from './fixtures.ts';

vi.mock(import('../../src/store/db.ts'), async (original) =>
  (await import('../support/shared-pglite.ts')).sharingPgliteDirs(await original()),
);

const IDS = 'calls,connect_rate,win_rate,won_revenue,avg_deal_size,unique_contacts';

/** A store the CLI can open too: a PGlite directory, or a private PostgreSQL schema. */
async function sharedStore(
  name: StoreName,
): Promise<{ db: Db; env: Record<string, string>; reopen: () => Promise<Db>; cleanup: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'pacesetter-metrics-'));
  if (name === 'pglite') {
    copyMigratedDataDir(dir); // the run's migrated, empty store (store-templates.ts)
    const open = async () => openDb({ kind: 'pglite', dataDir: dir });
    const db = await open();
    await migrateToLatest(db);
    return {
      db,
      env: { PACESETTER_DATA: dir },
      reopen: open,
      cleanup: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const base = process.env.TEST_DATABASE_URL as string;
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = await openDb({ kind: 'postgres', url: base });
  await sql`create schema ${sql.id(schema)}`.execute(admin);
  const url = new URL(base);
  url.searchParams.set('options', `-c search_path=${schema}`);
  const open = async () => openDb({ kind: 'postgres', url: url.toString() });
  const db = await open();
  await migrateToLatest(db);
  return {
    db,
    env: { DATABASE_URL: url.toString(), PACESETTER_DATA: dir },
    reopen: open,
    // The schema itself is dropped by test/support/global-setup.ts after the run.
    cleanup: async () => {
      await admin.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

// The JSON report runs in this process (cli-in-process.ts; on PGlite over the test's own handle, shared-pglite.ts),
// the CSV one as a real process, which must find a PGlite directory closed.
const cli = (args: string[], env: Record<string, string>) => runCliInProcess(args, env);
const spawnCli = async (args: string[], env: Record<string, string>) => {
  await closeSharedPglite();
  return runCli(args, env, 60_000);
};

for (const name of storeNames()) {
  describe(`metrics API and CLI [${name}]`, () => {
    it('give identical numbers; the API names unknown ids and keeps per-rep rows private', async () => {
      const store = await sharedStore(name);
      let db = store.db;
      try {
        const t = await team(db, 'Alpha');
        const admin = await seedUser(db, { role: 'admin', name: 'Admin' });
        const ann = await seedUser(db, { role: 'rep', name: 'Ann', teamId: t });
        const bob = await seedUser(db, { role: 'rep', name: 'Bob', teamId: t });
        await activities(db, [
          { userId: ann.id, type: 'call', at: '2026-07-02T10:00:00Z', outcome: 'connected' },
          { userId: ann.id, type: 'call', at: '2026-08-02T10:00:00Z', outcome: 'no_answer' },
          { userId: bob.id, type: 'call', at: '2026-09-02T10:00:00Z', outcome: 'connected' },
          { userId: bob.id, type: 'call', at: '2026-04-02T10:00:00Z', outcome: 'connected' },
        ]);
        await opportunity(db, {
          ownerId: ann.id,
          status: 'won',
          amount: 12_345,
          createdAt: '2026-06-01T00:00:00Z',
          closedAt: '2026-07-10T00:00:00Z',
          leadSource: 'Web',
        });
        await opportunity(db, {
          ownerId: bob.id,
          status: 'lost',
          amount: 500,
          createdAt: '2026-06-01T00:00:00Z',
          closedAt: '2026-08-10T00:00:00Z',
        });
        await opportunity(db, {
          ownerId: bob.id,
          status: 'won',
          amount: 700,
          createdAt: '2026-04-01T00:00:00Z',
          closedAt: '2026-05-10T00:00:00Z',
        });

        const app = await testApp(db);
        const adminHeaders = await signIn(app, admin);
        const url = `/api/metrics?ids=${IDS}&group=rep&from=2026-07-01&to=2026-09-30&grain=month&compare=previous`;
        const res = await app.inject({ method: 'GET', url, headers: adminHeaders });
        expect(res.statusCode).toBe(200);
        const api = res.json();
        expect(api.period).toEqual({ key: '2026-07-01..2026-09-30', from: '2026-07-01', to: '2026-09-30' });
        expect(api.previousPeriod).toEqual({
          key: '2026-03-31..2026-06-30',
          from: '2026-03-31',
          to: '2026-06-30',
        });
        const annJuly = api.rows.find(
          (r: { group: { name: string }; period: string }) =>
            r.group.name === 'Ann' && r.period === '2026-07',
        );
        expect(annJuly.values.won_revenue).toMatchObject({ value: 12_345, previous: 0, change: 12_345 });
        const bobApril = api.rows.find(
          (r: { group: { name: string }; period: string }) =>
            r.group.name === 'Bob' && r.period === '2026-09',
        );
        // Bob's September pairs with June (third bucket of each period): no April call there.
        expect(bobApril.values.calls).toMatchObject({ value: 1, previous: 0 });

        const bad = await app.inject({
          method: 'GET',
          url: '/api/metrics?ids=calls,nope,win_ratio&period=2026-Q3',
          headers: adminHeaders,
        });
        expect(bad.statusCode).toBe(400);
        expect(bad.json().error.details.map((d: { value: string }) => d.value)).toEqual([
          'nope',
          'win_ratio',
        ]);

        const repHeaders = await signIn(app, ann);
        const own = await app.inject({
          method: 'GET',
          url: `/api/metrics?ids=calls&group=rep&period=2026-Q3`,
          headers: repHeaders,
        });
        expect(own.json().rows.map((r: { group: { name: string } }) => r.group.name)).toEqual(['Ann']);
        const teamRows = await app.inject({
          method: 'GET',
          url: `/api/metrics?ids=calls&group=team&period=2026-Q3`,
          headers: repHeaders,
        });
        expect(teamRows.json().rows[0].values.calls.value).toBe(3);

        const defs = await app.inject({
          method: 'GET',
          url: '/api/metrics/definitions',
          headers: repHeaders,
        });
        expect(defs.json().metrics.find((m: { id: string }) => m.id === 'win_rate')).toMatchObject({
          unit: 'ratio',
          indicator: 'lagging',
        });
        // Issue 18: by lead source, Ann's won Web deal and Bob's lost deal of no recorded source.
        const bySource = await app.inject({
          method: 'GET',
          url: '/api/metrics?ids=win_rate,won_revenue&group=lead_source&period=2026-Q3',
          headers: adminHeaders,
        });
        expect(bySource.statusCode).toBe(200);
        const sourceApi = bySource.json();
        expect(
          sourceApi.rows.map((r: { group: unknown; values: Record<string, { value: number }> }) => [
            r.group,
            r.values.win_rate!.value,
            r.values.won_revenue!.value,
          ]),
        ).toEqual([
          [{ type: 'lead_source', id: null, name: 'Web' }, 1, 12_345],
          [{ type: 'lead_source', id: null, name: 'No lead source' }, 0, 0],
        ]);
        await app.close();
        if (name === 'pglite') await db.destroy();

        const bySourceCli = await cli(
          [
            'report',
            '--period',
            '2026-Q3',
            '--by',
            'lead_source',
            '--metrics',
            'win_rate,won_revenue',
            '--json',
          ],
          store.env,
        );
        expect(bySourceCli.err).toBe('');
        expect(JSON.parse(bySourceCli.out)).toEqual(sourceApi);
        const badBy = await cli(['report', '--period', '2026-Q3', '--by', 'colour'], store.env);
        expect(badBy.status).not.toBe(0);
        expect(badBy.err).toContain('--by must be one of rep, team, company, lead_source');

        const out = await cli(
          [
            'report',
            '--from',
            '2026-07-01',
            '--to',
            '2026-09-30',
            '--by',
            'rep',
            '--metrics',
            IDS,
            '--grain',
            'month',
            '--compare',
            '--json',
          ],
          store.env,
        );
        expect(out.err).toBe('');
        expect(out.status).toBe(0);
        expect(JSON.parse(out.out)).toEqual(api);

        const csv = await spawnCli(
          ['report', '--period', '2026-Q3', '--by', 'company', '--metrics', 'win_rate', '--csv'],
          store.env,
        );
        expect(csv.err).toBe('');
        expect(csv.status).toBe(0);
        expect(csv.out.trim().split('\n')).toEqual([
          'group_type,group_id,group_name,period,win_rate,win_rate_numerator,win_rate_denominator',
          'company,,Company,2026-Q3,0.5,1,2',
        ]);
      } finally {
        if (name === 'pglite') {
          db = await store.reopen();
          await db.destroy();
          await closeSharedPglite();
        } else {
          await db.destroy();
        }
        await store.cleanup();
      }
    }, 180_000);
  });
}
