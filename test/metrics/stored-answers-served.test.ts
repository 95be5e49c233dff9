import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { viewerUnchanged } from '../../src/store/access/viewer-unchanged.ts';
import { answerEtag } from '../../src/store/queries/metrics/encoded-answer.ts';
import { metricsDataVersion, writeStoredAlias } from '../../src/store/queries/metrics/stored-results.ts';
import { signIn, testApp, type AuthHeaders } from '../support/app.ts';
import { describeStores, truncateAll } from '../support/stores.ts';
import { seedUser } from '../support/users.ts';
import { activities, team } from './fixtures.ts';

/*
 * Stored metrics answers as the API serves them: one statement for a repeated request (the viewer's request
 * resolved to the answer kept for its scope), 304 for a client that has the answer, and never an answer of another
 * scope or of an older data version (docs/performance.md, "Stored metrics answers").
 */

const URL_Q3 = '/api/metrics?group=rep&from=2026-07-01&to=2026-09-30&ids=calls,meetings_held';

interface Body {
  currency: string;
  rows: { group: { id: number }; values: { calls: { value: number } } }[];
}

describeStores('stored metrics answers served', (ctx) => {
  let app: Awaited<ReturnType<typeof testApp>>;
  let statements = 0;
  let asAdmin: AuthHeaders;
  let asManager: AuthHeaders;
  let asAnn: AuthHeaders;
  let mia: number;
  let ann: number;
  let bob: number;
  let cid: number;
  let alpha: number;
  let beta: number;

  beforeAll(async () => {
    await truncateAll(ctx.db);
    const manager = await seedUser(ctx.db, { role: 'manager', name: 'Mia' });
    mia = manager.id;
    alpha = await team(ctx.db, 'Alpha');
    beta = await team(ctx.db, 'Beta');
    await ctx.db.updateTable('teams').set({ manager_id: mia }).where('id', '=', alpha).execute();
    const annUser = await seedUser(ctx.db, { role: 'rep', name: 'Ann', teamId: alpha });
    ann = annUser.id;
    bob = (await seedUser(ctx.db, { role: 'rep', name: 'Bob', teamId: alpha })).id;
    cid = (await seedUser(ctx.db, { role: 'rep', name: 'Cid', teamId: beta })).id;
    const admin = await seedUser(ctx.db, { role: 'admin', name: 'Ada' });
    await activities(ctx.db, [
      { userId: ann, type: 'call', at: '2026-07-02T10:00:00Z', outcome: 'connected' },
      { userId: bob, type: 'call', at: '2026-09-02T10:00:00Z', outcome: 'no_answer' },
      { userId: cid, type: 'call', at: '2026-08-12T10:00:00Z', outcome: 'connected' },
    ]);
    // Every statement the app sends, counted.
    const counted = ctx.db.withPlugin({
      transformQuery: (args) => {
        statements += 1;
        return args.node;
      },
      transformResult: async (args) => args.result,
    });
    app = await testApp(counted);
    asAdmin = await signIn(app, admin);
    asManager = await signIn(app, manager);
    asAnn = await signIn(app, annUser);
    return async () => {
      await app.close();
    };
  });

  const ask = (headers: AuthHeaders, more: Record<string, string> = {}) =>
    app.inject({ method: 'GET', url: URL_Q3, headers: { ...headers, ...more } });
  const rowsOf = async (headers: AuthHeaders) => {
    const res = await ask(headers);
    expect(res.statusCode, res.body).toBe(200);
    return (JSON.parse(res.body) as Body).rows.map((r) => r.group.id).sort((a, b) => a - b);
  };
  const callsOf = (body: string, rep: number) =>
    (JSON.parse(body) as Body).rows.find((r) => r.group.id === rep)?.values.calls.value;

  it('a repeated request is one statement besides the session lookup', async () => {
    for (const who of [asAdmin, asAnn]) {
      const first = await ask(who);
      expect(first.statusCode).toBe(200);
      statements = 0;
      const again = await ask(who);
      // The session (with its user) and the stored answer: version, viewer's request, life and bytes at once.
      expect(statements).toBe(2);
      expect(again.body).toBe(first.body);
      expect(again.headers.etag).toBe(first.headers.etag);
    }
  });

  it('answers a client that has the answer with 304, also after a write that left its numbers as they were', async () => {
    const first = await ask(asAnn, { 'accept-encoding': 'gzip' });
    const tag = first.headers.etag as string;
    expect(tag).toMatch(/^W\/"[A-Za-z0-9_-]+"$/);
    const same = await ask(asAnn, { 'if-none-match': tag });
    expect(same.statusCode).toBe(304);
    expect(same.rawPayload.length).toBe(0);
    expect(same.headers.etag).toBe(tag);
    // A write Ann's numbers do not read (Cid's call) moves the version: computed again, same numbers, same tag.
    const version = await metricsDataVersion(ctx.db);
    await activities(ctx.db, [
      { userId: cid, type: 'call', at: '2026-08-13T10:00:00Z', outcome: 'connected' },
    ]);
    expect(await metricsDataVersion(ctx.db)).not.toBe(version);
    expect((await ask(asAnn, { 'if-none-match': tag })).statusCode).toBe(304);
    // One that does: the new answer, with a new tag, whatever tag the client has.
    const before = (await ask(asAnn)).body;
    await activities(ctx.db, [
      { userId: ann, type: 'call', at: '2026-08-14T10:00:00Z', outcome: 'connected' },
    ]);
    const changed = await ask(asAnn, { 'if-none-match': tag });
    expect(changed.statusCode).toBe(200);
    expect(changed.headers.etag).not.toBe(tag);
    expect(callsOf(changed.body, ann)).toBe((callsOf(before, ann) ?? 0) + 1);
  });

  it('never serves a stale answer after a write, from the row or from the process copy', async () => {
    const inForm = async (accept: string) => {
      const res = await ask(asAdmin, { 'accept-encoding': accept });
      expect(res.statusCode).toBe(200);
      const coding = res.headers['content-encoding'];
      const decode =
        coding === 'br' ? brotliDecompressSync : coding === 'gzip' ? gunzipSync : (b: Buffer) => b;
      return decode(res.rawPayload).toString('utf8');
    };
    const forms = ['identity', 'gzip', 'br'];
    // Each form asked twice: the second from the row, or from this process's copy of its bytes.
    const before = await inForm('identity');
    for (const accept of [...forms, ...forms]) expect(await inForm(accept)).toBe(before);
    await activities(ctx.db, [
      { userId: bob, type: 'call', at: '2026-09-03T10:00:00Z', outcome: 'connected' },
    ]);
    for (const accept of [...forms, ...forms])
      expect(callsOf(await inForm(accept), bob)).toBe((callsOf(before, bob) ?? 0) + 1);
  });

  it('serves a kept answer only within its life (the row says until when)', async () => {
    const first = (await ask(asAdmin)).body;
    // The kept row, changed behind the engine's back and past its life: not served, the answer is computed again.
    const text = JSON.stringify({ ...JSON.parse(first), currency: 'XXX' });
    await sql`update metrics_results set report_gzip = ${gzipSync(text)}, report_br = ${brotliCompressSync(text)},
      etag = ${answerEtag(text)}, valid_until = now() - interval '1 hour'`.execute(ctx.db);
    expect((JSON.parse((await ask(asAdmin)).body) as Body).currency).not.toBe('XXX');
    // Within its life it is what is served (so the check above was the life, not the row being missed).
    await sql`update metrics_results set report_gzip = ${gzipSync(text)}, report_br = ${brotliCompressSync(text)},
      etag = ${answerEtag(text)}, valid_until = null`.execute(ctx.db);
    expect((JSON.parse((await ask(asAdmin)).body) as Body).currency).toBe('XXX');
    await sql`delete from metrics_results`.execute(ctx.db);
  });

  it('never serves a kept answer to a viewer of another scope, nor after the scope changed', async () => {
    await sql`delete from metrics_results`.execute(ctx.db);
    for (let i = 0; i < 2; i++) {
      expect(await rowsOf(asAdmin)).toEqual([ann, bob, cid].sort((a, b) => a - b));
      expect(await rowsOf(asManager)).toEqual([ann, bob].sort((a, b) => a - b));
      expect(await rowsOf(asAnn)).toEqual([ann]);
    }
    // Ann showing the admin's tag is not told she has it: her answer is her own.
    const adminTag = (await ask(asAdmin)).headers.etag as string;
    const annRes = await ask(asAnn, { 'if-none-match': adminTag });
    expect(annRes.statusCode).toBe(200);
    expect((JSON.parse(annRes.body) as Body).rows.map((r) => r.group.id)).toEqual([ann]);
    // Bob moves to Beta: Mia's next answer leaves him out.
    await ctx.db.updateTable('users').set({ team_id: beta }).where('id', '=', bob).execute();
    expect(await rowsOf(asManager)).toEqual([ann]);
    expect(await rowsOf(asManager)).toEqual([ann]);
    // Mia becomes a rep: only her own rows (none of her former team's).
    await ctx.db.updateTable('users').set({ role: 'rep' }).where('id', '=', mia).execute();
    const asRep = await rowsOf(asManager);
    expect(asRep.filter((id) => id !== mia)).toEqual([]);
    await ctx.db.updateTable('users').set({ role: 'manager' }).where('id', '=', mia).execute();
    await ctx.db.updateTable('users').set({ team_id: alpha }).where('id', '=', bob).execute();
    expect(await rowsOf(asManager)).toEqual([ann, bob].sort((a, b) => a - b));
  });

  it("records a viewer's request only for a viewer checked at the version it is recorded under", async () => {
    const viewer = {
      userId: mia,
      role: 'manager' as const,
      visibleUserIds: [mia, ann, bob].sort((a, b) => a - b),
    };
    expect(await viewerUnchanged(ctx.db, viewer)).toBe(true);
    await ctx.db.updateTable('users').set({ team_id: beta }).where('id', '=', bob).execute();
    // Built before the write: its visible users are a state behind.
    expect(await viewerUnchanged(ctx.db, viewer)).toBe(false);
    expect(
      await viewerUnchanged(ctx.db, { ...viewer, visibleUserIds: [mia, ann].sort((a, b) => a - b) }),
    ).toBe(true);
    expect(await viewerUnchanged(ctx.db, { ...viewer, role: 'admin', visibleUserIds: null })).toBe(false);
    await ctx.db.updateTable('users').set({ team_id: alpha }).where('id', '=', bob).execute();
    // A version no longer current records nothing.
    const version = (await metricsDataVersion(ctx.db)) as string;
    await writeStoredAlias(ctx.db, String(BigInt(version) - 1n), 'an alias', 'a key');
    await writeStoredAlias(ctx.db, version, 'another alias', 'a key');
    const aliases = await sql<{ alias_key: string }>`select alias_key from metrics_result_aliases
      where alias_key in ('an alias', 'another alias')`.execute(ctx.db);
    expect(aliases.rows.map((r) => r.alias_key)).toEqual(['another alias']);
  });
});
