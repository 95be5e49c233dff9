import { sql } from 'kysely';
import type { SourceSpec } from '../source-spec.ts';
import { responseBucketSql } from './leads.ts';

/**
 * Lead assignments made by routing (and by hand), by the rep who received the lead, in the period by assigned_at:
 * the fairness report's "leads received per rep". The lead is joined so lead-source and speed-to-lead filters
 * apply. Lead quality: when lead scoring's lead_scores table is on the branch, add
 * `left join lead_scores ls on ls.lead_id = a.lead_id` to `from` and `score: sql\`ls.score\`` to `columns`, and a
 * mean metric over `score` (see docs/lead-routing.md).
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
  }),
  filterColumns: { leadSource: sql`l.source`, responseBucket: responseBucketSql },
};
