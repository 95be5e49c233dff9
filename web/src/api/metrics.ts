import { request } from './client.ts';
import type { MetricDefinitionInfo, MetricQueryParams, MetricRow } from './types/metrics.ts';

/** GET /api/metrics/definitions: every metric the server can compute. */
export async function getMetricDefinitions(signal?: AbortSignal): Promise<MetricDefinitionInfo[]> {
  const body = await request<MetricDefinitionInfo[] | { metrics: MetricDefinitionInfo[] }>(
    'GET',
    '/api/metrics/definitions',
    { signal },
  );
  return Array.isArray(body) ? body : body.metrics;
}

/** GET /api/metrics: the one metrics engine (runMetrics) over HTTP. */
export async function getMetrics(query: MetricQueryParams, signal?: AbortSignal): Promise<MetricRow[]> {
  const body = await request<MetricRow[] | { rows: MetricRow[] }>('GET', '/api/metrics', {
    query: { ...query },
    signal,
  });
  return Array.isArray(body) ? body : body.rows;
}
