import { request } from './client.ts';
import type { GoalPacing } from './types/goals.ts';

/**
 * GET /api/goals/pacing: pacing of the visible goals in their current period; `user` narrows to the goals
 * that apply to one rep ('me' for the signed-in one).
 */
export async function getPacing(
  query: { user?: number | 'me' },
  signal?: AbortSignal,
): Promise<GoalPacing[]> {
  const body = await request<{ goals: GoalPacing[] }>('GET', '/api/goals/pacing', { query, signal });
  return body.goals;
}
