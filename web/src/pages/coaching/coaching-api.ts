import { request } from '../../api/client.ts';
import type { BenchmarksReport, QuadrantsReport, ScorecardReport } from '../../api/types/coaching.ts';

/** The coaching reads the page and the rep panels share (numbers all come from the API). */

export function getScorecard(period: string, signal: AbortSignal): Promise<ScorecardReport> {
  return request<ScorecardReport>('GET', '/api/coaching/scorecard', {
    query: { period, grain: 'whole' },
    signal,
  });
}

export function getBenchmarks(period: string, userId: number | undefined, signal: AbortSignal) {
  return request<BenchmarksReport>('GET', '/api/coaching/benchmarks', {
    query: userId === undefined ? { period } : { period, userId },
    signal,
  });
}

export function getQuadrants(userId: number | undefined, signal: AbortSignal) {
  return request<QuadrantsReport>('GET', '/api/coaching/quadrants', {
    query: userId === undefined ? { periods: 6, grain: 'month' } : { periods: 6, grain: 'month', userId },
    signal,
  });
}
