import type { Viewer } from '../../../domain/access/viewer.ts';
import type { Grain } from '../../../domain/calendar/period.ts';
import type { Db } from '../../db.ts';
import { runMetrics } from '../metrics/run-metrics.ts';

/** One rep's leads received in one period. */
export interface FairnessRow {
  userId: number;
  name: string;
  period: string | null;
  leadsAssigned: number;
  /** Mean score of those leads when assigned (assigned_lead_score_mean); null when none had a score. */
  averageScore: number | null;
}

/**
 * Fairness: leads received per rep per period (the leads_assigned metric, grouped by rep, bucketed by `grain`).
 * Access is the metrics engine's: a rep sees their own row, a manager their subtree, an admin everyone.
 * Lead quality is the mean score of the leads received, as scored when assigned (assigned_lead_score_mean).
 */
export async function fairness(
  db: Db,
  viewer: Viewer,
  q: { from: string; to: string; grain: Grain | null },
): Promise<FairnessRow[]> {
  const rows = await runMetrics(db, viewer, {
    metricIds: ['leads_assigned', 'assigned_lead_score_mean'],
    from: q.from,
    to: q.to,
    groupBy: 'rep',
    grain: q.grain,
  });
  return rows.map((r) => ({
    userId: r.groupId!,
    name: r.groupName,
    period: r.period,
    leadsAssigned: r.values.leads_assigned?.value ?? 0,
    averageScore: r.values.assigned_lead_score_mean?.value ?? null,
  }));
}
