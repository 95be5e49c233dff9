import { Command } from 'commander';
import { configFromProcess, type Config } from '../config.ts';
import { AppError } from '../errors.ts';
import { commands } from './commands/index.ts';
import type { CliContext } from './context.ts';

let config: Config | undefined;
const ctx: CliContext = {
  config: () => (config ??= configFromProcess()),
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
  .enablePositionalOptions();
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
