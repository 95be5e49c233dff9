import type { Command } from 'commander';
import { SYSTEM_VIEWER } from '../../domain/access/viewer.ts';
import { AppError } from '../../errors.ts';
import type { CliContext } from '../context.ts';

/**
 * `pacesetter rates list|import`: the exchange rates money metrics, forecasts and commissions convert deals by
 * (docs/localization.md, "Money in more than one currency"). Import is whole file or nothing, as the system user
 * (audited).
 */
export function register(program: Command, ctx: CliContext): void {
  const rates = program
    .command('rates')
    .description('Exchange rates to the workspace currency (list, import from CSV)');

  rates
    .command('list')
    .description('Print every stored rate (rates quoting a former workspace currency are marked unused)')
    .option('--json', 'print JSON instead of a table')
    .action(async (opts: { json?: boolean }) => {
      const { openConfiguredStore } = await import('../store-from-config.ts');
      const { listExchangeRates } = await import('../../store/tables/exchange-rates.ts');
      const { textTable } = await import('../text-table.ts');
      const db = await openConfiguredStore(ctx.config());
      try {
        const list = await listExchangeRates(db);
        if (opts.json) {
          console.log(JSON.stringify(list, null, 2));
          return;
        }
        console.log(`Workspace currency: ${list.currency}`);
        console.log(
          textTable(
            ['currency', 'effective_from', 'rate', 'to', 'applies'],
            list.rates.map((r) => [
              r.currency,
              r.effectiveFrom,
              r.rate,
              r.quoteCurrency,
              r.applies ? 'yes' : 'no',
            ]),
          ),
        );
      } finally {
        await db.destroy();
      }
    });

  rates
    .command('import')
    .description(
      'Add or replace rates from a CSV file with columns currency,effective_from,rate (all or nothing)',
    )
    .requiredOption('--file <path>', 'CSV file, e.g. rates.csv')
    .action(async (opts: { file: string }) => {
      const { readFileSync } = await import('node:fs');
      let text: string;
      try {
        text = readFileSync(opts.file, 'utf8');
      } catch (e) {
        throw new AppError('validation', `Cannot read ${opts.file}`, [
          { field: 'file', value: opts.file, reason: (e as Error).message },
        ]);
      }
      const { openConfiguredStore } = await import('../store-from-config.ts');
      const { importExchangeRatesCsv } = await import('../../store/tables/exchange-rates.ts');
      const db = await openConfiguredStore(ctx.config());
      try {
        const n = await importExchangeRatesCsv(db, SYSTEM_VIEWER, text, opts.file);
        console.log(`${opts.file}: ${n} rate(s) imported`);
      } finally {
        await db.destroy();
      }
    });
}
