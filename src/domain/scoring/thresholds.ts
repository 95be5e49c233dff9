import type { RuleSetDraft } from './rules.ts';

/** Where a score puts a lead: below the MQL threshold, marketing-qualified, or sales-qualified. */
export type ScoreBand = 'below' | 'mql' | 'sql';

/** The band of a score; a demo request counts as SQL when the rule set says it qualifies at once. */
export function scoreBand(
  score: number,
  demoRequested: boolean,
  rs: Pick<RuleSetDraft, 'mqlThreshold' | 'sqlThreshold' | 'demoRequestQualifies'>,
): ScoreBand {
  if (score >= rs.sqlThreshold || (demoRequested && rs.demoRequestQualifies)) return 'sql';
  if (score >= rs.mqlThreshold) return 'mql';
  return 'below';
}

/** Lead statuses that scoring may move forward. */
export const PROMOTABLE_STATUSES = ['new', 'working', 'mql'] as const;

/**
 * The status a lead moves to after scoring, or null: new/working -> mql at the MQL threshold, new/working/mql
 * -> sql at the SQL threshold (or a qualifying demo request). Scoring never demotes a lead (a decayed score
 * leaves an MQL an MQL) and never touches sql, disqualified or converted leads.
 */
export function promotion(status: string, band: ScoreBand): 'mql' | 'sql' | null {
  if (band === 'sql' && (status === 'new' || status === 'working' || status === 'mql')) return 'sql';
  if (band === 'mql' && (status === 'new' || status === 'working')) return 'mql';
  return null;
}
