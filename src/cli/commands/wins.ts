import type { Command } from 'commander';
import { SYSTEM_VIEWER } from '../../domain/access/viewer.ts';
import { resolveReportPeriod } from '../../domain/metrics/report-period.ts';
import { AppError } from '../../errors.ts';
import type { CliContext } from '../context.ts';
import { optionList } from '../option-list.ts';
import { idArg, optionalId } from '../int-options.ts';

interface WinsOptions {
  from?: string;
  to?: string;
  period?: string;
  team?: string;
  rep?: string;
  type?: string;
  pipeline?: string;
  json?: boolean;
}

const TYPES = new Set(['new_business', 'upsell', 'renewal']);

/** `pacesetter wins analyze`: the same win analysis as GET /api/win-analysis, as sentences and a table or JSON. */
export function register(program: Command, ctx: CliContext): void {
  const wins = program.command('wins').description('Win analysis: what won deals did differently');
  wins
    .command('analyze')
    .description(
      'Compare deals won and lost in a period: touches, follow-ups, meetings, stages, source, size',
    )
    .option('--from <date>', 'first day of closing, YYYY-MM-DD (with --to)')
    .option('--to <date>', 'last day of closing, YYYY-MM-DD, inclusive')
    .option('--period <key>', 'period key instead of --from/--to: 2026-Q3, 2026-11, FY2027')
    .option('--team <id>', 'only this team (sub-teams included)')
    .option('--rep <id>', 'only this rep (user id)')
    .option('--type <types>', 'only these opportunity types: new_business,upsell,renewal')
    .option('--pipeline <ids>', 'only these pipeline ids')
    .option('--json', 'print the API JSON instead of sentences and a table')
    .action(async (opts: WinsOptions) => {
      const types = optionList(opts.type);
      const badType = types.find((t) => !TYPES.has(t));
      if (badType !== undefined) {
        throw new AppError('validation', `Unknown opportunity type '${badType}'`, [
          { field: 'type', value: badType, reason: 'one of new_business, upsell, renewal' },
        ]);
      }
      const pipelineIds = optionList(opts.pipeline).map((p) => idArg(p, '--pipeline'));
      const userId = optionalId(opts.rep, '--rep');
      const teamId = optionalId(opts.team, '--team');
      const { openConfiguredStore } = await import('../store-from-config.ts');
      const { winReport } = await import('../../store/queries/win-analysis/win-report.ts');
      const { getSettings } = await import('../../store/tables/settings.ts');
      const db = await openConfiguredStore(ctx.config());
      try {
        const settings = await getSettings(db);
        const report = await winReport(db, SYSTEM_VIEWER, {
          period: resolveReportPeriod(opts, settings),
          userId,
          teamId,
          types,
          pipelineIds,
        });
        if (opts.json) {
          console.log(JSON.stringify(report, null, 2));
          return;
        }
        const { deals } = report;
        const rate = deals.winRate === null ? '-' : `${Math.round(deals.winRate * 100)}%`;
        console.log(
          `Win analysis ${report.period.key} (${report.period.from} to ${report.period.to}), ${report.subject.name}: ` +
            `${deals.won} won, ${deals.lost} lost (win rate ${rate})\n`,
        );
        for (const f of report.findings) console.log(`- ${f.sentence}`);
        for (const s of report.sources) console.log(`- ${s.sentence}`);
        for (const s of report.skipped) console.log(`- ${s.sentence}`);
        console.log(
          '\nFeature                                      Won median  Lost median   Ratio  Effect  Size',
        );
        const num = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(1));
        for (const f of report.findings) {
          console.log(
            `${f.label.slice(0, 43).padEnd(43)}  ${num(f.won.median).padStart(10)}  ${num(f.lost.median).padStart(11)}  ${(f.ratio === null ? '-' : f.ratio.toFixed(2)).padStart(6)}  ${f.effect.toFixed(2).padStart(6)}  ${f.size}`,
          );
        }
      } finally {
        await db.destroy();
      }
    });
}
