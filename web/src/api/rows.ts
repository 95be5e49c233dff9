import { request } from './client.ts';
import { listOf } from './people.ts';
import type { Lead, Opportunity } from './types/rows.ts';

/** GET /api/opportunities with the server's sort/filter names (e.g. sort=hot, stalled=true). */
export async function getOpportunities(
  query: Record<string, string | number | boolean | undefined>,
  signal?: AbortSignal,
): Promise<Opportunity[]> {
  return listOf<Opportunity>(
    await request<{ items: Opportunity[] }>('GET', '/api/opportunities', { query, signal }),
  );
}

/** GET /api/leads. */
export async function getLeads(
  query: Record<string, string | number | boolean | undefined>,
  signal?: AbortSignal,
): Promise<Lead[]> {
  return listOf<Lead>(await request<{ items: Lead[] }>('GET', '/api/leads', { query, signal }));
}
