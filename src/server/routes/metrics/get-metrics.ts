import type { Grain } from '../../../domain/calendar/period.ts';
import type { OpportunityTypeFilter } from '../../../domain/metrics/query.ts';
import { DEFAULT_REPORT_METRICS } from '../../../domain/metrics/registry.ts';
import { resolveReportPeriod } from '../../../domain/metrics/report-period.ts';
import { openStoredReports, reportMetricsJson } from '../../../store/queries/metrics/report-metrics.ts';
import { getSettingsWithRollupZone } from '../../../store/tables/settings.ts';
import type { RouteModule } from '../../app-types.ts';
import { sendJson } from '../../send-json.ts';
import { MetricReportSchema, MetricsQuerySchema, splitList } from './metrics-schemas.ts';

/**
 * GET /api/metrics: any metrics by rep, team, company or a dimension (lead source, deal type, pipeline, product,
 * time category), for a period, optionally bucketed and compared with the previous period. Per-rep rows and
 * dimension splits are limited to the facts of the people the viewer may see; team and company rows are open to all.
 * The answer is kept in the primary store per request, resolved scope and data version (stored-results.ts), so a
 * repeated request is a read until a write the metrics depend on.
 */
const getMetrics: RouteModule = (app, { reportDb: db, db: primary }) => {
  app.get(
    '/api/metrics',
    {
      schema: {
        tags: ['metrics'],
        summary:
          'Metric values by rep, team, company, lead source, deal type, pipeline, product or time category',
        querystring: MetricsQuerySchema,
        response: { 200: MetricReportSchema },
      },
    },
    async (request, reply) => {
      const q = request.query;
      // The data version first: the answer is kept only if nothing read after it (settings included) changed.
      const stored = await openStoredReports(db, primary);
      // Read once here and handed down: the engine would otherwise read the row again per period.
      const read = await getSettingsWithRollupZone(db);
      const period = resolveReportPeriod(q, read.settings);
      const ids = splitList(q.ids);
      const toIds = (s: string | undefined) => splitList(s).map(Number);
      const json = await reportMetricsJson(
        db,
        request.viewer,
        {
          metricIds: ids.length > 0 ? ids : [...DEFAULT_REPORT_METRICS],
          period,
          groupBy: q.group,
          grain: (q.grain as Grain | undefined) ?? null,
          filters: {
            teamIds: toIds(q.team),
            userIds: toIds(q.rep),
            pipelineIds: toIds(q.pipeline),
            opportunityTypes: splitList(q.type) as OpportunityTypeFilter[],
            leadSources: splitList(q.source),
            forecastMethod: q.forecastMethod,
            forecastCheckpoint: q.checkpoint,
          },
          comparePrevious: q.compare === 'previous',
        },
        { settings: read, stored },
      );
      // The report's JSON as the engine wrote it (MetricReportSchema documents it; test/metrics/stored-results.test.ts
      // checks it parses to the same value): a stored answer goes out, gzipped, without being parsed and serialized.
      return sendJson(request, reply, json);
    },
  );
};
export default getMetrics;
