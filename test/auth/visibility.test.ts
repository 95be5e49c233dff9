import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Db } from '../../src/store/db.ts';
import { emptyStoreWithPipeline } from '../support/pipeline.ts';
import { describeStores } from '../support/stores.ts';
import { signIn, testApp, type AuthHeaders } from '../support/app.ts';
import { seedUser } from '../support/users.ts';

/**
 * Org chart (two levels of teams below the top):
 *   Sales (managed by m1) -> East (managed by m2) -> East North (no manager)
 *   West (managed by m4)
 * Members: m2 and r1 in Sales, r2 in East, r3 in East North, r4 in West; admin in no team.
 * Each of r1..r4 owns one opportunity, one activity and one lead; one of each is unassigned.
 */
async function seedOrg(db: Db) {
  const { pipelineId, firstStageId } = await emptyStoreWithPipeline(db);
  const stage = { id: firstStageId };
  const team = async (name: string, parent: number | null) =>
    (
      await db
        .insertInto('teams')
        .values({ name, parent_team_id: parent })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const sales = await team('Sales', null);
  const east = await team('East', sales);
  const eastNorth = await team('East North', east);
  const west = await team('West', null);
  const admin = await seedUser(db, { role: 'admin' });
  const m1 = await seedUser(db, { role: 'manager', name: 'M1' });
  const m2 = await seedUser(db, { role: 'manager', name: 'M2', teamId: sales });
  const m4 = await seedUser(db, { role: 'manager', name: 'M4', teamId: west });
  const r1 = await seedUser(db, { role: 'rep', name: 'R1', teamId: sales });
  const r2 = await seedUser(db, { role: 'rep', name: 'R2', teamId: east });
  const r3 = await seedUser(db, { role: 'rep', name: 'R3', teamId: eastNorth });
  const r4 = await seedUser(db, { role: 'rep', name: 'R4', teamId: west });
  await db.updateTable('teams').set({ manager_id: m1.id }).where('id', '=', sales).execute();
  await db.updateTable('teams').set({ manager_id: m2.id }).where('id', '=', east).execute();
  await db.updateTable('teams').set({ manager_id: m4.id }).where('id', '=', west).execute();

  const ids: Record<string, { opp: number; activity: number; lead: number }> = {};
  for (const [key, owner] of [
    ['r1', r1.id],
    ['r2', r2.id],
    ['r3', r3.id],
    ['r4', r4.id],
    ['none', null],
  ] as const) {
    const lead = await db
      .insertInto('leads')
      .values({ name: `Lead ${key}`, owner_id: owner, created_at: '2026-11-10T10:00:00Z', source: 'web' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const opp = await db
      .insertInto('opportunities')
      .values({
        name: `Opp ${key}`,
        owner_id: owner,
        pipeline_id: pipelineId,
        stage_id: stage.id,
        amount_minor: 100_00,
        currency: 'USD',
        created_at: '2026-11-10T10:00:00Z',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const act = await db
      .insertInto('activities')
      .values({ type: 'call', user_id: owner, occurred_at: '2026-11-10T11:00:00Z', opportunity_id: opp.id })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids[key] = { opp: opp.id, activity: act.id, lead: lead.id };
  }
  return { users: { admin, m1, m2, m4, r1, r2, r3, r4 }, ids, teams: { sales, east, eastNorth, west } };
}

const RESOURCES = [
  { path: 'opportunities', key: 'opp', owner: 'ownerId' },
  { path: 'activities', key: 'activity', owner: 'userId' },
  { path: 'leads', key: 'lead', owner: 'ownerId' },
] as const;

describeStores('row-level visibility of opportunities, activities and leads', (ctx) => {
  let app: Awaited<ReturnType<typeof testApp>>;
  let org: Awaited<ReturnType<typeof seedOrg>>;
  const headers: Record<string, AuthHeaders> = {};
  beforeAll(async () => {
    org = await seedOrg(ctx.db);
    app = await testApp(ctx.db);
    for (const [name, u] of Object.entries(org.users)) headers[name] = await signIn(app, u);
  });
  afterAll(async () => app?.close());

  const get = (who: string, url: string) => app.inject({ method: 'GET', url, headers: headers[who] });
  const listIds = async (who: string, url: string) => {
    const res = await get(who, url);
    expect(res.statusCode).toBe(200);
    return (res.json().items as Array<{ id: number }>).map((i) => i.id).sort((a, b) => a - b);
  };
  const csvIds = async (who: string, url: string) => {
    const res = await get(who, url);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const lines = res.body.trim().split('\n');
    expect(lines[0]).toMatch(/^id,/);
    return lines
      .slice(1)
      .map((l) => Number(l.split(',')[0]))
      .sort((a, b) => a - b);
  };
  const idsOf = (key: 'opp' | 'activity' | 'lead', owners: string[]) =>
    owners.map((o) => org.ids[o]![key]).sort((a, b) => a - b);

  for (const r of RESOURCES) {
    it(`${r.path}: a rep sees only their own, by list, by filter, by id and by export`, async () => {
      const mine = idsOf(r.key, ['r2']);
      expect(await listIds('r2', `/api/${r.path}`)).toEqual(mine);
      expect(await listIds('r2', `/api/${r.path}?owner=${org.users.r1.id}`)).toEqual([]);
      expect(await csvIds('r2', `/api/${r.path}/export.csv`)).toEqual(mine);
      expect(await csvIds('r2', `/api/${r.path}/export.csv?owner=${org.users.r1.id}`)).toEqual([]);
      // The semicolon file (decimal-comma spreadsheets) holds the same rows.
      const semi = await get('r2', `/api/${r.path}/export.csv?separator=semicolon`);
      const semiLines = semi.body.trim().split('\n');
      expect(semiLines[0]).toMatch(/^id;/);
      expect(semiLines.slice(1).map((l) => Number(l.split(';')[0]))).toEqual(mine);
      const other = await get('r2', `/api/${r.path}/${org.ids.r1![r.key]}`);
      expect(other.statusCode).toBe(404);
      const unassigned = await get('r2', `/api/${r.path}/${org.ids.none![r.key]}`);
      expect(unassigned.statusCode).toBe(404);
      const missing = await get('r2', `/api/${r.path}/999999`);
      expect(missing.statusCode).toBe(404);
      expect(other.body).toBe(missing.body);
      const own = await get('r2', `/api/${r.path}/${org.ids.r2![r.key]}`);
      expect(own.statusCode).toBe(200);
      expect(own.json()[r.owner]).toBe(org.users.r2.id);
    });

    it(`${r.path}: a manager sees exactly their subtree (two levels down) plus unassigned`, async () => {
      const m1 = idsOf(r.key, ['r1', 'r2', 'r3', 'none']);
      expect(await listIds('m1', `/api/${r.path}`)).toEqual(m1);
      expect(await csvIds('m1', `/api/${r.path}/export.csv`)).toEqual(m1);
      const m2 = idsOf(r.key, ['r2', 'r3', 'none']);
      expect(await listIds('m2', `/api/${r.path}`)).toEqual(m2);
      // r1 sits in Sales, above m2's team East: invisible to m2 by id and by filter.
      expect((await get('m2', `/api/${r.path}/${org.ids.r1![r.key]}`)).statusCode).toBe(404);
      expect(await listIds('m2', `/api/${r.path}?owner=${org.users.r1.id}`)).toEqual([]);
      expect(await listIds('m4', `/api/${r.path}`)).toEqual(idsOf(r.key, ['r4', 'none']));
    });

    it(`${r.path}: an admin sees everything`, async () => {
      const all = idsOf(r.key, ['r1', 'r2', 'r3', 'r4', 'none']);
      expect(await listIds('admin', `/api/${r.path}`)).toEqual(all);
      expect(await csvIds('admin', `/api/${r.path}/export.csv`)).toEqual(all);
    });
  }

  it('filters by period in the workspace time zone and pages with a total', async () => {
    expect(await listIds('admin', '/api/opportunities?period=2026-11')).toHaveLength(5);
    expect(await listIds('admin', '/api/opportunities?period=2026-10')).toEqual([]);
    expect(await listIds('admin', '/api/activities?period=2026-11-10')).toHaveLength(5);
    const page = await get('admin', '/api/opportunities?limit=2&offset=4');
    expect(page.json()).toMatchObject({ total: 5, limit: 2, offset: 4 });
    expect(page.json().items).toHaveLength(1);
    const bad = await get('admin', '/api/leads?period=2026-13');
    expect(bad.statusCode).toBe(400);
  });

  it('users and teams: managers read their subtree, reps themselves, only admins write', async () => {
    const names = async (who: string, url: string) =>
      ((await get(who, url)).json().items as Array<{ name: string }>).map((i) => i.name).sort();
    expect(await names('m1', '/api/users')).toEqual(['M1', 'M2', 'R1', 'R2', 'R3']);
    expect(await names('m2', '/api/users')).toEqual(['M2', 'R2', 'R3']);
    expect(await names('r3', '/api/users')).toEqual(['R3']);
    expect((await get('m2', `/api/users/${org.users.r3.id}`)).statusCode).toBe(200);
    expect((await get('m2', `/api/users/${org.users.r1.id}`)).statusCode).toBe(404);
    expect((await get('r3', `/api/users/${org.users.r2.id}`)).statusCode).toBe(404);
    expect(await names('m2', '/api/teams')).toEqual(['East', 'East North', 'Sales']);
    expect(await names('m1', '/api/teams')).toEqual(['East', 'East North', 'Sales']);
    expect(await names('r4', '/api/teams')).toEqual(['West']);
    expect(await names('admin', '/api/teams')).toEqual(['East', 'East North', 'Sales', 'West']);
    const denied = await app.inject({
      method: 'POST',
      url: '/api/teams',
      headers: headers.m1,
      payload: { name: 'Rogue' },
    });
    expect(denied.statusCode).toBe(403);
    expect(denied.json().error.code).toBe('forbidden');
  });
});
