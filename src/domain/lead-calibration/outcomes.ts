/** A past lead as calibration sees it: its score and what became of it. */
export interface LeadOutcome {
  score: number;
  /** Converted to an opportunity (at any time before the report's as-of). */
  opportunity: boolean;
  /** That opportunity was won. */
  won: boolean;
}

/** Leads, opportunities and wins in a group, with the two conversion rates (null when the group is empty). */
export interface ConversionCounts {
  leads: number;
  opportunities: number;
  wins: number;
  opportunityRate: number | null;
  winRate: number | null;
}

export function conversionCounts(outcomes: readonly LeadOutcome[]): ConversionCounts {
  let opportunities = 0;
  let wins = 0;
  for (const o of outcomes) {
    if (o.opportunity) opportunities += 1;
    if (o.won) wins += 1;
  }
  const leads = outcomes.length;
  return {
    leads,
    opportunities,
    wins,
    opportunityRate: leads > 0 ? opportunities / leads : null,
    winRate: leads > 0 ? wins / leads : null,
  };
}
