/** One cadence gap of GET /api/cadence/gaps: a contact or deal whose follow-ups fell behind the cadence. */
export interface CadenceGap {
  kind?: string;
  contactId?: number | null;
  opportunityId?: number | null;
  name: string;
  ownerId: number | null;
  lastTouchAt: string | null;
  /** Follow-ups done since the meeting, and the target (settings.followUpTarget). */
  followUps?: number;
  target?: number;
  daysSinceTouch?: number | null;
  reason?: string;
}
