import type { Command } from 'commander';
import { SYSTEM_VIEWER } from '../../domain/access/viewer.ts';
import { AppError } from '../../errors.ts';
import type { CliContext } from '../context.ts';
import { shortNumber, textTable } from '../text-table.ts';
import { idArg } from '../int-options.ts';

/** 'calls:2,meetings_held:1' -> weights. */
function parseWeights(spec: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const part of spec
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [id, w] = part.split(':');
    const weight = w === undefined ? 1 : Number(w);
    if (!id || !Number.isFinite(weight)) {
      throw new AppError('validation', 'Invalid --weights', [
        { field: '--weights', value: part, reason: 'expected metric:weight' },
      ]);
    }
    out[id] = weight;
  }
  return out;
}

/** `pacesetter leaderboard`: ranked reps or teams for a period, with movement since the previous period. */
export function register(program: Command, ctx: CliContext): void {
  program
    .command('leaderboard')
    .description('Rank reps or teams on a metric or weighted score for a period (ties share a rank)')
    .requiredOption('--period <key>', 'period key, e.g. 2026-11, 2026-W47, 2026-Q4, FY2027')
    .option('--metric <id>', 'metric to rank on (default: won_revenue)')
    .option('--weights <spec>', 'weighted score instead, e.g. calls:1,meetings_held:2,won_revenue:3')
    .option('--board <board>', 'reps | teams', 'reps')
    .option('--team <id>', 'only reps of this team')
    .option('--json', 'print JSON instead of a table')
    .action(
      async (opts: {
        period: string;
        metric?: string;
        weights?: string;
        board: string;
        team?: string;
        json?: boolean;
      }) => {
        if (opts.board !== 'reps' && opts.board !== 'teams') {
          throw new AppError('validation', '--board must be reps or teams', [
            { field: '--board', value: opts.board, reason: 'reps | teams' },
          ]);
        }
        const { openConfiguredStore } = await import('../store-from-config.ts');
        const { leaderboard } = await import('../../store/queries/leaderboard/leaderboard.ts');
        const db = await openConfiguredStore(ctx.config());
        try {
          const b = await leaderboard(db, SYSTEM_VIEWER, {
            periodKey: opts.period,
            board: opts.board,
            metricId: opts.weights ? undefined : (opts.metric ?? 'won_revenue'),
            weights: opts.weights ? parseWeights(opts.weights) : undefined,
            teamIds: opts.team === undefined ? undefined : [idArg(opts.team, '--team')],
          });
          if (opts.json) return console.log(JSON.stringify(b, null, 2));
          console.log(
            `${b.board} by ${b.rankedOn} (${b.better} is better), ${b.period.key} vs ${b.previousPeriod.key}`,
          );
          console.log(
            textTable(
              ['rank', 'name', b.rankedOn, 'previous rank', 'move'],
              b.lines.map((l) => [
                l.rank,
                l.name,
                shortNumber(l.value),
                l.previousRank,
                l.movement === null ? null : l.movement > 0 ? `+${l.movement}` : String(l.movement),
              ]),
            ),
          );
        } finally {
          await db.destroy();
        }
      },
    );
}
