import { request } from './client.ts';
import type { Plan } from './types/plans.ts';

/** GET /api/coaching/plans: the plans the viewer may see, each with its computed status. */
export async function getPlans(
  query: { userId?: number; state?: 'open' | 'closed'; status?: string },
  signal?: AbortSignal,
): Promise<Plan[]> {
  return (await request<{ plans: Plan[] }>('GET', '/api/coaching/plans', { query, signal })).plans;
}

/** POST /api/coaching/plans/:id/check-ins. */
export function addCheckIn(planId: number, note: string): Promise<unknown> {
  return request('POST', `/api/coaching/plans/${planId}/check-ins`, { body: { note } });
}

/** POST /api/coaching/plans. */
export function createPlan(body: Record<string, unknown>): Promise<unknown> {
  return request('POST', '/api/coaching/plans', { body });
}

/** POST /api/coaching/plans/:id/outcome. */
export function recordOutcome(planId: number, body: { outcome: string; note: string; newEndOn?: string }) {
  return request('POST', `/api/coaching/plans/${planId}/outcome`, { body });
}
