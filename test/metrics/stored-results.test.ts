import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_VIEWER } from '../../src/domain/access/viewer.ts';
import { metricIds } from '../../src/domain/metrics/registry.ts';
import { resolveReportPeriod } from '../../src/domain/metrics/report-period.ts';
import {
  openStoredReports,
  reportJsonText,
  reportMetrics,
  reportMetricsJson,
  type ReportRequest,
} from '../../src/store/queries/metrics/report-metrics.ts';
import { answerEtag } from '../../src/store/queries/metrics/encoded-answer.ts';
import { metricsDataVersion } from '../../src/store/queries/metrics/stored-results.ts';
import { MetricReportSchema } from '../../src/server/routes/metrics/metrics-schemas.ts';
import { signIn, testApp, type AuthHeaders } from '../support/app.ts';
import { describeStores, truncateAll } from '../support/stores.ts';
import { seedUser } from '../support/users.ts';
import { activities, lead, opportunity, team } from './fixtures.ts';

// Every metric of the registry for Q3 by rep, compared with Q2: the dashboard's request, and the costliest one.
const URL_ALL = '/api/metrics?group=rep&from=2026-07-01&to=2026-09-30&compare=previous';
const NOW = new Date('2026-12-09T18:00:00Z');

const storedRows = async (db: Parameters<typeof metricsDataVersion>[0]) =>
  Number(
    (await sql<{ n: number }>`select count(*)::int as n from metrics_results`.execute(db)).rows[0]?.n ?? 0,
  );

describeStores('stored metrics answers', (ctx) => {
  let app: Awaited<ReturnType<typeof testApp>>;
  let asAdmin: AuthHeaders;
  let asManager: AuthHeaders;
  let asAnn: AuthHeaders;
  let ann: number;
  let bob: number;
  let cid: number;

  beforeAll(async () => {
    await truncateAll(ctx.db);
    const manager = await seedUser(ctx.db, { role: 'manager', name: 'Mia' });
    const alpha = await team(ctx.db, 'Alpha');
    const beta = await team(ctx.db, 'Beta');
    await ctx.db.updateTable('teams').set({ manager_id: manager.id }).where('id', '=', alpha).execute();
    const annUser = await seedUser(ctx.db, { role: 'rep', name: 'Ann', teamId: alpha });
    ann = annUser.id;
    bob = (await seedUser(ctx.db, { role: 'rep', name: 'Bob', teamId: alpha })).id;
    cid = (await seedUser(ctx.db, { role: 'rep', name: 'Cid', teamId: beta })).id;
    const admin = await seedUser(ctx.db, { role: 'admin', name: 'Ada' });
    await activities(ctx.db, [
      { userId: ann, type: 'call', at: '2026-07-02T10:00:00Z', outcome: 'connected' },
      { userId: ann, type: 'meeting', at: '2026-08-02T10:00:00Z', outcome: 'held' },
      { userId: bob, type: 'call', at: '2026-09-02T10:00:00Z', outcome: 'no_answer' },
      { userId: cid, type: 'call', at: '2026-05-02T10:00:00Z', outcome: 'connected' },
      { userId: cid, type: 'email', at: '2026-08-12T10:00:00Z' },
    ]);
    await opportunity(ctx.db, {
      ownerId: ann,
      status: 'won',
      amount: 12_345,
      createdAt: '2026-06-01T00:00:00Z',
      closedAt: '2026-07-10T00:00:00Z',
    });
    app = await testApp(ctx.db);
    asAdmin = await signIn(app, admin);
    asManager = await signIn(app, manager);
    asAnn = await signIn(app, annUser);
    return async () => {
      await app.close();
    };
  });

  const get = async (headers: AuthHeaders, url = URL_ALL) => {
    const res = await app.inject({ method: 'GET', url, headers });
    expect(res.statusCode, res.body).toBe(200);
    return res.body;
  };

  it('serves the kept answer, byte for byte the computed one', async () => {
    await sql`delete from metrics_results`.execute(ctx.db);
    const computed = await get(asAdmin);
    expect(await storedRows(ctx.db)).toBe(1);
    const served = await get(asAdmin);
    expect(served).toBe(computed);
    // The text sent as it is parses to what the documented response schema accepts, nothing dropped or coerced.
    expect(MetricReportSchema.parse(JSON.parse(served))).toEqual(JSON.parse(served));
    // It was served from the row: a row changed behind the engine's back (no data write) is what comes back. Its
    // tag changes with it (the tag names the bytes: a process's copy of the old ones is not used).
    const text = JSON.stringify({ ...JSON.parse(computed), currency: 'XXX' });
    await sql`update metrics_results set report_gzip = ${gzipSync(text)}, report_br = ${brotliCompressSync(text)},
      etag = ${answerEtag(text)}`.execute(ctx.db);
    expect(JSON.parse(await get(asAdmin)).currency).toBe('XXX');
    await sql`delete from metrics_results`.execute(ctx.db);
    // And the engine without any store gives the same bytes.
    const settings = await ctx.db
      .selectFrom('settings')
      .select('fiscal_year_start_month')
      .executeTakeFirstOrThrow();
    const direct = await reportMetrics(ctx.db, SYSTEM_VIEWER, {
      metricIds: [
        ...new Set(JSON.parse(computed).rows.flatMap((r: { values: object }) => Object.keys(r.values))),
      ] as string[],
      period: resolveReportPeriod(
        { from: '2026-07-01', to: '2026-09-30' },
        { fiscalYearStartMonth: settings.fiscal_year_start_month, weekStartDay: 1 },
      ),
      groupBy: 'rep',
      grain: null,
      filters: { teamIds: [], userIds: [], pipelineIds: [], opportunityTypes: [], leadSources: [] },
      comparePrevious: true,
    });
    expect(JSON.parse(JSON.stringify(direct))).toEqual(JSON.parse(computed));
  });

  it('sends the kept brotli or gzip to a client that accepts it: the same bytes decompressed', async () => {
    await sql`delete from metrics_results`.execute(ctx.db);
    const compressed = async (accept: string, coding: 'br' | 'gzip') => {
      const res = await app.inject({
        method: 'GET',
        url: URL_ALL,
        headers: { ...asAdmin, 'accept-encoding': accept },
      });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-encoding']).toBe(coding);
      expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(res.headers.vary).toBe('accept-encoding');
      const text = (coding === 'br' ? brotliDecompressSync : gunzipSync)(res.rawPayload).toString('utf8');
      expect(res.headers.etag).toBe(`W/"${answerEtag(text)}"`);
      return text;
    };
    const computed = await compressed('gzip, deflate, br', 'br');
    expect(await compressed('gzip, deflate, br', 'br')).toBe(computed);
    expect(await compressed('gzip, deflate', 'gzip')).toBe(computed);
    expect(await compressed('br;q=0.5, gzip', 'gzip')).toBe(computed);
    expect(await get(asAdmin)).toBe(computed);
    // q=0 refuses it.
    const refused = await app.inject({
      method: 'GET',
      url: URL_ALL,
      headers: { ...asAdmin, 'accept-encoding': 'gzip;q=0' },
    });
    expect(refused.headers['content-encoding']).toBeUndefined();
    expect(refused.body).toBe(computed);
  });

  it('every metric of the registry: the kept report is the computed one as JSON, by month too', async () => {
    for (const grain of [null, 'month'] as const) {
      await sql`delete from metrics_results`.execute(ctx.db);
      const req: ReportRequest = {
        metricIds: metricIds(),
        period: resolveReportPeriod(
          { from: '2026-07-01', to: '2026-09-30' },
          { fiscalYearStartMonth: 1, weekStartDay: 1 },
        ),
        groupBy: 'rep',
        grain,
        comparePrevious: true,
      };
      const stored = await openStoredReports(ctx.db, ctx.db);
      const first = await reportMetrics(ctx.db, SYSTEM_VIEWER, req, { now: NOW, stored });
      expect(await storedRows(ctx.db)).toBe(1);
      const second = await reportMetrics(ctx.db, SYSTEM_VIEWER, req, { now: NOW, stored });
      const plain = await reportMetrics(ctx.db, SYSTEM_VIEWER, req, { now: NOW });
      expect(JSON.stringify(second)).toBe(JSON.stringify(first));
      expect(JSON.stringify(second)).toBe(JSON.stringify(plain));
      expect(first.rows.length).toBeGreaterThan(0);
    }
  });

  it('a write the metrics read invalidates it: the next answer reflects the write', async () => {
    const callsOf = (body: string, rep: number) =>
      (
        JSON.parse(body) as { rows: { group: { id: number }; values: { calls: { value: number } } }[] }
      ).rows.find((r) => r.group.id === rep)?.values.calls.value;
    const before = await get(asAdmin);
    expect(await get(asAdmin)).toBe(before);
    const version = await metricsDataVersion(ctx.db);
    await activities(ctx.db, [
      { userId: bob, type: 'call', at: '2026-09-03T10:00:00Z', outcome: 'connected' },
    ]);
    expect(await metricsDataVersion(ctx.db)).not.toBe(version);
    const after = await get(asAdmin);
    expect(callsOf(after, bob)).toBe((callsOf(before, bob) ?? 0) + 1);
    // The rows of the old version are gone with the new answer kept.
    const versions = await sql<{
      v: string;
    }>`select distinct data_version::text as v from metrics_results`.execute(ctx.db);
    expect(versions.rows.map((r) => r.v)).toEqual([await metricsDataVersion(ctx.db)]);
  });

  it('writes no metric reads leave the version, and the kept answer, as they are', async () => {
    const version = await metricsDataVersion(ctx.db);
    await ctx.db
      .updateTable('users')
      .set({ email: sql`email` })
      .execute();
    await ctx.db.insertInto('accounts').values({ name: 'Acme' }).execute();
    expect(await metricsDataVersion(ctx.db)).toBe(version);
    await ctx.db
      .updateTable('users')
      .set({ name: sql`name` })
      .where('id', '=', bob)
      .execute();
    expect(await metricsDataVersion(ctx.db)).not.toBe(version);
  });

  it("a rep is never served an answer computed for a manager's or an admin's scope", async () => {
    await sql`delete from metrics_results`.execute(ctx.db);
    const adminBody = JSON.parse(await get(asAdmin)) as { rows: { group: { id: number } }[] };
    const managerBody = JSON.parse(await get(asManager)) as { rows: { group: { id: number } }[] };
    const annBody = JSON.parse(await get(asAnn)) as { rows: { group: { id: number } }[] };
    expect(adminBody.rows.map((r) => r.group.id).sort()).toEqual([ann, bob, cid].sort());
    expect(managerBody.rows.map((r) => r.group.id).sort()).toEqual([ann, bob].sort());
    expect(annBody.rows.map((r) => r.group.id)).toEqual([ann]);
    expect(await storedRows(ctx.db)).toBe(3);
    // Asked again, each gets their own kept answer.
    expect(JSON.parse(await get(asAnn))).toEqual(annBody);
    expect(JSON.parse(await get(asManager))).toEqual(managerBody);
    // A rep asking for a colleague by filter gets their own scope (the filter narrowed to nothing), not the kept one.
    const filtered = JSON.parse(await get(asAnn, `${URL_ALL}&rep=${bob}`)) as { rows: unknown[] };
    expect(filtered.rows).toEqual([]);
  });

  it('two identical requests at once compute it once, and get the same bytes', async () => {
    let statements = 0;
    const counted = ctx.db.withPlugin({
      transformQuery: (args) => {
        statements += 1;
        return args.node;
      },
      transformResult: async (args) => args.result,
    });
    const req: ReportRequest = {
      metricIds: metricIds(),
      period: resolveReportPeriod(
        { from: '2026-07-01', to: '2026-09-30' },
        { fiscalYearStartMonth: 1, weekStartDay: 1 },
      ),
      groupBy: 'rep',
      comparePrevious: true,
    };
    const ask = async () =>
      reportMetricsJson(counted, SYSTEM_VIEWER, req, {
        now: NOW,
        stored: await openStoredReports(counted, counted),
      });
    await sql`delete from metrics_results`.execute(ctx.db);
    statements = 0;
    const alone = reportJsonText(await ask());
    const single = statements;
    await sql`delete from metrics_results`.execute(ctx.db);
    statements = 0;
    const [a, b] = await Promise.all([ask(), ask()]);
    // The second waits for the first's computation: a few statements of its own (version, settings, the lookup).
    expect(statements).toBeLessThan(single + 6);
    expect(reportJsonText(a)).toBe(alone);
    expect(reportJsonText(b)).toBe(alone);
  });

  it('an answer computed while a write landed is not kept', async () => {
    await sql`delete from metrics_results`.execute(ctx.db);
    const version = (await metricsDataVersion(ctx.db)) as string;
    const req: ReportRequest = {
      metricIds: ['calls'],
      period: resolveReportPeriod(
        { from: '2026-07-01', to: '2026-09-30' },
        { fiscalYearStartMonth: 1, weekStartDay: 1 },
      ),
      groupBy: 'company',
      comparePrevious: false,
    };
    // The version read before the request is older than the data the engine then reads.
    await reportMetrics(ctx.db, SYSTEM_VIEWER, req, {
      stored: { store: ctx.db, version: String(BigInt(version) - 1n) },
    });
    expect(await storedRows(ctx.db)).toBe(0);
    await reportMetrics(ctx.db, SYSTEM_VIEWER, req, { stored: { store: ctx.db, version } });
    expect(await storedRows(ctx.db)).toBe(1);
  });

  it('is served only until the clock could change it (an SLA deadline passing)', async () => {
    await sql`delete from metrics_results`.execute(ctx.db);
    const id = await lead(ctx.db, { ownerId: ann, createdAt: '2026-12-09T17:30:00Z' });
    await ctx.db
      .updateTable('leads')
      .set({ sla_deadline_at: new Date('2026-12-09T19:00:00Z') })
      .where('id', '=', id)
      .execute();
    const req: ReportRequest = {
      metricIds: ['leads_contacted_within_sla'],
      period: resolveReportPeriod(
        { from: '2026-12-01', to: '2026-12-31' },
        { fiscalYearStartMonth: 1, weekStartDay: 1 },
      ),
      groupBy: 'company',
      comparePrevious: false,
    };
    const at = async (now: Date) =>
      reportMetrics(ctx.db, SYSTEM_VIEWER, req, { now, stored: await openStoredReports(ctx.db, ctx.db) });
    const before = await at(NOW);
    const valid = await sql<{
      until: Date | string;
    }>`select valid_until as until from metrics_results`.execute(ctx.db);
    expect(new Date(valid.rows[0]!.until)).toEqual(new Date('2026-12-09T19:00:00Z'));
    // Before the deadline the lead is undecided and left out; after it, missed.
    expect(before.rows[0]?.values.leads_contacted_within_sla?.denominator ?? 0).toBe(0);
    const later = new Date('2026-12-09T19:00:00Z');
    const after = await at(later);
    expect(after.rows[0]?.values.leads_contacted_within_sla?.denominator).toBe(1);
    expect(JSON.stringify(after)).toBe(
      JSON.stringify(await reportMetrics(ctx.db, SYSTEM_VIEWER, req, { now: later })),
    );
  });
});

describe('the request key', () => {
  it('differs for scopes that differ only in their owners', async () => {
    const { storedRequestKey } = await import('../../src/store/queries/metrics/stored-results.ts');
    const period = resolveReportPeriod(
      { from: '2026-07-01', to: '2026-09-30' },
      { fiscalYearStartMonth: 1, weekStartDay: 1 },
    );
    const base = {
      metricIds: ['calls'],
      period,
      groupBy: 'rep',
      grain: null,
      comparePrevious: false,
      forecastMethod: null,
      forecastCheckpoint: null,
    };
    const scope = {
      subject: { type: 'company' as const },
      teamIds: null,
      pipelineIds: null,
      opportunityTypes: null,
      leadSources: null,
    };
    const keys = new Set(
      [null, [1], [1, 2], [2]].map((ownerIds) =>
        storedRequestKey({ ...base, scope: { ...scope, ownerIds } }),
      ),
    );
    expect(keys.size).toBe(4);
  });
});
