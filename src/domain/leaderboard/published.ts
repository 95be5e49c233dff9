import { metricIds } from '../metrics/registry.ts';

/**
 * The metrics a new workspace publishes on leaderboards: activity volume and won business, numbers reps compete
 * on openly. Quota attainment, win rate, response times, pipeline and the like stay private by default: they
 * read as an evaluation of the person, and /api/metrics shows them per rep only to the rep and their managers.
 * The 0009 migration's column default is this same list.
 */
export const DEFAULT_LEADERBOARD_METRICS: readonly string[] = [
  'calls',
  'emails',
  'meetings',
  'linkedin_touches',
  'activities',
  'unique_contacts',
  'new_prospects',
  'follow_ups',
  'meetings_held',
  'won_count',
  'won_revenue',
];

/**
 * True when every metric of a board is published, so everyone may see the whole board. A weighted score mixes
 * its metrics into one number, so one unpublished metric would leak through the score: the board is as private
 * as its most private metric.
 */
export function isPublishedBoard(metricIds: readonly string[], published: readonly string[]): boolean {
  return metricIds.every((id) => published.includes(id));
}

/**
 * The ids in the registry's display order (unknown ids last, as given, for validation to report), so the stored
 * list reads like the metric catalogue and a reordering alone is no change.
 */
export function inRegistryOrder(ids: readonly string[]): string[] {
  const order = new Map(metricIds().map((id, i) => [id, i]));
  const rank = (id: string) => order.get(id) ?? Number.MAX_SAFE_INTEGER;
  return [...ids].sort((a, b) => rank(a) - rank(b));
}
