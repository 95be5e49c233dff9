import { sql } from 'kysely';
import type { SourceSpec } from '../source-spec.ts';

/**
 * Leads by owner, in the period by created_at (or mql_at / sql_at). The SLA test uses the business minutes the
 * derived-column refresh stored: leadSlaDeadline caps the deadline at the day's close only when the whole SLA
 * fits in that day, so "answered by the deadline" is exactly "response_business_minutes <= SLA minutes".
 */
export const leadsSource: SourceSpec = {
  name: 'leads',
  mode: 'event',
  from: () => sql`leads l left join users u on u.id = l.owner_id`,
  where: () => [],
  owner: sql`l.owner_id`,
  team: sql`u.team_id`,
  timeColumns: {
    created_at: { expr: sql`l.created_at`, type: 'timestamptz' },
    mql_at: { expr: sql`l.mql_at`, type: 'timestamptz' },
    sql_at: { expr: sql`l.sql_at`, type: 'timestamptz' },
  },
  columns: (ctx) => ({
    status: sql`l.status`,
    response_minutes: sql`l.response_business_minutes`,
    sla_met: sql`(l.first_response_at is not null and l.response_business_minutes <= ${ctx.leadSlaMinutes}::int)`,
    sla_decided: sql`(l.first_response_at is not null or l.created_at <= ${ctx.slaDecidedBefore.toISOString()}::timestamptz)`,
  }),
  filterColumns: { leadSource: sql`l.source` },
};
