import type { GoalPacing } from './goals.ts';

/** The quick log's kinds of touch and, per kind, the outcomes offered (src/domain/capture/quick-log.ts). */
export const QUICK_LOG_TYPES = ['call', 'email', 'meeting', 'linkedin'] as const;
export type QuickLogType = (typeof QUICK_LOG_TYPES)[number];
export const QUICK_LOG_OUTCOMES = {
  call: ['connected', 'no_answer', 'voicemail'],
  email: ['sent', 'replied', 'bounced'],
  meeting: ['held', 'no_show'],
  linkedin: ['sent', 'replied'],
} as const satisfies Record<QuickLogType, readonly string[]>;
export type QuickLogOutcome = (typeof QUICK_LOG_OUTCOMES)[QuickLogType][number];

/** GET /api/contacts items. */
export interface ContactMatch {
  id: number;
  name: string;
  email: string | null;
  accountName: string | null;
  firstTouchAt: string | null;
  /** What a touch now would be, derived by the server. */
  nextTouch: 'new_prospect' | 'follow_up';
}

/** POST /api/activities/quick-log body. */
export interface QuickLogInput {
  type: QuickLogType;
  outcome: QuickLogOutcome;
  contactId?: number;
  newContact?: { name: string; email: string };
  note?: string | null;
  durationSeconds?: number | null;
  nextStep?: { type: QuickLogType; date: string; time?: string; note?: string | null } | null;
}

/** POST /api/activities/quick-log answer. */
export interface QuickLogResult {
  activity: { id: number; isNewProspect: boolean; contactId: number; occurredAt: string };
  nextStep: { id: number; occurredAt: string } | null;
}

/** The metric ids of the Today view, in display order (src/store/queries/capture/today-touches.ts). */
export const TODAY_METRICS = [
  'calls',
  'emails',
  'linkedin_touches',
  'meetings',
  'activities',
  'new_prospects',
  'follow_ups',
] as const;

/** GET /api/activities/today. */
export interface TodayReport {
  date: string;
  timeZone: string;
  values: Record<(typeof TODAY_METRICS)[number], number>;
  goals: GoalPacing[];
  scheduled: {
    id: number;
    type: string;
    occurredAt: string;
    contactId: number | null;
    contactName: string | null;
    note: string | null;
  }[];
}
