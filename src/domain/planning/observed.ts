import type { ObservedFunnel } from './plan.ts';

/** The counts behind the observed funnel, as the metrics engine gives them (shown beside the plan). */
export interface FunnelCounts {
  leads: number;
  mql: number;
  sql: number;
  opportunities: number;
  won: number;
  lost: number;
  /** Won revenue in the workspace currency (won_revenue). */
  wonAmount: number;
  /** won / (won + lost) of the deals closed in the window; null when none closed (win_rate). */
  winRate: number | null;
  /** Mean won deal in the workspace currency; null without a won deal that has an amount (avg_deal_size). */
  avgDealSize: number | null;
}

/**
 * Turns the observed counts into the planner's funnel: each lead step as a share of the leads, and the won step
 * as the opportunity share times the win rate. The metrics say "unknown" with null; the planner needs numbers,
 * so an unknown win rate makes the won step unreachable (reach 0: the reverse funnel has no answer and says so)
 * and an unknown deal size is 0 (no revenue target can be turned into wins).
 */
export function observedFunnelOf(
  counts: FunnelCounts,
  windowDays: number,
  periodDays: number,
): { funnel: ObservedFunnel; counts: FunnelCounts } {
  const share = (n: number) => (counts.leads > 0 ? n / counts.leads : 0);
  const wonReach = counts.winRate === null ? 0 : share(counts.opportunities) * counts.winRate;
  return {
    counts,
    funnel: {
      stages: [
        { id: 'lead', label: 'Leads', reach: 1 },
        { id: 'mql', label: 'Marketing-qualified', reach: share(counts.mql) },
        { id: 'sql', label: 'Sales-qualified / meeting', reach: share(counts.sql) },
        { id: 'opportunity', label: 'Opportunities', reach: share(counts.opportunities) },
        { id: 'won', label: 'Won', reach: wonReach },
      ],
      avgDealSize: counts.avgDealSize ?? 0,
      topPerPeriod: windowDays > 0 ? (counts.leads / windowDays) * periodDays : 0,
    },
  };
}
