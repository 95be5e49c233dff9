import { z } from 'zod';
import {
  ACTIVITY_DIRECTIONS,
  ACTIVITY_OUTCOMES,
  ACTIVITY_TYPES,
  MAX_NOTE_LENGTH,
  TIME_CATEGORIES,
  type CapturedActivity,
} from '../../../domain/capture/captured-activity.ts';
import { InstantField } from '../../input-schemas.ts';

const Id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** One activity as a dialer or another tool posts it; is_new_prospect is derived, never accepted. */
export const CaptureItem = z
  .object({
    externalId: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .optional()
      .describe('your id for the activity: sending it again updates (or leaves) the same row'),
    type: z.enum(ACTIVITY_TYPES),
    direction: z.enum(ACTIVITY_DIRECTIONS).default('outbound'),
    outcome: z.enum(ACTIVITY_OUTCOMES).nullable().default(null),
    durationSeconds: z.number().int().min(0).max(86_400).nullable().default(null),
    occurredAt: InstantField,
    subject: z.string().trim().max(500).nullable().default(null),
    userId: Id.optional().describe('the rep; default: the signed-in user'),
    userEmail: z.string().trim().email().max(320).optional(),
    contactId: Id.optional(),
    contactEmail: z.string().trim().email().max(320).optional().describe('created as a contact when unknown'),
    contactName: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .optional()
      .describe('name for a contact created by e-mail'),
    leadId: Id.nullable().default(null),
    opportunityId: Id.nullable().default(null),
    accountId: Id.nullable().default(null),
    timeCategory: z
      .enum(TIME_CATEGORIES)
      .nullable()
      .default(null)
      .describe('what the time was spent on (selling-time metrics); null = not categorised'),
    bookedAt: InstantField.nullable().default(null).describe('a meeting: when it was set (meetings_booked)'),
    note: z.string().trim().max(MAX_NOTE_LENGTH).nullable().default(null),
  })
  .strict()
  .refine((a) => a.userId === undefined || a.userEmail === undefined, {
    message: 'give userId or userEmail, not both',
    path: ['userEmail'],
  })
  .refine((a) => a.contactId === undefined || a.contactEmail === undefined, {
    message: 'give contactId or contactEmail, not both',
    path: ['contactEmail'],
  })
  // As the CSV import rules it: only a meeting is booked, and it is booked before it takes place.
  .refine((a) => a.bookedAt === null || a.type === 'meeting', {
    message: 'bookedAt is when a meeting was set: only meetings have one',
    path: ['bookedAt'],
  })
  .refine((a) => a.bookedAt === null || Date.parse(a.bookedAt) <= Date.parse(a.occurredAt), {
    message: 'a meeting is booked before it takes place (bookedAt after occurredAt)',
    path: ['bookedAt'],
  });
export type CaptureItem = z.infer<typeof CaptureItem>;

/** The stored key of an API activity: namespaced so it never meets an import's or a webhook's. */
export const apiExternalId = (id: string) => `api:${id}`;

/** The body item as the store's captured activity. */
export function fromCaptureItem(a: CaptureItem, externalId: (id: string) => string): CapturedActivity {
  return {
    externalId: a.externalId === undefined ? null : externalId(a.externalId),
    type: a.type,
    direction: a.direction,
    outcome: a.outcome,
    durationSeconds: a.durationSeconds,
    occurredAt: new Date(a.occurredAt),
    subject: a.subject,
    user:
      a.userId !== undefined ? { id: a.userId } : a.userEmail !== undefined ? { email: a.userEmail } : null,
    contact:
      a.contactId !== undefined
        ? { id: a.contactId }
        : a.contactEmail !== undefined
          ? { email: a.contactEmail, name: a.contactName ?? null }
          : null,
    leadId: a.leadId,
    opportunityId: a.opportunityId,
    accountId: a.accountId,
    timeCategory: a.timeCategory,
    bookedAt: a.bookedAt === null ? null : new Date(a.bookedAt),
    note: a.note === '' ? null : a.note,
  };
}

/** What the capture endpoints answer: counts and, in request order, each activity's id and derived flag. */
export const CaptureResultSchema = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  activities: z.array(
    z.object({
      index: z.number().int(),
      id: z.number().int(),
      externalId: z.string().nullable().describe('as you sent it (without the stored namespace)'),
      status: z.enum(['created', 'updated', 'unchanged']),
      isNewProspect: z.boolean().describe("derived: the person's first-ever touch"),
      contactId: z.number().int().nullable(),
    }),
  ),
});
