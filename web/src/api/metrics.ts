import { request } from './client.ts';
import type { MetricDefinitionInfo, MetricQueryParams, MetricReport } from './types/metrics.ts';

/** GET /api/metrics/definitions: every metric the server can compute. */
export async function getMetricDefinitions(signal?: AbortSignal): Promise<MetricDefinitionInfo[]> {
  const body = await request<{ metrics: MetricDefinitionInfo[] }>('GET', '/api/metrics/definitions', {
    signal,
  });
  return body.metrics;
}

/** GET /api/metrics: the one metrics engine (runMetrics) over HTTP; lists travel comma-separated. */
export async function getMetrics(query: MetricQueryParams, signal?: AbortSignal): Promise<MetricReport> {
  return request<MetricReport>('GET', '/api/metrics', {
    query: {
      ids: query.metrics,
      group: query.groupBy,
      period: query.period,
      from: query.period ? undefined : query.from,
      to: query.period ? undefined : query.to,
      grain: query.grain ?? undefined,
      team: query.teamIds,
      rep: query.userIds,
      pipeline: query.pipelineIds,
      type: query.opportunityTypes,
      source: query.leadSources,
      compare: query.comparePrevious ? 'previous' : undefined,
    },
    signal,
  });
}
