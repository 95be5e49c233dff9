import { request } from './client.ts';
import type { ContactMatch, QuickLogInput, QuickLogResult, TodayReport } from './types/capture.ts';

/** GET /api/contacts: the picker's search among the contacts the signed-in user may see. */
export async function searchContacts(q: string, signal?: AbortSignal): Promise<ContactMatch[]> {
  const body = await request<{ contacts: ContactMatch[] }>('GET', '/api/contacts', {
    query: { q, limit: 8 },
    signal,
  });
  return body.contacts;
}

/** POST /api/activities/quick-log: logs one touch now for the signed-in user. */
export function quickLog(input: QuickLogInput): Promise<QuickLogResult> {
  return request<QuickLogResult>('POST', '/api/activities/quick-log', { body: input });
}

/** GET /api/activities/today: the signed-in user's touches today against their day goals. */
export function getToday(signal?: AbortSignal): Promise<TodayReport> {
  return request<TodayReport>('GET', '/api/activities/today', { signal });
}
