import type { Command } from 'commander';
import { SYSTEM_VIEWER } from '../../domain/access/viewer.ts';
import type { CliContext } from '../context.ts';
import type { SettingsSetOptions } from '../settings-options.ts';

/** `pacesetter settings show|set`: read or change the workspace settings (as the system user, audited). */
export function register(program: Command, ctx: CliContext): void {
  const settings = program
    .command('settings')
    .description('Show or change workspace settings (time, money, SLA, published leaderboards)');

  settings
    .command('show')
    .description('Print the workspace settings')
    .option('--json', 'print JSON instead of a table')
    .action(async (opts: { json?: boolean }) => {
      const { openConfiguredStore } = await import('../store-from-config.ts');
      const { getSettings } = await import('../../store/tables/settings.ts');
      const { formatSettings } = await import('../settings-options.ts');
      const db = await openConfiguredStore(ctx.config());
      try {
        const s = await getSettings(db);
        console.log(opts.json ? JSON.stringify(s, null, 2) : formatSettings(s));
      } finally {
        await db.destroy();
      }
    });

  settings
    .command('set')
    .description(
      'Change settings; changing time zone, hours, days or holidays recomputes lead response times in the same transaction',
    )
    .option('--time-zone <zone>', 'IANA time zone, e.g. Europe/Warsaw')
    .option('--currency <code>', 'ISO 4217 reporting currency, e.g. EUR')
    .option('--locale <locale>', 'BCP 47 locale for formatting, e.g. en-GB')
    .option('--hours <from-to>', 'working hours, e.g. 09:00-18:00')
    .option('--days <days>', 'working days, e.g. mon-fri or mon,tue,thu')
    .option(
      '--holidays <country[/region]>',
      'public holiday calendar, e.g. US or US/CA; "none" for the custom list only',
    )
    .option('--fiscal-start <month>', 'month (1-12) the fiscal year starts')
    .option('--week-start <day>', "first day of the week, e.g. mon or sun; locale = the locale's first day")
    .option('--sla-minutes <minutes>', 'lead response SLA in business minutes')
    .option('--sla-same-day <yes|no>', 'whether leads must also be contacted on the business day they arrive')
    .option(
      '--leaderboard-metrics <ids>',
      'metrics published on leaderboards (everyone sees the whole board), e.g. calls,meetings_held,won_revenue; "none"',
    )
    .option(
      '--planned-growth <pct>',
      'growth the run-rate forecast applies, e.g. 5 for +5%; "trend" for the trailing trend',
    )
    .action(async (opts: SettingsSetOptions) => {
      const { formatSettings, settingsPatchFromOptions } = await import('../settings-options.ts');
      const patch = settingsPatchFromOptions(opts);
      if (Object.keys(patch).length === 0) {
        console.error('Nothing to change: pass at least one option (see --help).');
        process.exitCode = 1;
        return;
      }
      const { openConfiguredStore } = await import('../store-from-config.ts');
      const { saveSettings } = await import('../../store/workspace/save-settings.ts');
      const db = await openConfiguredStore(ctx.config());
      try {
        const after = await saveSettings(db, SYSTEM_VIEWER, patch);
        console.log(formatSettings(after));
        // A zone change leaves the activity rollups in the old zone (metrics read raw rows meanwhile); without a
        // server running its rollup-rebuild job, rebuild them now. Quiet when the zone did not change.
        const { runJobOnce } = await import('../../jobs/runner.ts');
        const { rollupRebuildJob } = await import('../../jobs/definitions/rollup-rebuild.ts');
        const r = await runJobOnce(db, rollupRebuildJob, new Date(), (line) => console.error(line));
        if (r.ran && r.summary) console.error(r.summary);
      } finally {
        await db.destroy();
      }
    });
}
