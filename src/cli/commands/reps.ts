import type { Command } from 'commander';
import { SYSTEM_VIEWER } from '../../domain/access/viewer.ts';
import { AppError } from '../../errors.ts';
import type { CliContext } from '../context.ts';
import { shortNumber, textTable } from '../text-table.ts';
import { withStore } from '../with-store.ts';
import { countArg, optionalId } from '../int-options.ts';

const GRAINS = ['day', 'week', 'month', 'quarter', 'whole'] as const;
const QUADRANT_GRAINS = ['week', 'month', 'quarter'] as const;

function oneOf<T extends string>(value: string, allowed: readonly T[], option: string): T {
  if (!(allowed as readonly string[]).includes(value)) {
    throw new AppError('validation', `${option} must be one of ${allowed.join(', ')}`, [
      { field: option, value, reason: allowed.join(' | ') },
    ]);
  }
  return value as T;
}

interface Filters {
  team?: string;
  user?: string;
  json?: boolean;
}

const filters = (o: Filters) => ({
  teamId: optionalId(o.team, '--team'),
  userId: optionalId(o.user, '--user'),
});

/** `pacesetter reps scorecard|benchmarks|quadrants`: rep evaluation from the metrics engine (docs/coaching.md). */
export function register(program: Command, ctx: CliContext): void {
  const reps = program.command('reps').description('Rep evaluation: scorecards, benchmarks and quadrants');

  reps
    .command('scorecard')
    .description('Activity (leading) and results (lagging) scores per rep, 100 = on benchmark')
    .requiredOption('--period <key>', 'period key, e.g. 2026-11, 2026-Q3')
    .option('--grain <grain>', 'day | week | month | quarter | whole', 'whole')
    .option('--team <id>', 'only reps of this team')
    .option('--user <id>', 'only this rep')
    .option('--json', 'print JSON instead of a table')
    .action(async (opts: Filters & { period: string; grain: string }) => {
      const grain = oneOf(opts.grain, GRAINS, '--grain');
      const { repScorecards } = await import('../../store/queries/coaching/scorecard.ts');
      await withStore(ctx, async (db) => {
        const r = await repScorecards(db, SYSTEM_VIEWER, {
          periodKey: opts.period,
          grain: grain === 'whole' ? null : grain,
          ...filters(opts),
        });
        if (opts.json) return console.log(JSON.stringify(r, null, 2));
        console.log(`Scorecards ${r.period.key}${r.grain ? ` by ${r.grain}` : ''}`);
        console.log(
          textTable(
            ['rep', 'period', 'activity', 'results', 'ramp'],
            r.reps.flatMap((rep) =>
              rep.buckets.map((b) => [
                rep.name,
                b.period ?? r.period.key,
                b.activityScore,
                b.resultsScore,
                b.ramp,
              ]),
            ),
          ),
        );
      });
    });

  reps
    .command('benchmarks')
    .description("Each rep's KPIs beside their benchmark, the team median and top quartile, with percentile")
    .requiredOption('--period <key>', 'period key, e.g. 2026-11, 2026-Q3')
    .option('--team <id>', 'peers: this team (default everyone)')
    .option('--user <id>', 'only this rep')
    .option('--json', 'print JSON instead of a table')
    .action(async (opts: Filters & { period: string }) => {
      const { repBenchmarks } = await import('../../store/queries/coaching/benchmarks.ts');
      await withStore(ctx, async (db) => {
        const r = await repBenchmarks(db, SYSTEM_VIEWER, { periodKey: opts.period, ...filters(opts) });
        if (opts.json) return console.log(JSON.stringify(r, null, 2));
        console.log(`Benchmarks ${r.period.key} over ${r.peers} reps`);
        console.log(
          textTable(
            ['rep', 'metric', 'value', 'benchmark', 'median', 'top quartile', 'percentile'],
            r.reps.flatMap((rep) => [
              [
                rep.name,
                'activity score',
                rep.activityScore,
                100,
                r.activity.median,
                r.activity.topQuartile,
                rep.activityPercentile,
              ],
              [
                rep.name,
                'results score',
                rep.resultsScore,
                100,
                r.results.median,
                r.results.topQuartile,
                rep.resultsPercentile,
              ],
              ...rep.kpis.map((k) => [
                rep.name,
                k.metricId,
                shortNumber(k.value),
                shortNumber(k.benchmark),
                shortNumber(k.median),
                shortNumber(k.topQuartile),
                k.percentile,
              ]),
            ]),
          ),
        );
      });
    });

  reps
    .command('quadrants')
    .description('Rising stars, falling stars, improving and declining laggards (level x Theil-Sen trend)')
    .option('--periods <n>', 'periods in the trend window', '6')
    .option('--grain <grain>', 'week | month | quarter', 'month')
    .option('--period <key>', 'last period of the window (default: the last complete one)')
    .option('--history <n>', 'windows of group history', '6')
    .option('--basis <basis>', 'results | activity', 'results')
    .option('--team <id>', 'peers: this team (default everyone)')
    .option('--user <id>', 'only this rep')
    .option('--json', 'print JSON instead of a table')
    .action(
      async (
        opts: Filters & { periods: string; grain: string; period?: string; history: string; basis: string },
      ) => {
        const grain = oneOf(opts.grain, QUADRANT_GRAINS, '--grain');
        const basis = oneOf(opts.basis, ['results', 'activity'] as const, '--basis');
        const { repQuadrants } = await import('../../store/queries/coaching/quadrants.ts');
        await withStore(ctx, async (db) => {
          const r = await repQuadrants(db, SYSTEM_VIEWER, {
            periods: countArg(opts.periods, '--periods'),
            grain,
            periodKey: opts.period,
            history: countArg(opts.history, '--history'),
            basis,
            ...filters(opts),
          });
          if (opts.json) return console.log(JSON.stringify(r, null, 2));
          console.log(`Quadrants on ${r.basis} score, ${r.window[0]} .. ${r.window[r.window.length - 1]}`);
          console.log(
            textTable(
              ['rep', 'level', 'percentile', 'slope', 'group', 'history'],
              r.reps.map((rep) => [
                rep.name,
                rep.level,
                rep.levelPercentile,
                rep.slope,
                rep.quadrant ?? 'too little history',
                rep.history.map((h) => h.quadrant ?? '-').join(' > '),
              ]),
            ),
          );
        });
      },
    );
}
