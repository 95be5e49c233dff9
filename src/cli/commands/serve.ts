import type { Command } from 'commander';
import type { CliContext } from '../context.ts';
import { optionalCount } from '../int-options.ts';

/** `pacesetter serve`: migrate, optionally seed demo data, and serve the API and web app. */
export function register(program: Command, ctx: CliContext): void {
  program
    .command('serve')
    .description('Start the HTTP server (API + web app) on the configured store')
    .option('--port <port>', 'port to listen on (default: PORT or 3000)')
    .option('--host <host>', 'address to bind (default: HOST or 127.0.0.1)')
    .option('--demo-if-empty', 'load demo data when the store has no users yet')
    .option('--no-jobs', 'do not run background jobs (SLA checks, webhook delivery, badges) in this process')
    .action(async (opts: { port?: string; host?: string; demoIfEmpty?: boolean; jobs?: boolean }) => {
      // Checked before the store opens; 0 asks for a free port.
      const requestedPort = optionalCount(opts.port, '--port', { min: 0, max: 65_535 });
      const { openConfiguredStore, openReportStore } = await import('../store-from-config.ts');
      const { buildApp } = await import('../../server/app.ts');
      const { jobs } = await import('../../jobs/registry.ts');
      const { startJobRunner } = await import('../../jobs/runner.ts');
      const config = ctx.config();
      const db = await openConfiguredStore(config);
      for (const hook of ctx.beforeServe) await hook(db, { demoIfEmpty: Boolean(opts.demoIfEmpty) });
      const reportDb = await openReportStore(config, db);
      const app = await buildApp({ db, config, reportDb });
      const port = requestedPort ?? config.port;
      const host = opts.host ?? config.host;
      await app.listen({ port, host });
      // The bound port, not the requested one: `--port 0` picks a free port, and callers need to know which.
      const address = app.server.address();
      const bound = address !== null && typeof address === 'object' ? address.port : port;
      console.log(`Pacesetter is running: open http://${host === '0.0.0.0' ? 'localhost' : host}:${bound}/`);
      const runner = opts.jobs === false ? null : startJobRunner(db, jobs);
      // Email capture (docs/capture.md): off unless PACESETTER_SMTP_ENABLED=true.
      let smtp: { port: number; close(): Promise<void> } | null = null;
      if (config.smtp.enabled) {
        const { startSmtpReceiver } = await import('../../capture/email/smtp-receiver.ts');
        smtp = await startSmtpReceiver(db, config.smtp, app.log);
        console.log(`Email capture is listening on ${config.smtp.host}:${smtp.port}`);
      }
      const stop = async () => {
        await smtp?.close();
        await runner?.stop();
        await app.close();
        if (reportDb !== db) await reportDb.destroy();
        await db.destroy();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
