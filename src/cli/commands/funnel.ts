import type { Command } from 'commander';
import { SYSTEM_VIEWER } from '../../domain/access/viewer.ts';
import { formatMetricValue } from '../../domain/metrics/format.ts';
import type { OpportunityTypeFilter } from '../../domain/metrics/query.ts';
import { resolveReportPeriod } from '../../domain/metrics/report-period.ts';
import type { CliContext } from '../context.ts';
import { optionList } from '../option-list.ts';
import { optionalId } from '../int-options.ts';

interface FunnelOptions {
  from?: string;
  to?: string;
  period?: string;
  pipeline?: string;
  team?: string;
  rep?: string;
  type?: string;
  source?: string;
  json?: boolean;
}

/** `pacesetter funnel`: the same funnel as GET /api/funnel, as a table or JSON. */
export function register(program: Command, ctx: CliContext): void {
  program
    .command('funnel')
    .description('Print stage conversion and days in stage, and the lead funnel, for a period')
    .option('--from <date>', 'first day, YYYY-MM-DD (with --to)')
    .option('--to <date>', 'last day, YYYY-MM-DD, inclusive')
    .option('--period <key>', 'period key instead of --from/--to: 2026-Q3, 2026-11, FY2027')
    .option('--pipeline <id>', 'pipeline id (default: the default pipeline)')
    .option('--team <ids>', 'only these team ids (sub-teams included)')
    .option('--rep <ids>', 'only these user ids')
    .option('--type <types>', 'only these opportunity types: new_business,upsell,renewal')
    .option('--source <sources>', 'only these lead sources')
    .option('--json', 'print the API JSON instead of a table')
    .action(async (opts: FunnelOptions) => {
      const { openConfiguredStore } = await import('../store-from-config.ts');
      const { funnelReport } = await import('../../store/queries/funnel/funnel-report.ts');
      const { getSettings } = await import('../../store/tables/settings.ts');
      const db = await openConfiguredStore(ctx.config());
      try {
        const settings = await getSettings(db);
        const report = await funnelReport(db, SYSTEM_VIEWER, {
          period: resolveReportPeriod(opts, settings),
          pipelineId: optionalId(opts.pipeline, '--pipeline') ?? null,
          filters: {
            teamIds: optionList(opts.team).map(Number),
            userIds: optionList(opts.rep).map(Number),
            opportunityTypes: optionList(opts.type) as OpportunityTypeFilter[],
            leadSources: optionList(opts.source),
          },
        });
        if (opts.json) {
          console.log(JSON.stringify(report, null, 2));
          return;
        }
        const pct = (v: number | null) => formatMetricValue(v, 'ratio', settings.locale, settings.currency);
        const days = (v: number | null) => formatMetricValue(v, 'days', settings.locale, settings.currency);
        console.log(
          `Funnel ${report.period.key} (${report.period.from} to ${report.period.to}), ${report.pipeline.name}\n`,
        );
        console.log('Stage                 Entered  Advanced  Conversion  Won  Avg days  Median days');
        for (const s of report.stages) {
          console.log(
            `${s.name.padEnd(20)}  ${String(s.entered).padStart(7)}  ${String(s.advanced).padStart(8)}  ${pct(s.conversion.value).padStart(10)}  ${String(s.won).padStart(3)}  ${days(s.avgDays).padStart(8)}  ${days(s.medianDays).padStart(11)}`,
          );
        }
        console.log('\nLead step     Count  From previous  From leads');
        for (const l of report.leads) {
          console.log(
            `${l.step.padEnd(12)}  ${String(l.count).padStart(5)}  ${pct(l.fromPrevious?.value ?? null).padStart(13)}  ${pct(l.fromLeads.value).padStart(10)}`,
          );
        }
      } finally {
        await db.destroy();
      }
    });
}
