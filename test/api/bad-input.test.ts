import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/store/db.ts';
import { emptyStoreWithPipeline } from '../support/pipeline.ts';
import { signIn, testApp, type AuthHeaders } from '../support/app.ts';
import { describeStores } from '../support/stores.ts';
import { seedUser } from '../support/users.ts';

/*
 * Issue 11, item 7: bad input answered 500. Each case below crashed the server; now each is a 400 in the
 * `{ error: { code: 'validation', message, details: [{ field, reason }] } }` shape naming the field.
 */

type App = Awaited<ReturnType<typeof testApp>>;
interface Res {
  statusCode: number;
  body: string;
  json: () => unknown;
}

function expectFieldError(res: Res, field: string | RegExp): void {
  expect(res.statusCode, res.body).toBe(400);
  const body = res.json() as { error: { code: string; message: string; details: { field?: string }[] } };
  expect(body.error.code).toBe('validation');
  expect(typeof body.error.message).toBe('string');
  const fields = body.error.details.map((d) => d.field ?? '');
  expect(
    fields.some((f) => (typeof field === 'string' ? f === field : field.test(f))),
    res.body,
  ).toBe(true);
}

async function seed(db: Db) {
  const { pipelineId, firstStageId } = await emptyStoreWithPipeline(db);
  const stage = { id: firstStageId };
  const { id: teamId } = await db
    .insertInto('teams')
    .values({ name: 'East', parent_team_id: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  const admin = await seedUser(db, { role: 'admin' });
  const rep = await seedUser(db, { role: 'rep', teamId });
  await db
    .insertInto('opportunities')
    .values({
      name: 'Deal',
      owner_id: rep.id,
      pipeline_id: pipelineId,
      stage_id: stage.id,
      amount_minor: 5_000_00,
      currency: 'USD',
      created_at: '2026-08-10T10:00:00Z',
    })
    .execute();
  return { admin, rep };
}

/** Every route that takes a period key in its query string, with the other parameters it needs. */
const PERIOD_ROUTES = [
  '/api/opportunities?',
  '/api/opportunities/export.csv?',
  '/api/activities?',
  '/api/activities/export.csv?',
  '/api/leads?',
  '/api/leads/export.csv?',
  '/api/forecast?method=run_rate&',
  '/api/forecast/calls?',
  '/api/forecast/snapshots?',
  '/api/plan?targetWins=3&',
  '/api/metrics?',
  '/api/funnel?',
  '/api/goals/pacing?',
  '/api/leaderboards?metric=won_revenue&',
];

/** Period keys outside what the calendar supports, or not dates at all. */
const BAD_PERIODS = [
  '9999-12-31',
  '0000-01-01',
  '10000',
  '2026-02-30',
  '2026-Q5',
  '9999-W52',
  'FY9999-Q4',
  '0000-01-01..2026-01-01',
];

describeStores('bad input answers 400 naming the field', (ctx) => {
  let app: App;
  let admin: AuthHeaders;

  beforeAll(async () => {
    const users = await seed(ctx.db);
    app = await testApp(ctx.db);
    admin = await signIn(app, users.admin);
  });

  describe('NUL characters', () => {
    it('in the unauthenticated sign-in body', async () => {
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: '\u0000', password: 'x' },
      });
      expectFieldError(res, 'body.email');
    });

    it('in body fields, nested fields and keys of writes', async () => {
      const cases: [string, string, unknown, string][] = [
        ['POST', '/api/tokens', { name: 'a\u0000b', scope: 'read' }, 'body.name'],
        ['POST', '/api/teams', { name: 'East\u0000' }, 'body.name'],
        ['POST', '/api/users', { name: 'N\u0000', email: 'n@example.test', role: 'rep' }, 'body.name'],
        ['PUT', '/api/settings', { currency: 'US\u0000' }, 'body.currency'],
        [
          'PUT',
          '/api/holidays?year=2026',
          { holidays: [{ date: '2026-01-01', name: '\u0000' }] },
          'body.holidays.0.name',
        ],
        [
          'POST',
          '/api/plan',
          { period: '2026-Q3', stages: [{ id: 'a', label: 'x\u0000' }] },
          'body.stages.0.label',
        ],
        ['POST', '/api/goals', { name: 'g', ['k\u0000']: 1 }, 'body.k\u0000'],
      ];
      for (const [method, url, payload, field] of cases) {
        const res = await app.inject({
          method: method as 'POST',
          url,
          payload: payload as object,
          headers: admin,
        });
        expectFieldError(res, field);
      }
    });

    it('in query strings and path parameters', async () => {
      for (const [url, field] of [
        ['/api/leads?source=%00', 'querystring.source'],
        ['/api/opportunities?period=2026%00', 'querystring.period'],
        ['/api/metrics?ids=calls%00', 'querystring.ids'],
        ['/api/audit?entity=%00', 'querystring.entity'],
        ['/api/goals?metricId=%00', 'querystring.metricId'],
        ['/api/leaderboards?metric=%00', 'querystring.metric'],
        ['/api/users/1%00', 'params.id'],
      ] as const) {
        expectFieldError(await app.inject({ url, headers: admin }), field);
      }
    });
  });

  it('periods outside years 1900-2999 or not on the calendar, on every route that takes one', async () => {
    for (const route of PERIOD_ROUTES) {
      for (const period of BAD_PERIODS) {
        const res = await app.inject({ url: `${route}period=${encodeURIComponent(period)}`, headers: admin });
        expectFieldError(res, /period$/);
      }
    }
  });

  it('periods in bodies and from/to dates', async () => {
    for (const [method, url, payload] of [
      ['POST', '/api/plan', { period: '9999-12-31', targetWins: 1 }],
      ['POST', '/api/forecast/snapshots', { period: '0000-01-01' }],
      ['PUT', '/api/forecast/calls', { period: '9999-12-31', scope: 'company', amount: 1 }],
    ] as const) {
      expectFieldError(await app.inject({ method, url, payload, headers: admin }), /period$/);
    }
    for (const route of ['/api/metrics', '/api/funnel']) {
      const res = await app.inject({ url: `${route}?from=0000-01-01&to=9999-12-31`, headers: admin });
      expectFieldError(res, /^(querystring\.)?(from|to)$/);
    }
  });

  it('ids beyond the safe integer range in scopes, id lists and paths', async () => {
    const huge = '99999999999999999999';
    for (const [url, field] of [
      [`/api/forecast?period=2026-Q3&scope=rep:${huge}`, /scope$/],
      [`/api/forecast/calls?period=2026-Q3&scope=team:${huge}`, /scope$/],
      [`/api/forecast/snapshots?period=2026-Q3&scope=rep:${huge}`, /scope$/],
      [`/api/plan?period=2026-Q3&targetWins=1&scope=rep:${huge}`, /scope$/],
      [`/api/metrics?period=2026-Q3&rep=${huge}`, /rep$/],
      [`/api/metrics?period=2026-Q3&team=1,${huge}`, /team$/],
      [`/api/metrics?period=2026-Q3&pipeline=${huge}`, /pipeline$/],
      [`/api/funnel?period=2026-Q3&rep=${huge}`, /rep$/],
      [`/api/funnel?period=2026-Q3&team=${huge}`, /team$/],
      [`/api/funnel?period=2026-Q3&pipeline=${huge}`, /pipeline$/],
      [`/api/users/${huge}`, /id$/],
      [`/api/opportunities?owner=${huge}`, /owner$/],
    ] as const) {
      expectFieldError(await app.inject({ url, headers: admin }), field);
    }
    const res = await app.inject({
      method: 'POST',
      url: '/api/plan',
      payload: { period: '2026-Q3', targetWins: 1, scope: `rep:${huge}` },
      headers: admin,
    });
    expectFieldError(res, /scope$/);
  });

  it('one spelling per id: leading zeros, signs, exponents, hex, spaces and full-width digits are 400s', async () => {
    // z.coerce.number() read all of these as a row id, so one row answered to many URLs (found by probing).
    for (const spelling of ['01', '%2B1', '1e0', '0x1', '%201', '1.0', '%EF%BC%91', '1%00']) {
      for (const [url, field] of [
        [`/api/opportunities/${spelling}`, /id$/],
        [`/api/users/${spelling}`, /id$/],
        [`/api/leads/${spelling}`, /id$/],
        [`/api/activities/${spelling}`, /id$/],
        [`/api/opportunities?owner=${spelling}`, /owner$/],
      ] as const) {
        expectFieldError(await app.inject({ url, headers: admin }), field);
      }
    }
    // The plain spelling still reads the row.
    const [deal] = await ctx.db.selectFrom('opportunities').select('id').execute();
    const res = await app.inject({ url: `/api/opportunities/${deal!.id}`, headers: admin });
    expect(res.statusCode, res.body).toBe(200);
  });

  it('huge numbers in the planner', async () => {
    for (const payload of [
      { period: '2026-Q3', leads: 1e308 },
      { period: '2026-Q3', targetWins: 9007199254740991 },
      { period: '2026-Q3', targetRevenue: 9007199254740991, avgDealSize: 1 },
      { period: '2026-Q3', avgDealSize: 9007199254740991, targetWins: 9007199254740991 },
    ]) {
      const res = await app.inject({ method: 'POST', url: '/api/plan', payload, headers: admin });
      expectFieldError(res, /^body\.(leads|targetWins|targetRevenue|avgDealSize)$/);
    }
    const res = await app.inject({ url: '/api/plan?period=2026-Q3&leads=1e308', headers: admin });
    expectFieldError(res, 'querystring.leads');
  });

  it('dates PostgreSQL cannot store and duplicate external ids on update', async () => {
    const user = await app.inject({
      method: 'POST',
      url: '/api/users',
      payload: { name: 'N', email: 'hire@example.test', role: 'rep', hireDate: '0000-01-01' },
      headers: admin,
    });
    expectFieldError(user, 'body.hireDate');
    const a = await app.inject({
      method: 'POST',
      url: '/api/teams',
      payload: { name: 'A', externalId: 'T-1' },
      headers: admin,
    });
    const b = await app.inject({ method: 'POST', url: '/api/teams', payload: { name: 'B' }, headers: admin });
    expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
    const { id } = b.json() as { id: number };
    const res = await app.inject({
      method: 'PATCH',
      url: `/api/teams/${id}`,
      payload: { externalId: 'T-1' },
      headers: admin,
    });
    expect(res.statusCode, res.body).toBe(409);
    expect((res.json() as { error: { details: { field: string }[] } }).error.details[0]?.field).toBe(
      'externalId',
    );
  });

  it('numbers beyond their columns in settings and timestamps before year 1900 in the audit filter', async () => {
    for (const [field, value] of [
      ['leadSlaMinutes', 9007199254740991],
      ['leadMinAttempts', 40000],
      ['followUpTarget', 2 ** 31],
    ] as const) {
      const res = await app.inject({
        method: 'PUT',
        url: '/api/settings',
        payload: { [field]: value },
        headers: admin,
      });
      expectFieldError(res, field);
    }
    const res = await app.inject({ url: '/api/audit?from=0000-01-01T00:00:00Z', headers: admin });
    expectFieldError(res, 'querystring.from');
  });

  it('CSV exports answer errors in the uniform shape', async () => {
    for (const url of [
      '/api/leads/export.csv?period=nonsense',
      '/api/opportunities/export.csv?owner=abc',
      '/api/activities/export.csv?period=9999-12-31',
    ]) {
      const res = await app.inject({ url, headers: admin });
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expectFieldError(res, /(period|owner)$/);
    }
  });

  it('URLs the router cannot decode answer in the uniform shape', async () => {
    expectFieldError(await app.inject({ url: '/api/users/%ED%A0%80', headers: admin }), 'url');
    const long = await app.inject({ url: `/api/users/${'1'.repeat(200)}`, headers: admin });
    expect(long.statusCode).toBeLessThan(500);
    expect((long.json() as { error: { details: { field: string }[] } }).error.details[0]?.field).toBe(
      'params',
    );
  });
});
