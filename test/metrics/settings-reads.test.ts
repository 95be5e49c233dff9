import { TableNode, type KyselyPlugin, type SelectQueryNode } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { SYSTEM_VIEWER } from '../../src/domain/access/viewer.ts';
import { resolveReportPeriod } from '../../src/domain/metrics/report-period.ts';
import { metricIds } from '../../src/domain/metrics/registry.ts';
import { reportMetrics, type ReportRequest } from '../../src/store/queries/metrics/report-metrics.ts';
import { describeStores, truncateAll } from '../support/stores.ts';
import { activities, user } from './fixtures.ts';

const NOW = new Date('2026-11-25T12:00:00Z');

/** Counts the statements that select from the settings table. */
function settingsReads(): { plugin: KyselyPlugin; count: () => number } {
  let n = 0;
  return {
    plugin: {
      transformQuery(args) {
        if (args.node.kind === 'SelectQueryNode') {
          const froms = (args.node as SelectQueryNode).from?.froms ?? [];
          if (froms.some((f) => TableNode.is(f) && f.table.identifier.name === 'settings')) n += 1;
        }
        return args.node;
      },
      transformResult: async (args) => args.result,
    },
    count: () => n,
  };
}

// A dashboard request read the settings row six times per period (route, report, engine, rollup zone, business
// calendar twice); it now reads it once and hands it down, to both periods of a comparison.
describeStores('metrics request reads the settings once', (ctx) => {
  beforeAll(async () => {
    await truncateAll(ctx.db);
    const ann = await user(ctx.db, 'Ann');
    await activities(ctx.db, [
      { userId: ann, type: 'call', at: '2026-08-03T14:00:00Z' },
      { userId: ann, type: 'meeting', at: '2026-05-04T14:00:00Z' },
    ]);
  });

  it('reads the row once for every metric of a quarter compared with the last, with the same numbers', async () => {
    const req: ReportRequest = {
      metricIds: metricIds(),
      period: resolveReportPeriod(
        { from: '2026-07-01', to: '2026-09-30' },
        { fiscalYearStartMonth: 1, weekStartDay: 1 },
      ),
      groupBy: 'rep',
      grain: null,
      filters: { teamIds: [], userIds: [], pipelineIds: [], opportunityTypes: [], leadSources: [] },
      comparePrevious: true,
    };
    const reads = settingsReads();
    const traced = await reportMetrics(ctx.db.withPlugin(reads.plugin), SYSTEM_VIEWER, req, { now: NOW });
    expect(reads.count()).toBe(1);
    expect(traced.rows[0]?.values.calls?.value).toBe(1);
    expect(traced.rows[0]?.values.meetings?.previous).toBe(1);
  });
});
