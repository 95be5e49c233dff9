import { beforeAll, expect, it } from 'vitest';
import { runJobOnce } from '../../src/jobs/runner.ts';
import type { Job } from '../../src/jobs/job.ts';
import { enqueueDeliveries } from '../../src/store/queries/alerts/deliveries.ts';
import { createWebhookEndpoint } from '../../src/store/queries/alerts/webhook-endpoints.ts';
import { signIn, testApp, type AuthHeaders } from '../support/app.ts';
import { describeStores } from '../support/stores.ts';
import { seedUser } from '../support/users.ts';

/** A metric line's value, e.g. value(text, 'pacesetter_webhook_backlog') or with a label set. */
function value(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describeStores('GET /api/system/metrics (Prometheus)', (ctx) => {
  let app: Awaited<ReturnType<typeof testApp>>;
  let admin: AuthHeaders;
  let rep: AuthHeaders;

  beforeAll(async () => {
    app = await testApp(ctx.db);
    admin = await signIn(app, await seedUser(ctx.db, { role: 'admin' }));
    rep = await signIn(app, await seedUser(ctx.db, { role: 'rep' }));
  });

  it('is closed to anonymous callers and to non-admins', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/system/metrics' })).statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: '/api/system/metrics', headers: rep })).statusCode).toBe(
      403,
    );
  });

  it('reports request latency by route pattern, never by raw URL', async () => {
    await app.inject({ method: 'GET', url: '/api/users/918273645', headers: admin });
    const res = await app.inject({ method: 'GET', url: '/api/system/metrics', headers: admin });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    const count = value(
      res.body,
      'pacesetter_http_request_duration_seconds_count{route="/api/users/:id",method="GET",status="4xx"}',
    );
    expect(count).toBe(1);
    expect(res.body).not.toContain('/api/users/918273645');
  });

  it('reports job lag from the database and the webhook backlog', async () => {
    const job: Job = { name: 'sla-check', everyMs: 60_000, run: async () => 'ok' };
    const ranAt = new Date(Date.now() - 90_000);
    expect((await runJobOnce(ctx.db, job, ranAt)).ran).toBe(true);
    const endpoint = await createWebhookEndpoint(ctx.db, {
      url: 'http://127.0.0.1:9/hook',
      secret: 's'.repeat(32),
    });
    expect(endpoint.id).toBeGreaterThan(0);
    await ctx.db
      .transaction()
      .execute((tx) => enqueueDeliveries(tx, 'alert.raised', [{ alertId: null, body: '{}' }], new Date()));

    const res = await app.inject({ method: 'GET', url: '/api/system/metrics', headers: admin });
    const age = value(res.body, 'pacesetter_job_last_success_age_seconds{job="sla-check"}');
    expect(age).toBeGreaterThanOrEqual(90);
    expect(age).toBeLessThan(600);
    expect(value(res.body, 'pacesetter_job_interval_seconds{job="sla-check"}')).toBeGreaterThan(0);
    expect(value(res.body, 'pacesetter_job_last_success_age_seconds{job="badges"}')).toBeUndefined();
    expect(value(res.body, 'pacesetter_webhook_backlog')).toBe(1);
  });
});
