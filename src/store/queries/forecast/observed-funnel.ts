import { sql } from 'kysely';
import type { Scope } from '../../../domain/access/scope.ts';
import type { ObservedFunnel } from '../../../domain/planning/plan.ts';
import type { Db } from '../../db.ts';

/** Raw funnel counts behind the observed rates, for display. */
export interface FunnelCounts {
  leads: number;
  mql: number;
  sql: number;
  opportunities: number;
  won: number;
  lost: number;
  wonAmount: number;
}

function ownerFilter(scope: Scope, column: string) {
  if (scope.ownerIds === null) return sql`true`;
  const ids = scope.ownerIds;
  return ids.length > 0 ? sql`${sql.ref(column)} in (${sql.join(ids)})` : sql`false`;
}

/**
 * The funnel observed in [from, to) for a scope. Leads created in the window are followed to MQL, SQL / meeting and
 * opportunity (a later stage implies the earlier ones); the last step is the win rate of opportunities closed in
 * the window (won / (won + lost)), because a lead cohort's deals are often still open.
 */
export async function observedFunnel(
  db: Db,
  scope: Scope,
  from: Date,
  to: Date,
  periodDays: number,
): Promise<{ funnel: ObservedFunnel; counts: FunnelCounts }> {
  const leads = await sql<{ leads: number; mql: number; sql: number; opps: number }>`
    select count(*) as leads,
      count(*) filter (where mql_at is not null or sql_at is not null or converted_opportunity_id is not null) as mql,
      count(*) filter (where sql_at is not null or converted_opportunity_id is not null) as sql,
      count(*) filter (where converted_opportunity_id is not null) as opps
    from leads
    where created_at >= ${from.toISOString()}::timestamptz and created_at < ${to.toISOString()}::timestamptz
      and ${ownerFilter(scope, 'owner_id')}`.execute(db);
  const closed = await sql<{ won: number; lost: number; won_amount: number }>`
    select count(*) filter (where status = 'won') as won, count(*) filter (where status = 'lost') as lost,
      coalesce(sum(amount_minor) filter (where status = 'won'), 0) as won_amount
    from opportunities
    where status in ('won', 'lost') and closed_at >= ${from.toISOString()}::timestamptz
      and closed_at < ${to.toISOString()}::timestamptz and ${ownerFilter(scope, 'owner_id')}`.execute(db);
  const l = leads.rows[0];
  const c = closed.rows[0];
  const counts: FunnelCounts = {
    leads: Number(l?.leads ?? 0),
    mql: Number(l?.mql ?? 0),
    sql: Number(l?.sql ?? 0),
    opportunities: Number(l?.opps ?? 0),
    won: Number(c?.won ?? 0),
    lost: Number(c?.lost ?? 0),
    wonAmount: Number(c?.won_amount ?? 0),
  };
  const share = (n: number) => (counts.leads > 0 ? n / counts.leads : 0);
  const winRate = counts.won + counts.lost > 0 ? counts.won / (counts.won + counts.lost) : 0;
  const windowDays = (to.getTime() - from.getTime()) / 86_400_000;
  return {
    counts,
    funnel: {
      stages: [
        { id: 'lead', label: 'Leads', reach: 1 },
        { id: 'mql', label: 'Marketing-qualified', reach: share(counts.mql) },
        { id: 'sql', label: 'Sales-qualified / meeting', reach: share(counts.sql) },
        { id: 'opportunity', label: 'Opportunities', reach: share(counts.opportunities) },
        { id: 'won', label: 'Won', reach: share(counts.opportunities) * winRate },
      ],
      avgDealSize: counts.won > 0 ? counts.wonAmount / counts.won : 0,
      topPerPeriod: windowDays > 0 ? (counts.leads / windowDays) * periodDays : 0,
    },
  };
}
