/**
 * The thresholds of the integrity (data-quality) signals, issue 18. The metric definitions
 * (src/domain/metrics/definitions/zero-length-call-share.ts, repeat-touch-share.ts, bulk-logged-share.ts) and
 * their SQL columns (src/store/queries/metrics/sources/activity-integrity-columns.ts) read these, and docs/capture.md
 * ("Integrity (data quality)") explains each choice.
 */

/**
 * A call whose logged duration is under this many seconds is zero-length: nobody can dial, wait for an answer and
 * say anything in under 10 s, while a no-answer call with ringing already lasts 10-30 s. Exactly 10 s is not
 * zero-length.
 */
export const ZERO_LENGTH_CALL_SECONDS = 10;

/**
 * A touch that is at least this many-th touch of the same person by the same rep on the same local day is a
 * repeat touch: a call plus a follow-up e-mail is normal work, a third touch the same day rarely is.
 */
export const REPEAT_TOUCH_NTH = 3;

/**
 * A typed-in row is bulk-logged when, outside working hours, the same rep wrote at least BURST_ROWS typed-in
 * rows (it included) within BURST_MINUTES minutes before or after it. Logging as you go writes a row per call or
 * e-mail, a few minutes apart; ten rows in a few minutes after hours is a day typed in from memory.
 */
export const BURST_ROWS = 10;
export const BURST_MINUTES = 5;

/** The logged_via values that mean a person typed the row in (quick log or the API on their behalf). */
export const TYPED_IN_VIA = ['quick_log', 'api'] as const;

/** When a rep's value is flagged: enough rows to judge, above an absolute floor and well above the median rep. */
export interface FlagRule {
  /** Fewest rows in the denominator to judge at all (a rep with 3 calls is not a pattern). */
  minDenominator: number;
  /** The value must reach this share... */
  floor: number;
  /** ...and this multiple of the median of all reps with enough rows. */
  medianMultiple: number;
}

/** The flag rules per signal metric id; see docs/capture.md for why. */
export const FLAG_RULES = {
  zero_length_call_share: { minDenominator: 20, floor: 0.2, medianMultiple: 2 },
  repeat_touch_share: { minDenominator: 20, floor: 0.1, medianMultiple: 2 },
  bulk_logged_share: { minDenominator: 20, floor: 0.3, medianMultiple: 2 },
} as const satisfies Record<string, FlagRule>;

export type IntegritySignal = keyof typeof FLAG_RULES;

/** The signals in display order. */
export const INTEGRITY_SIGNALS: readonly IntegritySignal[] = [
  'zero_length_call_share',
  'repeat_touch_share',
  'bulk_logged_share',
];
