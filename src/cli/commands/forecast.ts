import type { Command } from 'commander';
import { SYSTEM_VIEWER } from '../../domain/access/viewer.ts';
import { currentPeriod } from '../../domain/calendar/current-period.ts';
import { CYCLE_AGE_MODES, type CycleAgeMode } from '../../domain/forecast/cycle-age.ts';
import {
  PROBABILITY_CHOICES,
  probabilityOverride,
  type ProbabilitySource,
} from '../../domain/forecast/compute.ts';
import { parseMethodList } from '../../domain/forecast/method-list.ts';
import { parseScope } from '../../domain/forecast/scope.ts';
import { AppError } from '../../errors.ts';
import type { CliContext } from '../context.ts';
import { optionalCount } from '../int-options.ts';

const intOption = (value: string | undefined, field: string, min: number, max: number) =>
  optionalCount(value, `--${field}`, { min, max });

/** The override asked for; undefined for 'settings' (each pipeline's own setting). */
function probabilitySource(value: string): ProbabilitySource | undefined {
  const found = PROBABILITY_CHOICES.find((s) => s === value);
  if (!found) {
    throw new AppError('validation', '--probabilities must be settings, configured or learned', [
      { field: 'probabilities', value, reason: 'unknown source' },
    ]);
  }
  return probabilityOverride(found);
}

function cycleAgeMode(value: string): CycleAgeMode {
  const found = CYCLE_AGE_MODES.find((s) => s === value);
  if (!found) {
    throw new AppError('validation', '--cycle-age must be blend or age', [
      { field: 'cycle-age', value, reason: 'unknown mode' },
    ]);
  }
  return found;
}

/** `pacesetter forecast` (+ `backtest`, `snapshot`): the same numbers as the /api/forecast endpoints, as the system user. */
export function register(program: Command, ctx: CliContext): void {
  const forecast = program
    .command('forecast')
    .description('Forecast a period with every method side by side (same numbers as GET /api/forecast)')
    .option('--period <key>', 'period key: 2026-Q4, 2026-11, FY2027-Q1 (default: the current quarter)')
    .option('--scope <scope>', "'company', 'team:ID' or 'rep:ID'", 'company')
    .option(
      '--method <methods>',
      "'all' or comma-separated: stage_weighted,judgement,run_rate,cycle_age,monte_carlo",
      'all',
    )
    .option(
      '--seed <n>',
      'Monte Carlo seed (default: derived from scope, period and today, so the range holds all day)',
    )
    .option('--iterations <n>', 'Monte Carlo runs', '2000')
    .option('--lookback <days>', 'run-rate look-back in days', '90')
    .option(
      '--probabilities <source>',
      "stage probabilities: settings (each pipeline's), or configured / learned for all",
      'settings',
    )
    .option(
      '--cycle-age <mode>',
      'cycle-age: blend (with the stage probability) or age (age / typical cycle)',
      'blend',
    )
    .option('--call-with-new-pipeline', 'add the pipeline yet to be created to the commit call too')
    .option('--no-track-record', 'skip the accuracy of each method over the last four periods')
    .option('--json', 'print the API JSON instead of a table')
    .action(
      async (opts: {
        period?: string;
        scope: string;
        method: string;
        seed?: string;
        iterations: string;
        lookback: string;
        trackRecord: boolean;
        callWithNewPipeline?: boolean;
        probabilities: string;
        cycleAge: string;
        json?: boolean;
      }) => {
        const { openConfiguredStore } = await import('../store-from-config.ts');
        const { forecastReport } = await import('../../store/queries/forecast/forecast-report.ts');
        const { getSettings } = await import('../../store/tables/settings.ts');
        const { forecastTable } = await import('../forecast-output.ts');
        const db = await openConfiguredStore(ctx.config());
        try {
          const settings = await getSettings(db);
          const now = new Date();
          const report = await forecastReport(db, SYSTEM_VIEWER, {
            periodKey: opts.period ?? currentPeriod(now, 'quarter', settings).key,
            scope: parseScope(opts.scope),
            now,
            seed: intOption(opts.seed, 'seed', 0, 2 ** 31 - 1),
            iterations: intOption(opts.iterations, 'iterations', 100, 100_000) as number,
            methods: parseMethodList(opts.method),
            withTrackRecord: opts.trackRecord,
            lookbackDays: intOption(opts.lookback, 'lookback', 7, 730),
            judgementNewPipeline: opts.callWithNewPipeline === true,
            probabilities: probabilitySource(opts.probabilities),
            cycleAge: cycleAgeMode(opts.cycleAge),
          });
          console.log(opts.json ? JSON.stringify(report, null, 2) : forecastTable(report, settings.locale));
        } finally {
          await db.destroy();
        }
      },
    );

  forecast
    .command('backtest')
    .description(
      'What each method would have forecast for past periods vs what was won: MAPE and bias per scope',
    )
    .option('--grain <grain>', 'month or quarter', 'quarter')
    .option('--periods <n>', 'finished periods to test', '4')
    .option('--start-only', 'forecast only at each period start (default: also every week)')
    .option(
      '--probabilities <source>',
      "stage probabilities: settings (each pipeline's), or configured / learned for all",
      'settings',
    )
    .option(
      '--cycle-age <mode>',
      'cycle-age: blend (with the stage probability) or age (age / typical cycle)',
      'blend',
    )
    .option(
      '--timing <timing>',
      'learned probabilities: within (wins expected before the period ends) or eventual (won whenever)',
      'within',
    )
    .option('--seed <n>', 'Monte Carlo seed', '1')
    .option('--iterations <n>', 'Monte Carlo runs per forecast', '500')
    .option('--lookback <days>', 'run-rate look-back in days', '90')
    .option('--json', 'print the API JSON instead of tables')
    .action(
      async (opts: {
        timing: string;
        grain: string;
        periods: string;
        startOnly?: boolean;
        probabilities: string;
        cycleAge: string;
        seed: string;
        iterations: string;
        lookback: string;
        json?: boolean;
      }) => {
        if (opts.grain !== 'month' && opts.grain !== 'quarter') {
          throw new AppError('validation', '--grain must be month or quarter', [
            { field: 'grain', value: opts.grain, reason: 'unknown grain' },
          ]);
        }
        if (opts.timing !== 'within' && opts.timing !== 'eventual') {
          throw new AppError('validation', '--timing must be within or eventual', [
            { field: 'timing', value: opts.timing, reason: 'unknown timing' },
          ]);
        }
        const { default: cliProgress } = await import('cli-progress');
        const { openConfiguredStore } = await import('../store-from-config.ts');
        const { runBacktest } = await import('../../store/queries/forecast/backtest.ts');
        const { getSettings } = await import('../../store/tables/settings.ts');
        const { backtestTable } = await import('../forecast-output.ts');
        const db = await openConfiguredStore(ctx.config());
        const bar = process.stderr.isTTY
          ? new cliProgress.SingleBar(
              { format: 'backtest |{bar}| {value}/{total} checkpoints', hideCursor: true },
              cliProgress.Presets.shades_classic,
            )
          : null;
        let started = false;
        try {
          const settings = await getSettings(db);
          const report = await runBacktest(db, SYSTEM_VIEWER, {
            grain: opts.grain,
            periods: intOption(opts.periods, 'periods', 1, 24) as number,
            weekly: !opts.startOnly,
            now: new Date(),
            seed: intOption(opts.seed, 'seed', 0, 2 ** 31 - 1) as number,
            iterations: intOption(opts.iterations, 'iterations', 100, 20_000) as number,
            lookbackDays: intOption(opts.lookback, 'lookback', 7, 730),
            probabilities: probabilitySource(opts.probabilities),
            cycleAge: cycleAgeMode(opts.cycleAge),
            timing: opts.timing === 'within',
            onProgress: (done, total) => {
              if (!bar) return;
              if (!started) {
                bar.start(total, 0);
                started = true;
              }
              bar.update(done);
            },
          });
          bar?.stop();
          console.log(
            opts.json
              ? JSON.stringify(report, null, 2)
              : backtestTable(report, settings.locale, settings.currency),
          );
        } finally {
          bar?.stop();
          await db.destroy();
        }
      },
    );

  forecast
    .command('snapshot')
    .description('Snapshot every method for every scope now (the server also does this every Monday 06:00)')
    .option('--period <key>', 'period key (default: the current quarter)')
    .option(
      '--seed <n>',
      'Monte Carlo seed for every scope (default: per scope, from scope, period and today)',
    )
    .option('--json', 'print the API JSON')
    .action(async (opts: { period?: string; seed?: string; json?: boolean }) => {
      const { openConfiguredStore } = await import('../store-from-config.ts');
      const { takeSnapshot } = await import('../../store/queries/forecast/snapshots.ts');
      const { getSettings } = await import('../../store/tables/settings.ts');
      const db = await openConfiguredStore(ctx.config());
      try {
        const settings = await getSettings(db);
        const now = new Date();
        const snap = await takeSnapshot(db, {
          periodKey: opts.period ?? currentPeriod(now, 'quarter', settings).key,
          asOf: now,
          now,
          trigger: 'manual',
          takenBy: null,
          seed: intOption(opts.seed, 'seed', 0, 2 ** 31 - 1),
          iterations: 2_000,
        });
        if (!snap) throw new Error('manual snapshot was not inserted');
        console.log(
          opts.json
            ? JSON.stringify(snap, null, 2)
            : `Snapshot ${snap.id} of ${snap.periodKey} at ${snap.asOf.toISOString()}: ${snap.scopes} scopes, ${snap.lines} open deals`,
        );
      } finally {
        await db.destroy();
      }
    });
}
