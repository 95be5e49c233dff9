import { Command } from 'commander';
import type { Config } from '../config.ts';
import { AppError } from '../errors.ts';
import { commands } from './commands/index.ts';
import type { CliContext } from './context.ts';
import { preferBaselineWasm } from './one-shot-wasm.ts';

// The configuration module (and zod behind it) loads only when a command's action is about to run, so --help
// costs no more than commander and the command registrations; config itself stays lazy so --help works with a
// bad environment.
let readConfig: (() => Config) | undefined;
let config: Config | undefined;
const ctx: CliContext = {
  config: () => {
    if (!readConfig) throw new Error('configuration read before a command action ran');
    return (config ??= readConfig());
  },
  beforeServe: [],
};

const program = new Command()
  .name('pacesetter')
  .description(
    'Pacesetter: sales performance by the numbers. Store: PGlite in ./data, or PostgreSQL via DATABASE_URL.',
  )
  .showHelpAfterError()
  // A command's options are read only before its subcommand's name (inherited by every command), so
  // `forecast backtest --json` or `forecast snapshot --period` reach the subcommand's own options instead of
  // being swallowed by the same-named options of `forecast` itself.
  .enablePositionalOptions()
  .hook('preAction', async (_program, action) => {
    readConfig ??= (await import('../config.ts')).configFromProcess;
    if (!(action.name() === 'serve' && action.parent === program)) preferBaselineWasm();
  });
for (const c of commands) c.register(program, ctx);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof AppError) {
    console.error(`error: ${err.message}`);
    for (const d of err.details.slice(0, 50)) {
      const where = [d.file, d.line !== undefined ? `line ${d.line}` : undefined, d.field]
        .filter(Boolean)
        .join(':');
      console.error(`  ${where ? where + ': ' : ''}${d.reason}`);
    }
    if (err.details.length > 50) console.error(`  ... and ${err.details.length - 50} more`);
    process.exit(2);
  }
  throw err;
}
