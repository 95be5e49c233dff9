import { Readable } from 'node:stream';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SYSTEM_VIEWER, type Viewer } from '../../src/domain/access/viewer.ts';
import { AppError } from '../../src/errors.ts';
import { MappingSpecSchema, type MappingSpecInput } from '../../src/import/mapping/mapping-spec.ts';
import { runImport } from '../../src/import/run-import.ts';
import type { Db } from '../../src/store/db.ts';
import { viewerForUser } from '../../src/store/access/viewer-for-user.ts';
import { signIn, testApp, type AuthHeaders } from '../support/app.ts';
import { describeStores, truncateAll } from '../support/stores.ts';
import { seedUser } from '../support/users.ts';
import { tableCounts, thrown } from './helpers.ts';

/**
 * Org: East (managed by mEast) with rep rEast; West (managed by mWest) with rep rWest; an admin in no team.
 * The store starts with one deal, one lead and one activity of rEast and of rWest, imported by the admin.
 */
const map = (m: MappingSpecInput) => MappingSpecSchema.parse(m);
const DEALS = map({
  source: 'crm',
  entity: 'opportunities',
  fields: {
    externalId: 'Id',
    name: 'Name',
    owner: 'Owner',
    stage: 'Stage',
    amount: 'Amount',
    createdAt: 'Created',
  },
});
const LEADS = map({
  source: 'crm',
  entity: 'leads',
  fields: { externalId: 'Id', name: 'Name', owner: 'Owner', createdAt: 'Created' },
});
const ACTIVITIES = map({
  source: 'crm',
  entity: 'activities',
  fields: { externalId: 'Id', type: 'Type', owner: 'Owner', occurredAt: 'When', opportunity: 'Deal' },
});
const HISTORY = map({
  source: 'crm',
  entity: 'opportunity_history',
  fields: { externalId: 'Id', opportunityExternalId: 'Deal Id', stage: 'Stage', changedAt: 'When' },
});

const deals = (...rows: string[]) => ['Id,Name,Owner,Stage,Amount,Created', ...rows].join('\n');

async function seedOrg(db: Db) {
  await truncateAll(db);
  const team = async (name: string) =>
    (await db.insertInto('teams').values({ name }).returning('id').executeTakeFirstOrThrow()).id;
  const east = await team('East');
  const west = await team('West');
  const admin = await seedUser(db, { role: 'admin', name: 'Admin' });
  const mEast = await seedUser(db, { role: 'manager', name: 'Manager East', teamId: east });
  const mWest = await seedUser(db, { role: 'manager', name: 'Manager West', teamId: west });
  const rEast = await seedUser(db, { role: 'rep', name: 'Rep East', teamId: east });
  const rWest = await seedUser(db, { role: 'rep', name: 'Rep West', teamId: west });
  await db.updateTable('teams').set({ manager_id: mEast.id }).where('id', '=', east).execute();
  await db.updateTable('teams').set({ manager_id: mWest.id }).where('id', '=', west).execute();
  const run = (mapping: typeof DEALS, text: string) =>
    runImport(db, SYSTEM_VIEWER, { fileName: 'seed.csv', mapping, input: Readable.from([text]) });
  await run(
    DEALS,
    deals(
      'E-1,East deal,Rep East,Discovery,100,2026-01-05',
      'W-1,West deal,Rep West,Discovery,100,2026-01-05',
    ),
  );
  await run(
    LEADS,
    'Id,Name,Owner,Created\nL-E,East lead,Rep East,2026-01-05\nL-W,West lead,Rep West,2026-01-05',
  );
  await run(
    ACTIVITIES,
    'Id,Type,Owner,When,Deal\nA-E,call,Rep East,2026-01-06,\nA-W,call,Rep West,2026-01-06,',
  );
  return { admin, mEast, mWest, rEast, rWest };
}

describeStores('imports follow the row-level rules of the importing user', (ctx) => {
  let org: Awaited<ReturnType<typeof seedOrg>>;
  const viewers: Record<string, Viewer> = {};
  beforeAll(async () => {
    org = await seedOrg(ctx.db);
    for (const [k, u] of Object.entries(org)) {
      const role = k === 'admin' ? 'admin' : k.startsWith('m') ? 'manager' : 'rep';
      viewers[k] = await viewerForUser(ctx.db, { userId: u.id, role });
    }
  });

  const run = (
    who: string,
    mapping: typeof DEALS,
    text: string,
    opts: { skipInvalid?: boolean; createMissing?: boolean } = {},
  ) =>
    runImport(ctx.db, viewers[who]!, {
      fileName: 'in.csv',
      mapping,
      input: Readable.from([text]),
      ...opts,
    });
  const westDeal = () =>
    ctx.db
      .selectFrom('opportunities')
      .select(['owner_id', 'amount_minor', 'name'])
      .where('external_id', '=', 'crm:W-1')
      .executeTakeFirstOrThrow();
  /** Asserts the import is refused with exactly these (line, field, reason) and changes nothing. */
  async function refused(
    fn: () => Promise<unknown>,
    expected: Array<{ line: number; field: string; reason: string | RegExp }>,
  ) {
    const before = await tableCounts(ctx.db);
    const deal = await westDeal();
    const err = await thrown(fn);
    expect(err).toBeInstanceOf(AppError);
    const e = err as AppError;
    expect(e.code).toBe('import_rejected');
    expect(e.details).toEqual(
      expected.map((x) =>
        expect.objectContaining({ file: 'in.csv', line: x.line, field: x.field, reason: x.reason }),
      ),
    );
    expect(await tableCounts(ctx.db)).toEqual(before);
    expect(await westDeal()).toEqual(deal);
  }

  it('an activity is linked only to a deal the importer can see', async () => {
    const s = await run(
      'mEast',
      ACTIVITIES,
      'Id,Type,Owner,When,Deal\nA-E2,call,Rep East,2026-01-09,West deal',
    );
    expect(s.created).toBe(1);
    const a = await ctx.db
      .selectFrom('activities')
      .select('opportunity_id')
      .where('external_id', '=', 'crm:A-E2')
      .executeTakeFirstOrThrow();
    expect(a.opportunity_id).toBeNull();
  });

  it("a manager cannot overwrite another team's deal through its external id", async () => {
    await refused(
      () => run('mEast', DEALS, deals('W-1,Taken over,Rep East,Demo,999999,2026-01-05')),
      [{ line: 2, field: 'externalId', reason: 'row belongs to a rep outside your teams' }],
    );
  });

  it('a manager cannot create deals, leads or activities for reps outside their subtree', async () => {
    await refused(
      () =>
        run(
          'mEast',
          DEALS,
          deals('E-2,Mine,Rep East,Discovery,1,2026-01-05', 'X-1,Theirs,Rep West,Discovery,1,2026-01-05'),
        ),
      [{ line: 3, field: 'owner', reason: "rep 'Rep West' is outside your teams" }],
    );
    await refused(
      () => run('mEast', LEADS, 'Id,Name,Owner,Created\nL-X,Someone,Rep West,2026-01-07'),
      [{ line: 2, field: 'owner', reason: "rep 'Rep West' is outside your teams" }],
    );
    await refused(
      () => run('mEast', ACTIVITIES, 'Id,Type,Owner,When,Deal\nA-W,email,Rep East,2026-01-07,'),
      [{ line: 2, field: 'externalId', reason: 'row belongs to a rep outside your teams' }],
    );
    await refused(
      () => run('mEast', HISTORY, 'Id,Deal Id,Stage,When\nH-1,W-1,Demo,2026-01-08'),
      [{ line: 2, field: 'opportunityExternalId', reason: 'row belongs to a rep outside your teams' }],
    );
  });

  it('createMissing is for admins: a manager is refused before anything is read', async () => {
    const before = await tableCounts(ctx.db);
    const err = await thrown(() =>
      run('mEast', DEALS, deals('N-1,New,Brand New Rep,Discovery,1,2026-01-05'), { createMissing: true }),
    );
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('forbidden');
    expect((err as AppError).details).toEqual([expect.objectContaining({ field: 'createMissing' })]);
    expect(await tableCounts(ctx.db)).toEqual(before);
  });

  it('with skipInvalid a manager imports the rows of their teams and gets the others back as rejects', async () => {
    const s = await run(
      'mEast',
      DEALS,
      deals(
        'E-1,East deal,Rep East,Demo,200,2026-01-05',
        'E-3,Unassigned,,Discovery,5,2026-01-05',
        'W-1,Taken over,Rep East,Demo,1,2026-01-05',
      ),
      { skipInvalid: true },
    );
    expect([s.created, s.updated, s.rejected]).toEqual([1, 1, 1]);
    expect(s.rejects.map((r) => [r.line, r.errors.map((e) => e.field)])).toEqual([[4, ['externalId']]]);
    expect((await westDeal()).name).toBe('West deal');
  });

  it('a rep viewer is limited to their own rows (no unassigned ones)', async () => {
    await refused(
      () =>
        run(
          'rEast',
          DEALS,
          deals('R-1,Mine,Rep East,Discovery,1,2026-01-05', 'R-2,Nobody,,Discovery,1,2026-01-05'),
        ),
      [{ line: 3, field: 'owner', reason: 'a row without an owner is outside what you may import' }],
    );
  });

  it('the same import by an admin passes', async () => {
    const s = await run('admin', DEALS, deals('W-1,Taken over,Rep East,Demo,999999,2026-01-05'));
    expect(s.updated).toBe(1);
    expect(await westDeal()).toEqual({ owner_id: org.rEast.id, amount_minor: 99999900, name: 'Taken over' });
  });
});

describeStores('who may import and read import runs (API)', (ctx) => {
  let app: Awaited<ReturnType<typeof testApp>>;
  let org: Awaited<ReturnType<typeof seedOrg>>;
  const headers: Record<string, AuthHeaders> = {};
  const runs: Record<string, number> = {};
  const FORMULA = `=cmd|' /C calc'!A0`;
  beforeAll(async () => {
    org = await seedOrg(ctx.db);
    app = await testApp(ctx.db);
    for (const [k, u] of Object.entries(org)) headers[k] = await signIn(app, u);
  });
  afterAll(async () => app?.close());

  const post = (who: string, body: string, query = '') =>
    app.inject({
      method: 'POST',
      url: `/api/imports?fileName=in.csv${query}`,
      payload: body,
      headers: { ...headers[who], 'content-type': 'text/csv' },
    });
  // A Pipedrive export, so the API detects the mapping; the second row is invalid and comes back as a reject.
  const pipedrive = (id: string, owner: string) =>
    [
      'Deal - ID,Deal - Title,Deal - Owner,Deal - Value,Deal - Organization,Deal - Stage,Deal - Status,Deal - Deal created,Deal - Deal closed on',
      `${id},Deal ${id},${owner},100,,Lead In,Open,2026-01-02 10:00:00,`,
      `${id}9,${FORMULA},${owner},-5,@SUM(A1),Lead In,Open,2026-01-02 10:00:00,`,
    ].join('\n');
  const ids = async (who: string) => {
    const res = await app.inject({ method: 'GET', url: '/api/imports', headers: headers[who] });
    expect(res.statusCode).toBe(200);
    return (res.json() as { imports: Array<{ id: number }> }).imports.map((r) => r.id).sort((a, b) => a - b);
  };

  it('reps cannot import; managers import for their team only', async () => {
    const before = await tableCounts(ctx.db);
    const rep = await post('rEast', pipedrive('71', 'Rep East'), '&skipInvalid=true');
    expect(rep.statusCode).toBe(403);
    const other = await post('mEast', pipedrive('72', 'Rep West'));
    expect(other.statusCode).toBe(422);
    expect(other.json().error.details).toContainEqual(
      expect.objectContaining({ line: 2, field: 'owner', reason: "rep 'Rep West' is outside your teams" }),
    );
    const missing = await post('mEast', pipedrive('73', 'Rep East'), '&createMissing=true');
    expect(missing.statusCode).toBe(403);
    expect(missing.json().error.code).toBe('forbidden');
    expect(await tableCounts(ctx.db)).toEqual(before);
  });

  it('runs are visible to their creator, the managers above the creator and admins', async () => {
    await ctx.db.deleteFrom('imports').execute();
    for (const who of ['mEast', 'mWest', 'rEast'] as const) {
      // A rep cannot import through the API, so the rep's run is recorded the way the importer would.
      if (who === 'rEast') {
        const { id } = await ctx.db
          .insertInto('imports')
          .values({
            source: 'x',
            entity: 'opportunities',
            file_name: 'r.csv',
            status: 'rejected',
            started_by: org.rEast.id,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        runs[who] = id;
        continue;
      }
      const owner = who === 'mEast' ? 'Rep East' : 'Rep West';
      const res = await post(who, pipedrive(who === 'mEast' ? '81' : '82', owner), '&skipInvalid=true');
      expect(res.statusCode).toBe(201);
      runs[who] = res.json().importId;
    }
    const cli = await runImport(ctx.db, SYSTEM_VIEWER, {
      fileName: 'cli.csv',
      input: Readable.from([pipedrive('83', 'Rep West')]),
      skipInvalid: true,
    });
    runs.cli = cli.importId;

    expect(await ids('admin')).toEqual(
      [runs.mEast, runs.mWest, runs.rEast, runs.cli].sort((a, b) => a! - b!),
    );
    expect(await ids('mEast')).toEqual([runs.mEast, runs.rEast].sort((a, b) => a! - b!));
    expect(await ids('mWest')).toEqual([runs.mWest]);

    const rejects = (who: string, id: number) =>
      app.inject({ method: 'GET', url: `/api/imports/${id}/rejects.csv`, headers: headers[who] });
    const missing = await rejects('mEast', 999999);
    expect(missing.statusCode).toBe(404);
    for (const id of [runs.mWest!, runs.cli!]) {
      const res = await rejects('mEast', id);
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toContain('Rep West');
    }
    expect((await rejects('mWest', runs.mEast!)).statusCode).toBe(404);
    expect((await rejects('mEast', runs.mEast!)).statusCode).toBe(200);
    expect((await rejects('admin', runs.cli!)).statusCode).toBe(200);
  });

  it('the rejects CSV neutralises formula cells like the exporter', async () => {
    const res = await app.inject({
      method: 'GET',
      url: `/api/imports/${runs.mEast}/rejects.csv`,
      headers: headers.mEast,
    });
    expect(res.statusCode).toBe(200);
    const row = res.body.trim().split('\n')[1]!;
    expect(row).toContain(`,'${FORMULA},`);
    expect(row).toContain(`'-5`);
    expect(row).toContain(`'@SUM(A1)`);
    expect(row).not.toMatch(/(^|,)[=@+-]/);
  });
});
