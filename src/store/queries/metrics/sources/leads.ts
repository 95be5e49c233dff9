import { sql } from 'kysely';
import type { Fragment, SourceSpec } from '../source-spec.ts';

/**
 * The speed-to-lead bucket of lead `l` (RESPONSE_BUCKETS in domain/metrics/response-buckets.ts), from its business
 * minutes to first response; `same_day` runs up to one working day of the workspace calendar.
 */
export const responseBucketSql: Fragment = sql`(case
  when l.response_business_minutes is null then 'never'
  when l.response_business_minutes < 5 then 'under_5m'
  when l.response_business_minutes < 30 then '5_30m'
  when l.response_business_minutes < 60 then '30_60m'
  when l.response_business_minutes <= (select s.work_end_minute - s.work_start_minute from settings s where s.id = 1)
    then 'same_day'
  else 'later' end)`;

/**
 * Leads by owner, in the period by created_at (or mql_at / sql_at). The SLA test compares first_response_at with
 * the deadline the derived-column refresh stored (leads.sla_deadline_at, from leadSlaDeadline with the SLA
 * minutes and same-day rule); a lead is decided once answered or once its deadline is at or before now.
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
    // Lead-funnel steps of the created cohort (a later step implies the earlier ones).
    reached_mql: sql`(l.mql_at is not null or l.sql_at is not null or l.converted_opportunity_id is not null)`,
    reached_sql: sql`(l.sql_at is not null or l.converted_opportunity_id is not null)`,
    converted: sql`(l.converted_opportunity_id is not null)`,
    // The deal is probed only for converted leads: unguarded, every lead of the cohort paid an index probe (12k
    // for the 200-rep quarter) that a null id cannot match.
    converted_won: sql`(l.converted_opportunity_id is not null
      and exists (select 1 from opportunities o where o.id = l.converted_opportunity_id and o.status = 'won'))`,
    response_minutes: sql`l.response_business_minutes`,
    sla_met: sql`(l.first_response_at is not null and l.first_response_at <= l.sla_deadline_at)`,
    sla_decided: sql`(l.first_response_at is not null or l.sla_deadline_at <= ${ctx.now.toISOString()}::timestamptz)`,
  }),
  filterColumns: { leadSource: sql`l.source`, responseBucket: responseBucketSql },
  // A lead has a source and nothing else of a deal (no type, pipeline or product until converted).
  dimensions: { lead_source: sql`l.source` },
};
