import { sql } from 'kysely';
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { z } from 'zod';
import { jobs } from '../../jobs/registry.ts';
import { listJobRuns } from '../../store/tables/job-runs.ts';
import type { App, AppDeps } from '../app-types.ts';
import { requireRole } from '../auth/guards.ts';

/*
 * Prometheus metrics: request latency from this process, job lag and the webhook backlog from the database (so
 * every process reports the cluster's figures for those, and a scrape of any one process is enough). One
 * registry per app, so tests and several apps in one process do not share counters.
 */

/** Request latency buckets in seconds: the dashboard targets are 150-300 ms, so the buckets are dense there. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.15, 0.25, 0.3, 0.5, 1, 2.5, 5, 10];

function statusClass(code: number): string {
  return `${Math.floor(code / 100)}xx`;
}

/** Registers the latency hook and GET /api/system/metrics (admins and admin API tokens only, like any other route). */
export function registerPrometheus(app: App, { db }: AppDeps): void {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'pacesetter_process_' });
  const latency = new Histogram({
    name: 'pacesetter_http_request_duration_seconds',
    help: 'HTTP request duration by route pattern, method and status class',
    labelNames: ['route', 'method', 'status'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const jobAge = new Gauge({
    name: 'pacesetter_job_last_success_age_seconds',
    help: 'Seconds since the job last succeeded in any server process (absent: never succeeded)',
    labelNames: ['job'] as const,
    registers: [registry],
  });
  const jobInterval = new Gauge({
    name: 'pacesetter_job_interval_seconds',
    help: 'How often the job is meant to run; alert when the age exceeds a few intervals',
    labelNames: ['job'] as const,
    registers: [registry],
  });
  const jobFailures = new Gauge({
    name: 'pacesetter_job_failures_total',
    help: 'Failed runs of the job, all processes',
    labelNames: ['job'] as const,
    registers: [registry],
  });
  const backlog = new Gauge({
    name: 'pacesetter_webhook_backlog',
    help: 'Webhook deliveries still pending',
    registers: [registry],
  });
  const backlogAge = new Gauge({
    name: 'pacesetter_webhook_oldest_pending_age_seconds',
    help: 'Age of the oldest pending webhook delivery (0 when none)',
    registers: [registry],
  });

  app.addHook('onResponse', async (request, reply) => {
    // The route pattern, never the raw URL: ids and query strings would make a label per request.
    const route = request.routeOptions.url ?? 'unmatched';
    latency.observe(
      { route, method: request.method, status: statusClass(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });

  /** Reads the database-held figures just before a scrape renders them. */
  async function refreshFromDatabase(now: Date): Promise<void> {
    const runs = new Map((await listJobRuns(db)).map((r) => [r.name, r]));
    for (const job of jobs) {
      jobInterval.set({ job: job.name }, job.everyMs / 1000);
      const run = runs.get(job.name);
      if (run?.last_ok_at) jobAge.set({ job: job.name }, (now.getTime() - run.last_ok_at.getTime()) / 1000);
      jobFailures.set({ job: job.name }, Number(run?.failures ?? 0));
    }
    const r = await sql<{ pending: string; oldest: Date | null }>`
      select count(*) as pending, min(created_at) as oldest from webhook_deliveries where status = 'pending'`.execute(
      db,
    );
    const row = r.rows[0];
    backlog.set(Number(row?.pending ?? 0));
    backlogAge.set(row?.oldest ? Math.max(0, (now.getTime() - new Date(row.oldest).getTime()) / 1000) : 0);
  }

  app.get(
    '/api/system/metrics',
    {
      schema: {
        tags: ['system'],
        summary: 'Prometheus metrics (text exposition format); admins and admin API tokens',
        response: { 200: z.string() },
      },
    },
    async (request, reply) => {
      requireRole(request, 'admin');
      await refreshFromDatabase(new Date());
      reply.type(registry.contentType);
      return registry.metrics();
    },
  );
}
