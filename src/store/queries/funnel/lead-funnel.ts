import { sql } from 'kysely';
import { leadFunnel, type LeadFunnelStep } from '../../../domain/funnel/funnel.ts';
import type { Db } from '../../db.ts';
import { inList } from '../../sql/lists.ts';
import type { Scope } from '../../../domain/access/scope.ts';
import { scopeWhere } from './funnel-scope.ts';

/**
 * Lead -> MQL -> SQL -> opportunity -> won for the cohort of leads created in the period, whenever they moved on.
 * A later step implies the earlier ones (a lead converted straight to an opportunity counts as MQL and SQL), so
 * every step is a subset of the one before.
 */
export async function leadFunnelSteps(
  db: Db,
  range: { from: string; toExclusive: string; timeZone: string },
  scope: Scope,
): Promise<LeadFunnelStep[]> {
  const tz = range.timeZone;
  const source = scope.leadSources ? inList('l.source', scope.leadSources) : sql`true`;
  const r = await sql<{ lead: number; mql: number; sql_: number; opportunity: number; won: number }>`
    select count(*) as lead,
      count(*) filter (where l.mql_at is not null or l.sql_at is not null or o.id is not null) as mql,
      count(*) filter (where l.sql_at is not null or o.id is not null) as sql_,
      count(*) filter (where o.id is not null) as opportunity,
      count(*) filter (where o.status = 'won') as won
    from leads l
    left join users u on u.id = l.owner_id
    left join opportunities o on o.id = l.converted_opportunity_id
    where l.created_at >= (${range.from}::date)::timestamp at time zone ${tz}
      and l.created_at < (${range.toExclusive}::date)::timestamp at time zone ${tz}
      and ${scopeWhere(scope, sql`l.owner_id`)} and ${source}`.execute(db);
  const row = r.rows[0];
  return leadFunnel({
    lead: Number(row?.lead ?? 0),
    mql: Number(row?.mql ?? 0),
    sql: Number(row?.sql_ ?? 0),
    opportunity: Number(row?.opportunity ?? 0),
    won: Number(row?.won ?? 0),
  });
}
