import { request } from './client.ts';
import type { MeetingPack } from './types/meeting-pack.ts';

/** GET /api/meeting-pack: a team's (or, for admins, the company's) sales meeting pack for a week or month. */
export function getMeetingPack(
  query: { team?: number | 'company'; period?: string },
  signal?: AbortSignal,
): Promise<MeetingPack> {
  return request<MeetingPack>('GET', '/api/meeting-pack', { query, signal });
}
