/**
 * Follow-up cadence vocabulary. A touch is an outbound activity (call, email, LinkedIn, other) or a held meeting,
 * linked to the deal (by opportunity, or by its contact when the activity names no opportunity) or to the lead.
 */

/** Cadence of one open opportunity. */
export interface DealCadence {
  opportunityId: number;
  name: string;
  ownerId: number | null;
  ownerName: string | null;
  amountMinor: number;
  currency: string;
  /** amountMinor in the workspace currency by today's rate; null when none is in effect. */
  workspaceAmountMinor: number | null;
  stageName: string;
  lastMeetingAt: Date | null;
  /** Touches after the last held meeting (after creation when no meeting was held). */
  touchesSinceMeeting: number;
  /** All touches so far. */
  attempts: number;
  lastTouchAt: Date | null;
  /** Local days since the last touch (since creation when never touched). */
  daysSinceLastTouch: number;
  /** Silent for silentDays or more with fewer than the follow-up target touches since the meeting. */
  silent: boolean;
}

/** Cadence of one open lead. */
export interface LeadCadence {
  leadId: number;
  name: string;
  company: string | null;
  source: string | null;
  status: string;
  ownerId: number | null;
  ownerName: string | null;
  createdAt: Date;
  attempts: number;
  lastTouchAt: Date | null;
  daysSinceLastTouch: number;
  /** Fewer attempts than settings.lead_min_attempts. */
  underAttempted: boolean;
}

/** Rules for the gap lists; defaults come from settings. */
export interface CadenceRules {
  /** A deal is silent after this many local days without a touch. */
  silentDays: number;
  /** Follow-ups expected after a meeting (settings.follow_up_target, 5 by default). */
  followUpTarget: number;
  /** Attempts expected on a lead (settings.lead_min_attempts). */
  leadMinAttempts: number;
}

/** Default silence threshold: a working week. */
export const DEFAULT_SILENT_DAYS = 7;

/** The deal gap rule, also used by SQL (kept here so docs and tests name one rule). */
export function isSilentDeal(
  d: Pick<DealCadence, 'daysSinceLastTouch' | 'touchesSinceMeeting'>,
  rules: CadenceRules,
): boolean {
  return d.daysSinceLastTouch >= rules.silentDays && d.touchesSinceMeeting < rules.followUpTarget;
}
