import { unavailability } from './availability.ts';
import { pickWeighted } from './round-robin.ts';
import { territoryMatch, territoryMismatch } from './territory.ts';
import type {
  RepState,
  RoundRobinState,
  RoutingDecision,
  RoutingLead,
  RoutingRule,
  RuleTrace,
  SkippedRep,
} from './types.ts';

/** What routing reads besides the lead: rules, reps, round-robin state and the clock. */
export interface RoutingContext {
  rules: readonly RoutingRule[];
  reps: ReadonlyMap<number, RepState>;
  /** Mutated: each assignment advances its rule's round robin. */
  state: RoundRobinState;
  now: Date;
  /** Workspace holidays (local dates). */
  holidays: ReadonlySet<string>;
}

/**
 * Routes one lead: rules by position, the first matching rule with an available rep chooses by weighted round
 * robin; reps in `exclude` (the owner an SLA reassignment takes the lead from) are skipped. Updates the rule's
 * round-robin state and the chosen rep's open-lead count in `ctx`, so a batch routed in order sees the effect of
 * earlier assignments. Deterministic: the same inputs give the same decision and trace.
 */
export function routeLead(
  lead: RoutingLead,
  ctx: RoutingContext,
  exclude: ReadonlySet<number> = new Set(),
): RoutingDecision {
  const trace: RuleTrace[] = [];
  const rules = [...ctx.rules].sort((a, b) => a.position - b.position || a.id - b.id);
  for (const rule of rules) {
    if (!rule.active) continue;
    const mismatch = territoryMismatch(lead, rule);
    if (mismatch !== null) {
      trace.push({
        ruleId: rule.id,
        ruleName: rule.name,
        outcome: 'no_match',
        detail: mismatch,
        skipped: [],
      });
      continue;
    }
    const skipped: SkippedRep[] = [];
    const candidates: Array<{ userId: number; weight: number }> = [];
    for (const userId of [...new Set(rule.repIds)].sort((a, b) => a - b)) {
      const rep = ctx.reps.get(userId);
      if (!rep) {
        skipped.push({ userId, reason: 'inactive', detail: 'no routing profile (not a rep)' });
        continue;
      }
      if (exclude.has(userId)) {
        skipped.push({ userId, reason: 'excluded', detail: 'the lead is being taken from this rep' });
        continue;
      }
      const why = unavailability(rep, ctx.now, ctx.holidays);
      if (why) skipped.push({ userId, ...why });
      else candidates.push({ userId, weight: rep.weight });
    }
    if (candidates.length === 0) {
      trace.push({
        ruleId: rule.id,
        ruleName: rule.name,
        outcome: 'no_available_rep',
        detail:
          rule.repIds.length === 0
            ? 'the rule has no reps'
            : `all ${skipped.length} reps of the rule are unavailable`,
        skipped,
      });
      continue;
    }
    let current = ctx.state.get(rule.id);
    if (!current) {
      current = new Map();
      ctx.state.set(rule.id, current);
    }
    const userId = pickWeighted(candidates, current);
    const rep = ctx.reps.get(userId)!;
    rep.openLeads += 1;
    const weights = candidates.map((c) => `${ctx.reps.get(c.userId)!.name} ${c.weight}`).join(', ');
    const detail = `${territoryMatch(lead, rule)}; weighted round robin among ${candidates.length} (${weights})`;
    trace.push({ ruleId: rule.id, ruleName: rule.name, outcome: 'chosen', detail, skipped });
    return {
      kind: 'assigned',
      leadId: lead.id,
      userId,
      ruleId: rule.id,
      reason: `rule "${rule.name}": ${detail}`,
      trace,
    };
  }
  const reason =
    trace.length === 0
      ? 'no active routing rule'
      : trace.every((t) => t.outcome === 'no_match')
        ? 'no rule matches the lead'
        : 'every matching rule has no available rep';
  return { kind: 'unassigned', leadId: lead.id, reason, trace };
}

/** A deep copy of the mutable parts, so a preview (dry run) leaves the caller's state alone. */
export function cloneContext(ctx: RoutingContext): RoutingContext {
  return {
    ...ctx,
    reps: new Map([...ctx.reps].map(([id, r]) => [id, { ...r }])),
    state: new Map([...ctx.state].map(([id, m]) => [id, new Map(m)])),
  };
}
