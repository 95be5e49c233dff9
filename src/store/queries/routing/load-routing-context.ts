import { sql } from 'kysely';
import type { BusinessCalendar } from '../../../domain/calendar/business-time.ts';
import { addDays } from '../../../domain/calendar/local-date.ts';
import { instantToLocal } from '../../../domain/calendar/zoned.ts';
import type { RoutingContext } from '../../../domain/routing/route-lead.ts';
import type { RepState, RoundRobinState, RoutingRule } from '../../../domain/routing/types.ts';
import type { Db } from '../../db.ts';
import { idArray } from '../../sql/lists.ts';
import { listRoutingRules, type RoutingRuleRecord } from '../../tables/routing-rules.ts';

/** Lead statuses that count as open for the per-rep cap (and that routing may assign). */
export const OPEN_LEAD_STATUSES = ['new', 'working', 'mql', 'sql'] as const;

/** Members of each team with its sub-teams, for rules that name a team. Only users with role rep take leads. */
async function teamMembers(db: Db): Promise<(teamId: number) => number[]> {
  const teams = await db.selectFrom('teams').select(['id', 'parent_team_id']).execute();
  const reps = await db.selectFrom('users').select(['id', 'team_id']).where('role', '=', 'rep').execute();
  const children = new Map<number, number[]>();
  for (const t of teams)
    if (t.parent_team_id !== null)
      children.set(t.parent_team_id, [...(children.get(t.parent_team_id) ?? []), t.id]);
  return (teamId) => {
    const subtree = new Set<number>();
    const stack = [teamId];
    while (stack.length > 0) {
      const id = stack.pop()!;
      if (subtree.has(id)) continue;
      subtree.add(id);
      stack.push(...(children.get(id) ?? []));
    }
    return reps.filter((u) => u.team_id !== null && subtree.has(u.team_id)).map((u) => u.id);
  };
}

/** The rule with its eligible reps resolved: its own reps plus its team's (with sub-teams). */
export function resolveRule(rule: RoutingRuleRecord, members: (teamId: number) => number[]): RoutingRule {
  const repIds = [...new Set([...rule.repIds, ...(rule.teamId === null ? [] : members(rule.teamId))])];
  return { ...rule, repIds };
}

/**
 * Everything routing reads at `now`: the rules, every eligible rep's state (profile with workspace defaults,
 * open leads, out-of-office periods around today) and the round-robin state. A handful of set-based reads.
 */
export async function loadRoutingContext(db: Db, now: Date, cal: BusinessCalendar): Promise<RoutingContext> {
  const members = await teamMembers(db);
  const rules = (await listRoutingRules(db)).filter((r) => r.active).map((r) => resolveRule(r, members));
  const repIds = [...new Set(rules.flatMap((r) => r.repIds))];
  const reps = new Map<number, RepState>();
  if (repIds.length > 0) {
    const rows = await db
      .selectFrom('users as u')
      .leftJoin('routing_reps as r', 'r.user_id', 'u.id')
      .select([
        'u.id',
        'u.name',
        'u.active',
        'r.weight',
        'r.max_open_leads',
        'r.time_zone',
        'r.working_days',
        'r.work_start_minute',
        'r.work_end_minute',
        sql<number>`(select count(*) from leads l where l.owner_id = u.id and l.status in ('new', 'working', 'mql', 'sql'))`.as(
          'open_leads',
        ),
      ])
      .where(sql<boolean>`u.id = any(${idArray(repIds)})`)
      .execute();
    // Out-of-office dates are local to each rep: a day either side of UTC today covers every zone.
    const today = instantToLocal(now, 'UTC').date;
    const ooo = await db
      .selectFrom('out_of_office')
      .select(['user_id', 'starts_on', 'ends_on'])
      .where(sql<boolean>`user_id = any(${idArray(repIds)})`)
      .where('ends_on', '>=', addDays(today, -1))
      .where('starts_on', '<=', addDays(today, 1))
      .execute();
    for (const r of rows) {
      reps.set(r.id, {
        userId: r.id,
        name: r.name,
        active: r.active,
        weight: r.weight ?? 1,
        maxOpenLeads: r.max_open_leads,
        openLeads: Number(r.open_leads),
        hours: {
          timeZone: r.time_zone ?? cal.timeZone,
          workingDays: r.working_days === null ? cal.workingDays : r.working_days.map(Number),
          startMinute: r.work_start_minute ?? cal.workStartMinute,
          endMinute: r.work_end_minute ?? cal.workEndMinute,
        },
        outOfOffice: ooo.filter((o) => o.user_id === r.id).map((o) => ({ from: o.starts_on, to: o.ends_on })),
      });
    }
  }
  const state: RoundRobinState = new Map();
  const rr = await db
    .selectFrom('routing_round_robin')
    .select(['rule_id', 'user_id', 'current_weight'])
    .execute();
  for (const s of rr) {
    const m = state.get(s.rule_id) ?? new Map<number, number>();
    m.set(s.user_id, s.current_weight);
    state.set(s.rule_id, m);
  }
  return { rules, reps, state, now, holidays: cal.holidays };
}
