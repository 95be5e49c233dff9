import type { Viewer } from '../../../domain/access/viewer.ts';
import { RESPONSE_BUCKETS } from '../../../domain/metrics/response-buckets.ts';
import { speedToLeadRow, type SpeedToLeadRow } from '../../../domain/routing/speed-to-lead.ts';
import type { Db } from '../../db.ts';
import { getSettingsWithRollupZone } from '../../tables/settings.ts';
import { runMetrics } from '../metrics/run-metrics.ts';

export const SPEED_TO_LEAD_METRICS = ['leads_created', 'leads_converted', 'leads_won'] as const;

export interface SpeedToLeadQuery {
  /** Local dates, inclusive: the cohort of leads created in this range. */
  from: string;
  to: string;
  by: 'company' | 'rep' | 'source';
}

/**
 * Speed-to-lead evidence: for the leads created in the range, how many converted to an opportunity and how many
 * were won, by response bucket (under 5 min, 5-30, 30-60 business minutes, same day, later, never), for the
 * company, per rep (the lead's owner; a rep sees their own row, a manager their subtree) or per lead source. Every
 * count is the metrics engine's leads_created / leads_converted / leads_won with the responseBuckets filter (one
 * query per bucket, per source for `source`); leads without a source are left out of the per-source rows.
 */
export async function speedToLead(db: Db, viewer: Viewer, q: SpeedToLeadQuery): Promise<SpeedToLeadRow[]> {
  const settings = await getSettingsWithRollupZone(db);
  const rows: SpeedToLeadRow[] = [];
  const groupBy = q.by === 'rep' ? 'rep' : 'company';
  const sources =
    q.by === 'source'
      ? (
          await db
            .selectFrom('leads')
            .select('source')
            .distinct()
            .where('source', 'is not', null)
            .orderBy('source')
            .execute()
        ).map((r) => r.source!)
      : [null];
  for (const source of sources) {
    for (const bucket of RESPONSE_BUCKETS) {
      const result = await runMetrics(
        db,
        viewer,
        {
          metricIds: [...SPEED_TO_LEAD_METRICS],
          from: q.from,
          to: q.to,
          groupBy,
          filters: { responseBuckets: [bucket], ...(source === null ? {} : { leadSources: [source] }) },
        },
        { settings },
      );
      for (const r of result) {
        const group =
          source !== null
            ? { groupType: 'source' as const, groupId: null, groupName: source }
            : {
                groupType: r.groupType === 'rep' ? ('rep' as const) : ('company' as const),
                groupId: r.groupId,
                groupName: r.groupName,
              };
        rows.push(speedToLeadRow(group, bucket, r.values));
      }
    }
  }
  return rows;
}
