import type { Generated } from 'kysely';
import type { DbOrTx } from '../derived/people.ts';

/** Status changes scoring made (migration 0021). reason: 'score' (a threshold) or 'demo_request'. */
export interface LeadStatusChangesTable {
  id: Generated<number>;
  lead_id: number;
  from_status: string;
  to_status: string;
  changed_at: Date;
  score: number | null;
  rule_set_version: number | null;
  reason: string;
}

export interface LeadStatusChange {
  from: string;
  to: string;
  at: Date;
  score: number | null;
  ruleSetVersion: number | null;
  reason: string;
}

/** A lead's recorded status changes, oldest first. */
export async function leadStatusChanges(db: DbOrTx, leadId: number): Promise<LeadStatusChange[]> {
  const rows = await db
    .selectFrom('lead_status_changes')
    .selectAll()
    .where('lead_id', '=', leadId)
    .orderBy('changed_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    from: r.from_status,
    to: r.to_status,
    at: new Date(r.changed_at),
    score: r.score,
    ruleSetVersion: r.rule_set_version,
    reason: r.reason,
  }));
}
