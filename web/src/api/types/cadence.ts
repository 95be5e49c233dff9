/** A deal gone silent after its meeting, before reaching the follow-up target. */
export interface SilentDeal {
  opportunityId: number;
  name: string;
  ownerId: number | null;
  ownerName: string | null;
  amountMinor: number;
  currency: string;
  /** In the workspace currency by today's rate; null when no rate is in effect. */
  workspaceAmountMinor: number | null;
  stageName: string;
  lastMeetingAt: string | null;
  touchesSinceMeeting: number;
  lastTouchAt: string | null;
  daysSinceLastTouch: number;
}

/** A lead with fewer attempts than the workspace minimum. */
export interface UnderAttemptedLead {
  leadId: number;
  name: string;
  company: string | null;
  ownerId: number | null;
  attempts: number;
  lastTouchAt: string | null;
  daysSinceLastTouch: number;
}

/** GET /api/cadence/gaps (viewer-filtered: a rep sees their own). */
export interface CadenceGaps {
  rules: { silentDays: number; followUpTarget: number; leadMinAttempts: number };
  silentDeals: SilentDeal[];
  underAttemptedLeads: UnderAttemptedLead[];
  /** Currencies of silent deals without a rate today. */
  currenciesWithoutRate: string[];
}

export const CADENCE_FIELDS = [
  'rules',
  'silentDeals',
  'underAttemptedLeads',
  'currenciesWithoutRate',
] as const satisfies readonly (keyof CadenceGaps)[];
