import { sql } from 'kysely';
import type { Fragment, SourceSpec } from '../source-spec.ts';
import { responseBucketSql } from './leads.ts';

/**
 * Lead assignments made by routing (and by hand), by the rep who received the lead, in the period by assigned_at:
 * the fairness report's "leads received per rep". Lead-source and speed-to-lead filters read the lead. `score` is
 * the lead's score when it was assigned (lead_assignments.lead_score, 0025): the quality of what the rep received,
 * which later scoring does not rewrite.
 *
 * The lead is read only when a filter or the lead-source split needs it: lead_id is not null and cascades from
 * leads, so the join never drops an assignment, and without it the count reads the quarter's assignments alone
 * (27 ms -> about 1 ms for the 200-rep dashboard's quarter, docs/performance.md "Customers, pipeline and leads at
 * the period end").
 */
const ofLead = (expr: Fragment) => sql`(select ${expr} from leads l where l.id = a.lead_id)`;

export const leadAssignmentsSource: SourceSpec = {
  name: 'lead_assignments',
  mode: 'event',
  from: () => sql`lead_assignments a left join users u on u.id = a.user_id`,
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
  filterColumns: { leadSource: ofLead(sql`l.source`), responseBucket: ofLead(responseBucketSql) },
  dimensions: { lead_source: { expr: sql`l.source`, join: sql`join leads l on l.id = a.lead_id` } },
};
