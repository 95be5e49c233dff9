import { sql, type Transaction } from 'kysely';
import { leadSlaDeadline } from '../../../domain/calendar/business-time.ts';
import { cloneContext, routeLead, type RoutingContext } from '../../../domain/routing/route-lead.ts';
import type { RoutingDecision, RoutingLead } from '../../../domain/routing/types.ts';
import type { Db } from '../../db.ts';
import { inTransaction } from '../../in-transaction.ts';
import { idArray } from '../../sql/lists.ts';
import type { Database } from '../../schema.ts';
import { getBusinessCalendar } from '../../tables/calendar.ts';
import { getRoutingSettings, type RoutingSettings } from '../../tables/routing-settings.ts';
import type { AssignmentKind } from '../../tables/routing.ts';
import { getSettings } from '../../tables/settings.ts';
import { loadRoutingContext, OPEN_LEAD_STATUSES } from './load-routing-context.ts';

/** Leads that reached their routing trigger longer ago than this are left alone (history is not re-routed). */
export const ROUTING_LOOKBACK_DAYS = 14;
/** Leads read per round trip. */
const BATCH = 500;

/** What one routing run did. */
export interface RoutingRunSummary {
  routed: number;
  unassigned: number;
  reassigned: number;
  /** Every decision of the run (assigned, unassigned and SLA reassignments), in order. */
  decisions: Array<RoutingDecision & { assignmentKind: AssignmentKind }>;
}

export interface RoutingRunOptions {
  /** Compute and return the decisions without writing anything. */
  dryRun?: boolean;
  /** Leads read per batch (tests use small batches to interleave two runners). */
  batchSize?: number;
}

type Tx = Transaction<Database>;

/** The trigger condition of `route_on`, as SQL over leads l. */
function triggerCondition(settings: RoutingSettings, since: Date) {
  if (settings.routeOn === 'sql')
    return sql<boolean>`l.status = 'sql' and coalesce(l.sql_at, l.created_at) >= ${since}`;
  return sql<boolean>`l.status in ('new', 'working', 'mql', 'sql') and l.created_at >= ${since}`;
}

interface CandidateRow {
  id: number;
  country: string | null;
  region: string | null;
  industry: string | null;
  company_size: number | null;
  account_id: number | null;
}

function toRoutingLead(r: CandidateRow): RoutingLead {
  return {
    id: Number(r.id),
    country: r.country,
    region: r.region,
    industry: r.industry,
    companySize: r.company_size === null ? null : Number(r.company_size),
    accountId: r.account_id === null ? null : Number(r.account_id),
  };
}

/** Writes assignments: the owner (only if still what the decision assumed) and the assignment row. */
async function writeAssignments(
  tx: Tx,
  rows: Array<{
    leadId: number;
    userId: number;
    previousUserId: number | null;
    ruleId: number;
    kind: AssignmentKind;
    reason: string;
    trace: unknown;
    respondBy: Date;
  }>,
  now: Date,
): Promise<void> {
  if (rows.length === 0) return;
  // One set-based update; the owner must still be what the decision assumed (the candidate read locked the rows,
  // so a miss is a bug, not a race).
  const u = await sql`
    update leads l set owner_id = v.user_id, updated_at = ${now}
    from (select unnest(${idArray(rows.map((r) => r.leadId))}) as id,
                 unnest(${idArray(rows.map((r) => r.userId))}) as user_id,
                 unnest(${sql`${`{${rows.map((r) => r.previousUserId ?? 'NULL').join(',')}}`}::bigint[]`}) as prev) v
    where l.id = v.id and l.owner_id is not distinct from v.prev`.execute(tx);
  if (Number(u.numAffectedRows ?? 0) !== rows.length)
    throw new Error('a lead changed owner while being routed');
  await tx
    .insertInto('lead_assignments')
    .values(
      rows.map((r) => ({
        lead_id: r.leadId,
        user_id: r.userId,
        previous_user_id: r.previousUserId,
        rule_id: r.ruleId,
        kind: r.kind,
        reason: r.reason,
        trace: JSON.stringify(r.trace),
        assigned_at: now,
        respond_by: r.respondBy,
      })),
    )
    .execute();
}

async function saveRoundRobin(tx: Tx, ctx: RoutingContext): Promise<void> {
  const rows = [...ctx.state].flatMap(([ruleId, m]) =>
    [...m].map(([userId, w]) => ({ rule_id: ruleId, user_id: userId, current_weight: w })),
  );
  if (rows.length === 0) return;
  await tx
    .insertInto('routing_round_robin')
    .values(rows)
    .onConflict((oc) =>
      oc
        .columns(['rule_id', 'user_id'])
        .doUpdateSet({ current_weight: (eb) => eb.ref('excluded.current_weight') }),
    )
    .execute();
}

/**
 * Routes every unassigned lead that reached the workspace's trigger (routing_settings.route_on) in the last
 * ROUTING_LOOKBACK_DAYS, then, when reassign_on_sla_breach is set, moves routed leads whose rep missed the
 * response deadline. Safe with several server processes: the run holds the routing_settings row lock (one routing
 * run at a time, so the round robin's state is read and written by one run), reads candidates after taking it,
 * locks the lead rows, updates the owner only if it is still the one the decision assumed, and the partial unique
 * index on lead_assignments(lead_id) where kind = 'initial' makes a second initial assignment an error.
 */
export async function runRouting(
  db: Db,
  now: Date,
  opts: RoutingRunOptions = {},
): Promise<RoutingRunSummary> {
  return inTransaction(db, async (tx) => {
    await sql`insert into routing_settings (id) values (1) on conflict (id) do nothing`.execute(tx);
    await sql`select id from routing_settings where id = 1 for update`.execute(tx);
    const routing = await getRoutingSettings(tx);
    const summary: RoutingRunSummary = { routed: 0, unassigned: 0, reassigned: 0, decisions: [] };
    if (routing.routeOn === 'off' && !routing.reassignOnSlaBreach) return summary;

    const settings = await getSettings(tx);
    const year = now.getUTCFullYear();
    const cal = await getBusinessCalendar(tx, year - 1, year + 1, settings);
    const loaded = await loadRoutingContext(tx, now, cal);
    const ctx = opts.dryRun ? cloneContext(loaded) : loaded;
    const respondBy = leadSlaDeadline(now, cal, settings.leadSlaMinutes, settings.leadSlaSameBusinessDay);
    const since = new Date(now.getTime() - ROUTING_LOOKBACK_DAYS * 86_400_000);
    const batch = opts.batchSize ?? BATCH;

    if (routing.routeOn !== 'off') {
      let afterId = 0;
      for (;;) {
        const r = await sql<CandidateRow>`
          select l.id, coalesce(l.country, a.country) as country, coalesce(l.region, a.region) as region,
            coalesce(l.industry, a.industry) as industry, coalesce(l.company_size, a.company_size) as company_size,
            l.account_id
          from leads l left join accounts a on a.id = l.account_id
          where l.owner_id is null and l.id > ${afterId} and l.created_at <= ${now}
            and ${triggerCondition(routing, since)}
            and not exists (select 1 from lead_assignments x where x.lead_id = l.id and x.kind = 'initial')
          order by l.id limit ${batch}
          for update of l`.execute(tx);
        if (r.rows.length === 0) break;
        afterId = Number(r.rows[r.rows.length - 1]!.id);
        const writes = [];
        for (const row of r.rows) {
          const d = routeLead(toRoutingLead(row), ctx);
          summary.decisions.push({ ...d, assignmentKind: 'initial' });
          if (d.kind === 'assigned') {
            summary.routed += 1;
            writes.push({
              leadId: d.leadId,
              userId: d.userId,
              previousUserId: null,
              ruleId: d.ruleId,
              kind: 'initial' as const,
              reason: d.reason,
              trace: d.trace,
              respondBy,
            });
          } else summary.unassigned += 1;
        }
        if (!opts.dryRun) await writeAssignments(tx, writes, now);
        if (r.rows.length < batch) break;
      }
    }

    if (routing.reassignOnSlaBreach && routing.maxSlaReassignments > 0) {
      await reassignBreached(tx, ctx, routing, now, respondBy, summary, opts);
    }
    if (!opts.dryRun) await saveRoundRobin(tx, ctx);
    return summary;
  });
}

/**
 * Routed leads whose current rep missed the deadline of their assignment (respond_by) without any response go to
 * another rep of the rules, never back to one who had it; at most max_sla_reassignments times per lead.
 */
async function reassignBreached(
  tx: Tx,
  ctx: RoutingContext,
  routing: RoutingSettings,
  now: Date,
  respondBy: Date,
  summary: RoutingRunSummary,
  opts: RoutingRunOptions,
): Promise<void> {
  const r = await sql<CandidateRow & { owner_id: number; holders: number[] }>`
    with latest as (
      select distinct on (la.lead_id) la.lead_id, la.user_id, la.respond_by
      from lead_assignments la
      order by la.lead_id, la.assigned_at desc, la.id desc
    )
    select l.id, coalesce(l.country, a.country) as country, coalesce(l.region, a.region) as region,
      coalesce(l.industry, a.industry) as industry, coalesce(l.company_size, a.company_size) as company_size,
      l.account_id, l.owner_id,
      (select array_agg(distinct h.user_id) from lead_assignments h where h.lead_id = l.id) as holders
    from latest
    join leads l on l.id = latest.lead_id and l.owner_id = latest.user_id
    left join accounts a on a.id = l.account_id
    where latest.respond_by <= ${now} and l.first_response_at is null
      and l.status in (${sql.join(OPEN_LEAD_STATUSES.map((s) => sql`${s}`))})
      and (select count(*) from lead_assignments s where s.lead_id = l.id and s.kind = 'sla_reassign')
        < ${routing.maxSlaReassignments}
    order by l.id
    for update of l`.execute(tx);
  const writes = [];
  for (const row of r.rows) {
    const exclude = new Set((row.holders ?? []).map(Number));
    const d = routeLead(toRoutingLead(row), ctx, exclude);
    if (d.kind !== 'assigned') continue;
    const from = ctx.reps.get(Number(row.owner_id));
    if (from) from.openLeads -= 1;
    summary.reassigned += 1;
    const reason = `response SLA missed by the previous rep; ${d.reason}`;
    summary.decisions.push({ ...d, reason, assignmentKind: 'sla_reassign' });
    writes.push({
      leadId: d.leadId,
      userId: d.userId,
      previousUserId: Number(row.owner_id),
      ruleId: d.ruleId,
      kind: 'sla_reassign' as const,
      reason,
      trace: d.trace,
      respondBy,
    });
  }
  if (!opts.dryRun) await writeAssignments(tx, writes, now);
}
