import type { Command } from 'commander';
import { SYSTEM_VIEWER } from '../../domain/access/viewer.ts';
import { currentPeriod } from '../../domain/calendar/current-period.ts';
import { parseScope } from '../../domain/forecast/scope.ts';
import { minorUnitDigits } from '../../domain/metrics/format.ts';
import { AppError } from '../../errors.ts';
import type { CliContext } from '../context.ts';

function num(value: string | undefined, field: string): number | null {
  if (value === undefined) return null;
  const n = Number(value);
  if (!Number.isFinite(n)) {
    throw new AppError('validation', `--${field} must be a number`, [
      { field, value, reason: 'not a number' },
    ]);
  }
  return n;
}

/** `pacesetter plan`: the reverse funnel and what-ifs (same numbers as GET /api/plan), as the system user. */
export function register(program: Command, ctx: CliContext): void {
  program
    .command('plan')
    .description(
      'Leads, meetings and opportunities needed for a target, from observed conversion rates, with what-ifs',
    )
    .option(
      '--target-revenue <amount>',
      'revenue target in the workspace currency (major units, e.g. 500000)',
    )
    .option('--target-wins <n>', 'target number of won deals / customers')
    .option('--period <key>', 'plan period: 2026-Q4, 2026-11 (default: the current quarter)')
    .option('--scope <scope>', "'company', 'team:ID' or 'rep:ID'", 'company')
    .option('--leads <n>', 'what-if: this many leads in the period instead of the observed pace')
    .option('--win-rate <points>', 'what-if: win rate better by this many points, e.g. +5')
    .option('--lookback <days>', 'days of history for the observed rates', '180')
    .option('--json', 'print the API JSON instead of a table')
    .action(
      async (opts: {
        targetRevenue?: string;
        targetWins?: string;
        period?: string;
        scope: string;
        leads?: string;
        winRate?: string;
        lookback: string;
        json?: boolean;
      }) => {
        const { openConfiguredStore } = await import('../store-from-config.ts');
        const { planReport } = await import('../../store/queries/forecast/plan-report.ts');
        const { getSettings } = await import('../../store/tables/settings.ts');
        const { planTable } = await import('../forecast-output.ts');
        const db = await openConfiguredStore(ctx.config());
        try {
          const settings = await getSettings(db);
          const now = new Date();
          const revenue = num(opts.targetRevenue, 'target-revenue');
          const report = await planReport(db, SYSTEM_VIEWER, {
            periodKey: opts.period ?? currentPeriod(now, 'quarter', settings).key,
            scope: parseScope(opts.scope),
            now,
            lookbackDays: num(opts.lookback, 'lookback') ?? 180,
            targetRevenue:
              revenue === null ? null : Math.round(revenue * 10 ** minorUnitDigits(settings.currency)),
            targetWins: num(opts.targetWins, 'target-wins'),
            leads: num(opts.leads, 'leads'),
            winRateDeltaPoints: num(opts.winRate, 'win-rate'),
          });
          console.log(opts.json ? JSON.stringify(report, null, 2) : planTable(report, settings.locale));
        } finally {
          await db.destroy();
        }
      },
    );
}
