import type { Command } from 'commander';
import { buildApp } from '../../server/app.ts';
import type { CliContext } from '../context.ts';
import { openConfiguredStore } from '../store-from-config.ts';

/** `pacesetter serve`: migrate, optionally seed demo data, and serve the API and web app. */
export function register(program: Command, ctx: CliContext): void {
  program
    .command('serve')
    .description('Start the HTTP server (API + web app) on the configured store')
    .option('--port <port>', 'port to listen on (default: PORT or 3000)')
    .option('--host <host>', 'address to bind (default: HOST or 127.0.0.1)')
    .option('--demo-if-empty', 'load demo data when the store has no users yet')
    .action(async (opts: { port?: string; host?: string; demoIfEmpty?: boolean }) => {
      const config = ctx.config();
      const db = await openConfiguredStore(config);
      for (const hook of ctx.beforeServe) await hook(db, { demoIfEmpty: Boolean(opts.demoIfEmpty) });
      const app = await buildApp({ db, config });
      const port = opts.port ? Number(opts.port) : config.port;
      const host = opts.host ?? config.host;
      await app.listen({ port, host });
      console.log(`Pacesetter is running: open http://${host === '0.0.0.0' ? 'localhost' : host}:${port}/`);
      const stop = async () => {
        await app.close();
        await db.destroy();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
