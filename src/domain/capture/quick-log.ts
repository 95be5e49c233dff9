import type { ActivityOutcome } from './captured-activity.ts';

/** The kinds of touch the quick log offers (type 'other' is not a touch any metric counts). */
export const QUICK_LOG_TYPES = ['call', 'email', 'meeting', 'linkedin'] as const;
export type QuickLogType = (typeof QUICK_LOG_TYPES)[number];

/**
 * The outcomes a rep picks from per type, first = the default button. 'scheduled' is not offered: a planned touch
 * is a next step (stored with outcome 'scheduled' in the future), not a touch that happened.
 */
export const QUICK_LOG_OUTCOMES: Record<QuickLogType, readonly ActivityOutcome[]> = {
  call: ['connected', 'no_answer', 'voicemail'],
  email: ['sent', 'replied', 'bounced'],
  meeting: ['held', 'no_show'],
  linkedin: ['sent', 'replied'],
};

/** True when `outcome` is one the quick log offers for `type`. */
export function quickLogOutcomeFits(type: QuickLogType, outcome: ActivityOutcome): boolean {
  return QUICK_LOG_OUTCOMES[type].includes(outcome);
}

/** A next step's default time of day when only a date is given: 09:00 workspace time. */
export const NEXT_STEP_DEFAULT_MINUTE = 9 * 60;
