import type { Command } from 'commander';
import { SYSTEM_VIEWER } from '../../domain/access/viewer.ts';
import { formatMetricValue } from '../../domain/metrics/format.ts';
import type { CliContext } from '../context.ts';
import { optionalCount, optionalId } from '../int-options.ts';

interface ChangesOptions {
  week?: string;
  team?: string;
  rep?: string;
  closePeriod?: string;
  stalledDays?: string;
  deals?: boolean;
  json?: boolean;
}

/** `pacesetter pipeline changes`: the same report as GET /api/pipeline-changes, as a reconciliation table or JSON. */
export function register(program: Command, ctx: CliContext): void {
  const pipeline = program.command('pipeline').description('Pipeline reports');
  pipeline
    .command('changes')
    .description("Reconcile last week's pipeline to this week's: added, moved, pushed, won, lost, stalled")
    .option(
      '--week <key>',
      'week, e.g. 2026-W47 (default: this week; weeks start on the workspace first day)',
    )
    .option('--team <id>', 'one team (sub-teams included)')
    .option('--rep <id>', 'one rep (user id)')
    .option('--close-period <key>', "close dates in this period, or 'all' (default: the week's quarter)")
    .option('--stalled-days <n>', 'days without a stage change or activity that make a deal stalled', '14')
    .option('--deals', 'list every deal with its category and flags')
    .option('--json', 'print the API JSON instead of a table')
    .action(async (opts: ChangesOptions) => {
      const { openConfiguredStore } = await import('../store-from-config.ts');
      const { pipelineChanges } = await import('../../store/queries/coaching/pipeline-changes.ts');
      const { getSettings } = await import('../../store/tables/settings.ts');
      const db = await openConfiguredStore(ctx.config());
      try {
        const settings = await getSettings(db);
        const report = await pipelineChanges(db, SYSTEM_VIEWER, {
          week: opts.week,
          teamId: optionalId(opts.team, '--team'),
          userId: optionalId(opts.rep, '--rep'),
          closePeriod: opts.closePeriod,
          stalledDays: optionalCount(opts.stalledDays, '--stalled-days'),
        });
        if (opts.json) {
          console.log(JSON.stringify(report, null, 2));
          return;
        }
        console.log(
          `Pipeline changes ${report.week.key} (${report.week.from} to ${report.week.to}), ${report.subject.name}, ` +
            `close dates ${report.closePeriod.key}, stalled after ${report.stalledDays} days\n`,
        );
        for (const t of report.totals) {
          const money = (v: number) => formatMetricValue(v, 'money', settings.locale, t.currency);
          const line = (label: string, count: number | string, amount: string, effect: string) =>
            console.log(
              `${label.padEnd(24)}${String(count).padStart(7)}  ${amount.padStart(16)}  ${effect.padStart(16)}`,
            );
          console.log(`${t.currency}`);
          line('Category', 'Deals', 'Amount', 'Effect');
          line('Last week', t.startCount, money(t.startValueMinor), '');
          for (const c of t.categories) {
            if (c.count === 0) continue;
            line(`  ${c.category.replace(/_/g, ' ')}`, c.count, money(c.amountMinor), money(c.effectMinor));
          }
          line('This week', t.endCount, money(t.endValueMinor), money(t.endValueMinor - t.startValueMinor));
          const flags = t.flags
            .filter((f) => f.count > 0)
            .map((f) => `${f.flag.replace(/_/g, ' ')} ${f.count}`);
          if (flags.length) console.log(`Flags: ${flags.join(', ')}`);
          console.log('');
        }
        if (opts.deals) {
          for (const d of report.deals) {
            const money = formatMetricValue(d.amountMinor, 'money', settings.locale, d.currency);
            console.log(
              `${String(d.opportunityId).padStart(8)}  ${d.category.padEnd(15)} ${money.padStart(14)}  ${d.name}` +
                (d.flags.length ? `  [${d.flags.join(', ')}]` : ''),
            );
          }
        }
      } finally {
        await db.destroy();
      }
    });
}
