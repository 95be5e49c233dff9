import type { Command } from 'commander';
import { SYSTEM_VIEWER } from '../../domain/access/viewer.ts';
import { AppError } from '../../errors.ts';
import type { Db } from '../../store/db.ts';
import type { CliContext } from '../context.ts';
import { textTable } from '../text-table.ts';

/** `pacesetter alerts list|check|dispatch|webhooks|add-webhook`: SLA alerts and their webhook delivery. */
export function register(program: Command, ctx: CliContext): void {
  const alerts = program.command('alerts').description('Lead SLA alerts and webhook delivery');
  const run = async (fn: Parameters<typeof withDb>[1]) => withDb(ctx, fn);

  alerts
    .command('list')
    .description('List alerts (lead SLA, unmatched captured email), newest first')
    .option('--open', 'only unacknowledged alerts')
    .action((opts: { open?: boolean }) =>
      run(async (db) => {
        const { listAlerts } = await import('../../store/queries/alerts/list-alerts.ts');
        const rows = await listAlerts(db, SYSTEM_VIEWER, { openOnly: Boolean(opts.open) });
        console.log(
          textTable(
            ['id', 'kind', 'lead', 'owner', 'manager', 'due', 'raised', 'acknowledged'],
            rows.map((a) => [
              a.id,
              a.kind,
              a.leadId ?? '',
              a.ownerId,
              a.managerId,
              a.dueAt.toISOString(),
              a.raisedAt.toISOString(),
              a.acknowledgedAt ? a.acknowledgedAt.toISOString() : '',
            ]),
          ),
        );
      }),
    );

  alerts
    .command('check')
    .description('Run the SLA check once now (the server does this every minute)')
    .action(() =>
      run(async (db) => {
        const { checkLeadSla } = await import('../../store/queries/alerts/check-lead-sla.ts');
        const s = await checkLeadSla(db, new Date());
        console.log(
          `${s.breaches} breaches, ${s.raised} new alerts, ${s.deliveries} webhook deliveries queued`,
        );
      }),
    );

  alerts
    .command('dispatch')
    .description('Send due webhook deliveries once now (the server does this every 10 seconds)')
    .action(() =>
      run(async (db) => {
        const { dispatchWebhooks } = await import('../../webhooks/dispatch.ts');
        const s = await dispatchWebhooks(db, new Date());
        console.log(`${s.delivered} delivered, ${s.retrying} to retry, ${s.failed} failed`);
      }),
    );

  alerts
    .command('webhooks')
    .description('List webhook endpoints (secrets are not shown)')
    .action(() =>
      run(async (db) => {
        const { listWebhookEndpoints } = await import('../../store/queries/alerts/webhook-endpoints.ts');
        const rows = await listWebhookEndpoints(db);
        console.log(
          textTable(
            ['id', 'url', 'active', 'description'],
            rows.map((e) => [e.id, e.url, e.active ? 'yes' : 'no', e.description]),
          ),
        );
      }),
    );

  alerts
    .command('add-webhook')
    .description('Add a webhook endpoint that receives signed alert.raised events')
    .requiredOption('--url <url>', 'http(s) URL to POST to')
    .requiredOption('--secret <secret>', 'shared secret for the X-Pacesetter-Signature HMAC (16+ characters)')
    .option('--description <text>', 'what this endpoint is')
    .action((opts: { url: string; secret: string; description?: string }) =>
      run(async (db) => {
        const { webhookEndpointProblems } = await import('../../webhooks/validate-endpoint.ts');
        const { createWebhookEndpoint } = await import('../../store/queries/alerts/webhook-endpoints.ts');
        const problems = webhookEndpointProblems(opts);
        if (problems.length > 0) throw new AppError('validation', 'Invalid webhook endpoint', problems);
        const e = await createWebhookEndpoint(db, opts);
        console.log(`Added webhook endpoint ${e.id}: ${e.url}`);
      }),
    );
}

/** Opens the configured store for one command and closes it afterwards. */
async function withDb(ctx: CliContext, fn: (db: Db) => Promise<void>) {
  const { openConfiguredStore } = await import('../store-from-config.ts');
  const db = await openConfiguredStore(ctx.config());
  try {
    await fn(db);
  } finally {
    await db.destroy();
  }
}
