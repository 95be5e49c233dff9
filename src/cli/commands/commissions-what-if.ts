import type { Command } from 'commander';
import { SYSTEM_VIEWER } from '../../domain/access/viewer.ts';
import { majorUnits } from '../../domain/commissions/money.ts';
import { AppError } from '../../errors.ts';
import type { CliContext } from '../context.ts';
import { textTable } from '../text-table.ts';
import { withStore } from '../with-store.ts';
import { readJsonFile } from '../read-json-file.ts';
import { userIdByEmail } from '../user-id-by-email.ts';
import { countArg, optionalCount } from '../int-options.ts';

interface WhatIfOptions {
  rules: string;
  periods: string;
  user?: string[];
  simulate?: string;
  seed?: string;
  json?: boolean;
}

/** '1000,100,20' -> runs 1000, mean 100%, sd 20%. */
function parseSimulate(value: string): { runs: number; meanPct: number; sdPct: number } {
  const parts = value.split(',').map((s) => Number(s.trim()));
  const [runs, meanPct, sdPct] = parts;
  if (
    parts.length !== 3 ||
    !Number.isInteger(runs) ||
    (runs as number) < 1 ||
    !Number.isFinite(meanPct) ||
    !Number.isFinite(sdPct)
  )
    throw new AppError('validation', '--simulate takes runs,meanPct,sdPct, e.g. 1000,100,20', [
      { field: '--simulate', value, reason: 'expected three numbers: runs,meanPct,sdPct' },
    ]);
  return { runs: runs as number, meanPct: meanPct as number, sdPct: sdPct as number };
}

const pct = (v: number | null) => (v === null ? '-' : `${v.toFixed(2)}%`);

/**
 * `pacesetter commissions what-if --rules FILE --periods N [--simulate runs,mean,sd] [--json]`: the numbers of
 * POST /api/commissions/what-if, as the system (everyone on a plan today unless --user names people). Adds
 * `what-if` to the `commissions` command when another file registered it already, else creates it.
 */
export function register(program: Command, ctx: CliContext): void {
  const cmd =
    program.commands.find((c) => c.name() === 'commissions') ??
    program.command('commissions').description('Commission plans, statements, payroll export and disputes');
  cmd
    .command('what-if')
    .description(
      "Cost of a plan on the last N periods' deals against today's plans, and on simulated attainment",
    )
    .requiredOption('--rules <file>', 'plan rules JSON (as for plans create)')
    .requiredOption('--periods <n>', 'complete past periods of the plan to replay')
    .option('--user <email...>', 'model only these people (default: everyone on a plan today)')
    .option('--simulate <runs,mean,sd>', 'also simulate attainment ~ N(mean%, sd%), e.g. 1000,100,20')
    .option('--seed <n>', 'seed of the simulation (default 1)')
    .option('--json', 'print JSON only')
    .action(async (opts: WhatIfOptions) => {
      const periods = countArg(opts.periods, '--periods');
      const simulation = opts.simulate
        ? {
            ...parseSimulate(opts.simulate),
            seed: optionalCount(opts.seed, '--seed') ?? 1,
          }
        : undefined;
      const rules = await readJsonFile(opts.rules);
      const { whatIf } = await import('../../store/queries/commissions/what-if.ts');
      const r = await withStore(ctx, async (db) => {
        let userIds: number[] | undefined;
        if (opts.user) {
          userIds = [];
          for (const email of opts.user) userIds.push(await userIdByEmail(db, email));
        }
        return whatIf(db, SYSTEM_VIEWER, { rules, periods, userIds, simulation });
      });
      if (opts.json) return console.log(JSON.stringify(r, null, 2));
      // Simulated percentiles may fall between cents: shown rounded to the currency's minor unit.
      const money = (minor: number) => majorUnits(Math.round(minor), r.currency);
      console.log(`What-if in ${r.currency} for ${r.people.length} people\n`);
      console.log(
        textTable(
          ['period', 'revenue', 'payout', 'cost of sales', 'over target', 'baseline payout', 'baseline cost'],
          r.periods.map((p, i) => {
            const b = r.baseline[i]!;
            return [
              p.periodKey,
              money(p.revenueMinor),
              money(p.payoutMinor),
              pct(p.costOfSalesPct),
              `${p.repsOverTarget}/${p.reps}`,
              money(b.payoutMinor),
              pct(b.costOfSalesPct),
            ];
          }),
        ),
      );
      const t = r.totals;
      console.log(
        `\nTotal: payout ${money(t.payoutMinor)} on ${money(t.revenueMinor)} (${pct(t.costOfSalesPct)}); today's plans ${money(t.baselinePayoutMinor)} (${pct(t.baselineCostOfSalesPct)}); difference ${money(t.differenceMinor)}`,
      );
      if (r.simulated) {
        const s = r.simulated;
        console.log(
          `\nSimulated ${s.runs} runs, attainment ~ N(${s.meanPct}%, ${s.sdPct}%): total payout p10 ${money(s.p10)}, p50 ${money(s.p50)}, p90 ${money(s.p90)}; cost of sales ${pct(s.costOfSalesPct)}`,
        );
        console.log(
          `Payout curve at a target of ${money(s.curveTargetMinor)}: ${s.payoutCurve.map((c) => `${c.attainmentPct}%=${money(c.payoutMinor)}`).join(' ')}`,
        );
      }
      for (const w of r.warnings) console.log(`note: ${w}`);
    });
}
