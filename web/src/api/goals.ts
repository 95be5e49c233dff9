import { request } from './client.ts';
import { listOf } from './people.ts';
import type { GoalPacing } from './types/goals.ts';
import type { Grain } from './types/metrics.ts';

/** GET /api/goals/pacing: every visible goal's pacing in its current period (optionally one grain / user). */
export async function getPacing(
  query: { grain?: Grain; userId?: number; scopeType?: 'user' | 'team' | 'company' },
  signal?: AbortSignal,
): Promise<GoalPacing[]> {
  return listOf<GoalPacing>(
    await request<{ items: GoalPacing[] }>('GET', '/api/goals/pacing', { query, signal }),
    'pacing',
  );
}
