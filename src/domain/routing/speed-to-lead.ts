import type { MetricValue } from '../metrics/definition.ts';
import type { ResponseBucket } from '../metrics/response-buckets.ts';

/** One cell of the speed-to-lead table: a group's leads in one response bucket and what became of them. */
export interface SpeedToLeadRow {
  groupType: 'company' | 'rep' | 'source';
  groupId: number | null;
  groupName: string;
  bucket: ResponseBucket;
  /** Leads created in the period (leads_created). */
  leads: number;
  /** Of those, converted to an opportunity (leads_converted). */
  converted: number;
  /** Of those, whose opportunity was won (leads_won). */
  won: number;
  /** converted / leads, null without leads. */
  conversionRate: number | null;
  /** won / leads, null without leads. */
  winRate: number | null;
}

/**
 * A row from the three cohort counts the metrics engine returned for one group and bucket; rates are divided
 * here, from the counts, never averaged.
 */
export function speedToLeadRow(
  group: Pick<SpeedToLeadRow, 'groupType' | 'groupId' | 'groupName'>,
  bucket: ResponseBucket,
  values: Record<string, MetricValue | undefined>,
): SpeedToLeadRow {
  const leads = values.leads_created?.value ?? 0;
  const converted = values.leads_converted?.value ?? 0;
  const won = values.leads_won?.value ?? 0;
  return {
    ...group,
    bucket,
    leads,
    converted,
    won,
    conversionRate: leads > 0 ? converted / leads : null,
    winRate: leads > 0 ? won / leads : null,
  };
}
