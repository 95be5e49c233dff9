export const ACTIVITY_TYPES = ['call', 'email', 'meeting', 'linkedin', 'other'] as const;
export const ACTIVITY_OUTCOMES = [
  'connected',
  'no_answer',
  'voicemail',
  'held',
  'no_show',
  'scheduled',
  'replied',
  'bounced',
  'sent',
] as const;
export const ACTIVITY_DIRECTIONS = ['outbound', 'inbound'] as const;
/**
 * What logged time was spent on (activities.time_category, migration 0032). Selling is time with customers;
 * the others are the brief's non-selling work (reps spend about 64% of their time on it).
 */
export const TIME_CATEGORIES = [
  'selling',
  'prospecting',
  'admin',
  'crm_updates',
  'internal_meetings',
  'training',
  'travel',
] as const;
export type TimeCategory = (typeof TIME_CATEGORIES)[number];
/** The path that wrote an activity (activities.logged_via): the integrity view reads when people typed rows in. */
export const LOGGED_VIA = ['quick_log', 'api', 'webhook', 'email', 'calendar', 'import', 'demo'] as const;
export type LoggedVia = (typeof LOGGED_VIA)[number];
/** The longest quick-log note (activities.note). */
export const MAX_NOTE_LENGTH = 2_000;
/** The activities.type and activities.outcome values (migration 0001's checks). */
export type ActivityType = (typeof ACTIVITY_TYPES)[number];
export type ActivityOutcome = (typeof ACTIVITY_OUTCOMES)[number];

/** Activities per request or webhook delivery; larger histories go through `pacesetter import`. */
export const MAX_CAPTURED_PER_REQUEST = 1_000;

/**
 * One activity as a capture path hands it to the store (API body item, webhook payload after its mapping,
 * email message, calendar occurrence). Whether it is a new prospect or a follow-up is never part of it: the store
 * derives that (activities.is_new_prospect, docs/metrics.md) from the person's touches.
 */
export interface CapturedActivity {
  /**
   * Stored key, already namespaced by the capture path ('api:...', 'webhook:<source>:...', 'email:...',
   * 'ics:...'), so ids from two paths or from CSV imports never collide. Null: no idempotency (always inserted).
   */
  externalId: string | null;
  type: ActivityType;
  direction: 'outbound' | 'inbound';
  outcome: ActivityOutcome | null;
  durationSeconds: number | null;
  occurredAt: Date;
  subject: string | null;
  /** The rep; null = the viewer themself (a signed-in rep logging their own work). */
  user: { id: number } | { email: string } | null;
  /** The person touched, by id or e-mail; an unknown e-mail is created as a contact when the path allows it. */
  contact: { id: number } | { email: string; name: string | null } | null;
  leadId: number | null;
  opportunityId: number | null;
  accountId: number | null;
  /** What the time was spent on; absent = not categorised. */
  timeCategory?: TimeCategory | null;
  /** A meeting: when it was set (meetings_booked); absent = unknown. */
  bookedAt?: Date | null;
  /** Free text, up to MAX_NOTE_LENGTH. */
  note?: string | null;
}

/** What became of one captured activity. */
export type CaptureStatus = 'created' | 'updated' | 'unchanged';

export interface CapturedRow {
  /** Position in the request (0-based). */
  index: number;
  id: number;
  externalId: string | null;
  status: CaptureStatus;
  /** Derived after the write: true when this is the person's first-ever touch. */
  isNewProspect: boolean;
  contactId: number | null;
}

export interface CaptureResult {
  created: number;
  updated: number;
  unchanged: number;
  activities: CapturedRow[];
}
