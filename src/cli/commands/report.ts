import type { Command } from 'commander';
import { SYSTEM_VIEWER } from '../../domain/access/viewer.ts';
import { GRAINS, type Grain } from '../../domain/calendar/period.ts';
import { METHOD_IDS, type MethodId } from '../../domain/forecast/types.ts';
import {
  FORECAST_CHECKPOINTS,
  GROUP_BYS,
  type ForecastCheckpoint,
  type GroupBy,
  type OpportunityTypeFilter,
} from '../../domain/metrics/query.ts';
import { DEFAULT_REPORT_METRICS } from '../../domain/metrics/registry.ts';
import { resolveReportPeriod } from '../../domain/metrics/report-period.ts';
import { resolveMetrics } from '../../domain/metrics/resolve.ts';
import { AppError } from '../../errors.ts';
import type { CliContext } from '../context.ts';
import { optionList } from '../option-list.ts';

function forecastMethodOption(value: string | undefined): MethodId | undefined {
  if (value === undefined) return undefined;
  const found = METHOD_IDS.find((m) => m === value);
  if (!found) {
    throw new AppError('validation', `--forecast-method must be one of ${METHOD_IDS.join(', ')}`, [
      { field: 'forecast-method', value, reason: 'unknown method' },
    ]);
  }
  return found;
}

function checkpointOption(value: string | undefined): ForecastCheckpoint | undefined {
  if (value === undefined) return undefined;
  const found = FORECAST_CHECKPOINTS.find((c) => c === value);
  if (!found) {
    throw new AppError('validation', `--checkpoint must be one of ${FORECAST_CHECKPOINTS.join(', ')}`, [
      { field: 'checkpoint', value, reason: 'unknown checkpoint' },
    ]);
  }
  return found;
}

interface ReportOptions {
  from?: string;
  to?: string;
  period?: string;
  by: string;
  metrics?: string;
  grain?: string;
  team?: string;
  rep?: string;
  pipeline?: string;
  type?: string;
  source?: string;
  forecastMethod?: string;
  checkpoint?: string;
  compare?: boolean;
  json?: boolean;
  csv?: boolean;
}

function ids(s: string | undefined, field: string): number[] {
  const out = optionList(s).map(Number);
  if (out.some((n) => !Number.isInteger(n) || n <= 0)) {
    throw new AppError('validation', `--${field} takes comma-separated ids`, [
      { field, value: s, reason: 'not ids' },
    ]);
  }
  return out;
}

/** `pacesetter report`: the same numbers as GET /api/metrics, as a table, JSON or CSV (as the system user). */
export function register(program: Command, ctx: CliContext): void {
  program
    .command('report')
    .description(
      'Print metrics by rep, team, company or a dimension for a period (same numbers as GET /api/metrics)',
    )
    .option('--from <date>', 'first day, YYYY-MM-DD (with --to)')
    .option('--to <date>', 'last day, YYYY-MM-DD, inclusive')
    .option('--period <key>', 'period key instead of --from/--to: 2026-Q3, 2026-11, 2026-W47, FY2027, 2026')
    .option('--by <group>', `${GROUP_BYS.join(', ')}`, 'rep')
    .option('--metrics <ids>', `comma-separated metric ids (default: ${DEFAULT_REPORT_METRICS.join(',')})`)
    .option('--grain <grain>', `split into buckets: ${GRAINS.join(', ')}`)
    .option('--team <ids>', 'only these team ids (sub-teams included)')
    .option('--rep <ids>', 'only these user ids')
    .option('--pipeline <ids>', 'only these pipeline ids (opportunity metrics)')
    .option('--type <types>', 'only these opportunity types: new_business,upsell,renewal')
    .option('--source <sources>', 'only these lead sources')
    .option('--forecast-method <method>', 'forecast_accuracy: the method scored (default stage_weighted)')
    .option('--checkpoint <when>', 'forecast_accuracy: start, week2 or mid (default start)')
    .option('--compare', 'add the previous period of the same length and the change')
    .option('--json', 'print the API JSON instead of a table')
    .option('--csv', 'print CSV with raw numbers (money in minor units, ratios 0..1)')
    .action(async (opts: ReportOptions) => {
      if (!GROUP_BYS.includes(opts.by as GroupBy)) {
        throw new AppError('validation', `--by must be one of ${GROUP_BYS.join(', ')}`, [
          { field: 'by', value: opts.by, reason: 'unknown group' },
        ]);
      }
      if (opts.grain && !GRAINS.includes(opts.grain as Grain)) {
        throw new AppError('validation', `--grain must be one of ${GRAINS.join(', ')}`, [
          { field: 'grain', value: opts.grain, reason: 'unknown grain' },
        ]);
      }
      const metricIds = opts.metrics ? optionList(opts.metrics) : [...DEFAULT_REPORT_METRICS];
      const defs = resolveMetrics(metricIds);
      const { openConfiguredStore } = await import('../store-from-config.ts');
      const { openStoredReports, reportMetrics } =
        await import('../../store/queries/metrics/report-metrics.ts');
      const { getSettings } = await import('../../store/tables/settings.ts');
      const { reportCsv, reportTable } = await import('../report-output.ts');
      const db = await openConfiguredStore(ctx.config());
      try {
        // The data version before the settings: the answer the API keeps for the same request is served or kept.
        const stored = await openStoredReports(db, db);
        const settings = await getSettings(db);
        const period = resolveReportPeriod(opts, settings);
        const report = await reportMetrics(
          db,
          SYSTEM_VIEWER,
          {
            metricIds,
            period,
            groupBy: opts.by as GroupBy,
            grain: (opts.grain as Grain | undefined) ?? null,
            filters: {
              teamIds: ids(opts.team, 'team'),
              userIds: ids(opts.rep, 'rep'),
              pipelineIds: ids(opts.pipeline, 'pipeline'),
              opportunityTypes: optionList(opts.type) as OpportunityTypeFilter[],
              leadSources: optionList(opts.source),
              forecastMethod: forecastMethodOption(opts.forecastMethod),
              forecastCheckpoint: checkpointOption(opts.checkpoint),
            },
            comparePrevious: Boolean(opts.compare),
          },
          { stored },
        );
        if (opts.json) console.log(JSON.stringify(report, null, 2));
        else if (opts.csv) process.stdout.write(reportCsv(report, defs));
        else console.log(reportTable(report, defs, settings.locale));
      } finally {
        await db.destroy();
      }
    });
}
