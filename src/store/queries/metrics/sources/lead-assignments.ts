import { sql } from 'kysely';
import type { SourceSpec } from '../source-spec.ts';
import { responseBucketSql } from './leads.ts';

/**
 * Lead assignments made by routing (and by hand), by the rep who received the lead, in the period by assigned_at:
 * the fairness report's "leads received per rep". The lead is joined so lead-source and speed-to-lead filters
 * apply. `score` is the lead's score when it was assigned (lead_assignments.lead_score, 0025): the quality of what
 * the rep received, which later scoring does not rewrite.
 */
export const leadAssignmentsSource: SourceSpec = {
  name: 'lead_assignments',
  mode: 'event',
  from: () => sql`lead_assignments a join leads l on l.id = a.lead_id left join users u on u.id = a.user_id`,
  where: () => [],
  owner: sql`a.user_id`,
  team: sql`u.team_id`,
  timeColumns: {
    assigned_at: { expr: sql`a.assigned_at`, type: 'timestamptz' },
  },
  columns: () => ({
    kind: sql`a.kind`,
    routed: sql`(a.kind <> 'manual')`,
    score: sql`a.lead_score`,
  }),
  filterColumns: { leadSource: sql`l.source`, responseBucket: responseBucketSql },
  dimensions: { lead_source: sql`l.source` },
};
