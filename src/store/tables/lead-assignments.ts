import type { Viewer } from '../../domain/access/viewer.ts';
import type { Db } from '../db.ts';
import type { AssignmentKind } from './routing.ts';

/** One assignment of a lead to a rep, with the rule and reason that made it. */
export interface LeadAssignment {
  id: number;
  leadId: number;
  leadName: string;
  userId: number;
  userName: string;
  previousUserId: number | null;
  ruleId: number | null;
  ruleName: string | null;
  kind: AssignmentKind;
  reason: string;
  trace: unknown;
  assignedAt: string;
  respondBy: string | null;
}

/**
 * Assignments, newest first, that the viewer may see: those made to a rep in their visible users (a rep their
 * own, a manager their subtree, an admin all).
 */
export async function listAssignments(
  db: Db,
  viewer: Viewer,
  q: { leadId?: number; userId?: number; from?: Date; to?: Date; limit?: number },
): Promise<LeadAssignment[]> {
  let query = db
    .selectFrom('lead_assignments as a')
    .innerJoin('leads as l', 'l.id', 'a.lead_id')
    .innerJoin('users as u', 'u.id', 'a.user_id')
    .leftJoin('routing_rules as r', 'r.id', 'a.rule_id')
    .select([
      'a.id',
      'a.lead_id',
      'l.name as lead_name',
      'a.user_id',
      'u.name as user_name',
      'a.previous_user_id',
      'a.rule_id',
      'r.name as rule_name',
      'a.kind',
      'a.reason',
      'a.trace',
      'a.assigned_at',
      'a.respond_by',
    ])
    .orderBy('a.assigned_at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(q.limit ?? 200);
  if (viewer.visibleUserIds !== null)
    query = query.where(
      'a.user_id',
      'in',
      viewer.visibleUserIds.length > 0 ? [...viewer.visibleUserIds] : [-1],
    );
  if (q.leadId !== undefined) query = query.where('a.lead_id', '=', q.leadId);
  if (q.userId !== undefined) query = query.where('a.user_id', '=', q.userId);
  if (q.from) query = query.where('a.assigned_at', '>=', q.from);
  if (q.to) query = query.where('a.assigned_at', '<', q.to);
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id,
    leadId: r.lead_id,
    leadName: r.lead_name,
    userId: r.user_id,
    userName: r.user_name,
    previousUserId: r.previous_user_id,
    ruleId: r.rule_id,
    ruleName: r.rule_name,
    kind: r.kind,
    reason: r.reason,
    trace: typeof r.trace === 'string' ? JSON.parse(r.trace) : r.trace,
    assignedAt: new Date(r.assigned_at).toISOString(),
    respondBy: r.respond_by === null ? null : new Date(r.respond_by).toISOString(),
  }));
}
