/** One closed deal as the win analysis reads it (src/store/queries/win-analysis/deal-features.ts). */
export interface DealFeatures {
  id: number;
  won: boolean;
  ownerId: number | null;
  leadSource: string | null;
  /** Deal size in the workspace currency's minor units; null when the deal is in another currency. */
  amountMinor: number | null;
  /** Held meetings plus outbound activities other than meetings, up to closing. */
  touches: number;
  meetingsHeld: number;
  /** Touches other than meetings after the first held meeting; null when no meeting was held. */
  followUps: number | null;
  /** Business minutes to the first response to the deal's lead; null without a lead or a response. */
  responseMinutes: number | null;
  /** Median days between consecutive touches (the rep's cadence on the deal); null with fewer than two. */
  medianGapDays: number | null;
  /** Days from entering each open stage to leaving it (re-entries summed). */
  stageDays: { stageId: number; days: number }[];
}
