import type { RuleHit } from '../../domain/scoring/evaluate.ts';
import type { DbOrTx } from '../derived/people.ts';

/** Each lead's latest score (migration 0021). Other capabilities (routing's fairness report) read `score`. */
export interface LeadScoresTable {
  lead_id: number;
  rule_set_version: number;
  fit: number;
  engagement: number;
  /** fit + engagement. */
  score: number;
  /** RuleHit[]: every rule that fired, in rule-set order. */
  why: unknown;
  demo_requested: boolean;
  computed_at: Date;
}

export interface StoredLeadScore {
  leadId: number;
  ruleSetVersion: number;
  fit: number;
  engagement: number;
  score: number;
  why: RuleHit[];
  demoRequested: boolean;
  computedAt: Date;
}

/** The stored score of a lead, or null when it was never scored. */
export async function getLeadScore(db: DbOrTx, leadId: number): Promise<StoredLeadScore | null> {
  const r = await db.selectFrom('lead_scores').selectAll().where('lead_id', '=', leadId).executeTakeFirst();
  if (!r) return null;
  return {
    leadId: Number(r.lead_id),
    ruleSetVersion: r.rule_set_version,
    fit: r.fit,
    engagement: r.engagement,
    score: r.score,
    // Written by scoreLeads' SQL as a jsonb array of RuleHit objects.
    why: r.why as RuleHit[],
    demoRequested: r.demo_requested,
    computedAt: new Date(r.computed_at),
  };
}
