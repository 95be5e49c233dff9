/**
 * Lead routing vocabulary (issue 15): territory rules in priority order choose the eligible reps, a weighted
 * round robin picks one of those who are available. Everything here is pure; the store resolves teams to reps,
 * counts open leads and keeps the round-robin state.
 */

/** The fit attributes routing reads, already `coalesce(lead, account)` (see migration 0020). */
export interface RoutingLead {
  id: number;
  country: string | null;
  region: string | null;
  industry: string | null;
  /** Employees. */
  companySize: number | null;
  accountId: number | null;
}

/**
 * A territory: every criterion that is set must match (null or empty = any). A rule without criteria is a
 * catch-all. Rules are tried by ascending `position`; a matching rule whose reps are all unavailable passes the
 * lead on to the next matching rule (overflow), and the decision records why.
 */
export interface RoutingRule {
  id: number;
  name: string;
  position: number;
  active: boolean;
  countries: readonly string[] | null;
  regions: readonly string[] | null;
  industries: readonly string[] | null;
  /** Inclusive employee range; either end may be open. */
  minCompanySize: number | null;
  maxCompanySize: number | null;
  /** Named accounts: the lead's account must be one of these. */
  accountIds: readonly number[] | null;
  /** The eligible reps: the rule's own reps plus the members of its team, resolved by the store. */
  repIds: readonly number[];
}

/** When a rep works; null fields fall back to the workspace calendar. */
export interface RepHours {
  timeZone: string;
  /** ISO weekdays, 1 = Monday. */
  workingDays: readonly number[];
  /** Minutes after local midnight, [start, end). */
  startMinute: number;
  endMinute: number;
}

/** An out-of-office period: local dates in the rep's zone, both inclusive. */
export interface OutOfOffice {
  from: string;
  to: string;
}

/** Everything routing must know about one rep at the moment of routing. */
export interface RepState {
  userId: number;
  name: string;
  active: boolean;
  /** Relative share of leads in the round robin (capacity); 0 takes no leads. */
  weight: number;
  /** Cap of open leads (status new, working, mql or sql); null = no cap. */
  maxOpenLeads: number | null;
  openLeads: number;
  hours: RepHours;
  outOfOffice: readonly OutOfOffice[];
}

/** Why a rep was passed over. */
export type SkipReason =
  'inactive' | 'zero_weight' | 'out_of_office' | 'outside_hours' | 'at_cap' | 'excluded';

export interface SkippedRep {
  userId: number;
  reason: SkipReason;
  detail: string;
}

/** What one rule did for a lead. */
export interface RuleTrace {
  ruleId: number;
  ruleName: string;
  outcome: 'no_match' | 'no_available_rep' | 'chosen';
  detail: string;
  skipped: SkippedRep[];
}

/** The round robin's state: per rule, each rep's current weight (smooth weighted round robin). */
export type RoundRobinState = Map<number, Map<number, number>>;

export type RoutingDecision =
  | { kind: 'assigned'; leadId: number; userId: number; ruleId: number; reason: string; trace: RuleTrace[] }
  | { kind: 'unassigned'; leadId: number; reason: string; trace: RuleTrace[] };
