import { assertNever } from '../../errors.ts';
import { DEMO_REQUEST_EVENT, type EngagementRule, type FitCondition, type RuleSet } from './rules.ts';
import { urlMatches } from './url-pattern.ts';

/** A lead's fit attributes, the lead's own value or else its account's (email domain from the lead's email). */
export interface LeadFacts {
  industry: string | null;
  companySize: number | null;
  country: string | null;
  region: string | null;
  persona: string | null;
  source: string | null;
  emailDomain: string | null;
  dataQuality: 'ok' | 'inaccurate' | null;
}

/** One engagement event as scoring sees it. */
export interface ScoredEvent {
  type: string;
  url: string | null;
  occurredAt: Date;
}

/** One rule that fired for a lead, with the points it contributed (after decay, cap and rounding). */
export interface RuleHit {
  ruleId: string;
  label: string;
  type: 'fit' | 'engagement';
  points: number;
  /** Engagement rules: how many events counted (inside the window). Fit rules: 1. */
  events: number;
  /** True when the rule's cap limited it. */
  capped: boolean;
}

export interface LeadScore {
  fit: number;
  engagement: number;
  /** fit + engagement; equals the sum of `why`'s points. */
  score: number;
  /** Every rule that fired, in rule-set order. */
  why: RuleHit[];
  /** The lead has a demo_request event (at or before the scoring instant). */
  demoRequested: boolean;
}

const DAY_MS = 86_400_000;

/**
 * Rounds a rule's contribution to whole points, halves away from zero (2.5 -> 3, -2.5 -> -3): PostgreSQL's
 * round(numeric) does the same, so the stored scores and this evaluation agree.
 */
export function roundPoints(x: number): number {
  return Math.sign(x) * Math.round(Math.abs(x));
}

/** The email domain of an address: the lower-cased text after the last '@', or null. */
export function emailDomainOf(email: string | null): string | null {
  if (email === null) return null;
  const m = /@([^@]+)$/.exec(email);
  return m ? (m[1] as string).toLowerCase() : null;
}

function lower(s: string | null): string | null {
  return s === null ? null : s.toLowerCase();
}

export function fitConditionHolds(c: FitCondition, facts: LeadFacts): boolean {
  switch (c.kind) {
    case 'equals':
      return lower(facts[c.attribute]) === c.value.toLowerCase();
    case 'in_list': {
      const v = lower(facts[c.attribute]);
      return v !== null && c.values.some((x) => x.toLowerCase() === v);
    }
    case 'company_size':
      return (
        facts.companySize !== null &&
        (c.min === null || facts.companySize >= c.min) &&
        (c.max === null || facts.companySize <= c.max)
      );
    case 'email_domain':
      return facts.emailDomain !== null && c.domains.some((d) => d.toLowerCase() === facts.emailDomain);
    case 'data_quality':
      return c.is === 'unassessed' ? facts.dataQuality === null : facts.dataQuality === c.is;
    default:
      return assertNever(c, 'fit condition');
  }
}

/**
 * An engagement rule's unrounded total over the events, before its cap: each matching event at or before
 * `asOf` (and inside the window) adds points x 0.5^(age in days / half-life). Null when no event matched.
 */
export function engagementRaw(
  rule: EngagementRule,
  events: readonly ScoredEvent[],
  asOf: Date,
): { raw: number; events: number } | null {
  const now = asOf.getTime();
  let raw = 0;
  let n = 0;
  for (const e of events) {
    if (e.type !== rule.eventType) continue;
    const at = e.occurredAt.getTime();
    if (at > now) continue;
    if (rule.windowDays !== null && at < now - rule.windowDays * DAY_MS) continue;
    if (rule.urlPattern !== null && !urlMatches(rule.urlPattern, e.url)) continue;
    const decay = rule.halfLifeDays === null ? 1 : 0.5 ** ((now - at) / DAY_MS / rule.halfLifeDays);
    raw += rule.points * decay;
    n += 1;
  }
  return n === 0 ? null : { raw, events: n };
}

/** Limits a total to `cap` points in magnitude (a negative rule's cap is a floor): 14 with cap 10 -> 10, -14 -> -10. */
export function applyCap(raw: number, cap: number | null): { value: number; capped: boolean } {
  if (cap === null || Math.abs(raw) <= cap) return { value: raw, capped: false };
  return { value: Math.sign(raw) * cap, capped: true };
}

/**
 * Scores one lead at `asOf`: fit rules add their points once when their condition holds; engagement rules add
 * their decayed, windowed points per event, capped, then rounded to whole points per rule. Events after
 * `asOf` are not counted.
 */
export function scoreLead(
  facts: LeadFacts,
  events: readonly ScoredEvent[],
  ruleSet: Pick<RuleSet, 'rules'>,
  asOf: Date,
): LeadScore {
  const why: RuleHit[] = [];
  let fit = 0;
  let engagement = 0;
  for (const rule of ruleSet.rules) {
    if (rule.type === 'fit') {
      if (!fitConditionHolds(rule.condition, facts)) continue;
      fit += rule.points;
      why.push({
        ruleId: rule.id,
        label: rule.label,
        type: 'fit',
        points: rule.points,
        events: 1,
        capped: false,
      });
    } else {
      const total = engagementRaw(rule, events, asOf);
      if (total === null) continue;
      const { value, capped } = applyCap(total.raw, rule.cap);
      const points = roundPoints(value);
      engagement += points;
      why.push({
        ruleId: rule.id,
        label: rule.label,
        type: 'engagement',
        points,
        events: total.events,
        capped,
      });
    }
  }
  const demoRequested = events.some(
    (e) => e.type === DEMO_REQUEST_EVENT && e.occurredAt.getTime() <= asOf.getTime(),
  );
  return { fit, engagement, score: fit + engagement, why, demoRequested };
}
