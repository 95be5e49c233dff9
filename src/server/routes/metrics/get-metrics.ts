import type { Grain } from '../../../domain/calendar/period.ts';
import type { OpportunityTypeFilter } from '../../../domain/metrics/query.ts';
import { DEFAULT_REPORT_METRICS } from '../../../domain/metrics/registry.ts';
import { resolveReportPeriod } from '../../../domain/metrics/report-period.ts';
import { viewerUnchanged } from '../../../store/access/viewer-unchanged.ts';
import { codeFingerprint } from '../../../store/code-fingerprint.ts';
import { reportMetricsJson } from '../../../store/queries/metrics/report-metrics.ts';
import { storedAliasKey } from '../../../store/queries/metrics/stored-answer-lookup.ts';
import { metricsDataVersion } from '../../../store/queries/metrics/stored-results.ts';
import { getSettingsWithRollupZone } from '../../../store/tables/settings.ts';
import { AnswerBytesCache } from '../../answer-bytes-cache.ts';
import type { RouteModule } from '../../app-types.ts';
import { sendAnswer } from '../../send-answer.ts';
import { MetricReportSchema, MetricsQuerySchema, splitList } from './metrics-schemas.ts';
import { sendStoredMetricsAnswer } from './stored-metrics-answer.ts';

/**
 * GET /api/metrics: any metrics by rep, team, company or a dimension (lead source, deal type, pipeline, product,
 * time category), for a period, optionally bucketed and compared with the previous period. Per-rep rows and
 * dimension splits are limited to the facts of the people the viewer may see; team and company rows are open to all.
 * The answer is kept in the primary store per request, resolved scope and data version (stored-results.ts) with
 * its gzip and brotli bytes, so a repeated request is one statement (stored-metrics-answer.ts) until a write the
 * metrics depend on, and a client that has it (If-None-Match) gets 304.
 */
/** This route's code that turns a query into a report request (parsing, defaults): part of its alias key. */
const REQUEST_CODE = codeFingerprint(import.meta.url, ['.', '../../input-schemas.ts']);

const getMetrics: RouteModule = (app, { reportDb: db, db: primary }) => {
  // Copies of kept answers' bytes by tag, for this app (an accelerator: the row is checked on every request).
  const held = new AnswerBytesCache();
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
      const now = new Date();
      const aliasKey = storedAliasKey(request.viewer, q, REQUEST_CODE);
      const quick = await sendStoredMetricsAnswer(primary, held, request, reply, aliasKey, now);
      if ('sent' in quick) return quick.sent;
      // Not kept (or not yet for this viewer's request): the data version first, as the answer is kept only if
      // nothing read after it (settings included) changed. The statement above read it when the report is
      // computed on the primary; a replica's is its own.
      const version = db === primary ? quick.version : await metricsDataVersion(db);
      // The viewer was built before the version was read: its request is recorded under the version only when
      // the store still says the same about it (a role or team change in between would leave it a state behind).
      const recordAlias = version !== null && (await viewerUnchanged(db, request.viewer));
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
        { settings: read, now, stored: { store: primary, version, aliasKey: recordAlias ? aliasKey : null } },
      );
      // The report's JSON as the engine wrote it (MetricReportSchema documents it; test/metrics/stored-results.test.ts
      // checks it parses to the same value): sent as its kept bytes, without being parsed, serialized or compressed.
      return sendAnswer(request, reply, json);
    },
  );
};
export default getMetrics;
