import { z } from 'zod';
import {
  ACTIVITY_OUTCOMES,
  MAX_NOTE_LENGTH,
  TIME_CATEGORIES,
  type CapturedActivity,
} from '../../../domain/capture/captured-activity.ts';
import {
  NEXT_STEP_DEFAULT_MINUTE,
  QUICK_LOG_OUTCOMES,
  QUICK_LOG_TYPES,
  quickLogOutcomeFits,
} from '../../../domain/capture/quick-log.ts';
import { instantToLocal, localDateToInstant } from '../../../domain/calendar/zoned.ts';
import { AppError } from '../../../errors.ts';
import { logActivities } from '../../../store/queries/capture/log-activities.ts';
import { contactVisible } from '../../../store/queries/contacts/search-contacts.ts';
import { getSettings } from '../../../store/tables/settings.ts';
import type { RouteModule } from '../../app-types.ts';
import { requireWrite } from '../../auth/guards.ts';
import { LocalDateField } from '../../input-schemas.ts';

const Id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const Note = z.string().trim().max(MAX_NOTE_LENGTH).nullable().default(null);

const Body = z
  .object({
    type: z.enum(QUICK_LOG_TYPES),
    outcome: z.enum(ACTIVITY_OUTCOMES).describe("one of the type's outcomes (QUICK_LOG_OUTCOMES)"),
    contactId: Id.optional(),
    newContact: z
      .object({
        name: z.string().trim().min(1).max(200),
        email: z.string().trim().email().max(320),
      })
      .strict()
      .optional()
      .describe('a person not in the store yet; an e-mail a contact already has logs to that contact'),
    note: Note,
    timeCategory: z.enum(TIME_CATEGORIES).nullable().default(null),
    durationSeconds: z.number().int().min(0).max(86_400).nullable().default(null),
    nextStep: z
      .object({
        type: z.enum(QUICK_LOG_TYPES),
        date: LocalDateField.describe('workspace-local date'),
        time: z
          .string()
          .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM')
          .optional()
          .describe('workspace-local time, default 09:00'),
        note: Note,
      })
      .strict()
      .nullable()
      .default(null)
      .describe("stored as an activity with outcome 'scheduled' at that time (docs/capture.md)"),
  })
  .strict()
  .refine((b) => (b.contactId === undefined) !== (b.newContact === undefined), {
    message: 'give contactId or newContact (exactly one)',
    path: ['contactId'],
  })
  .refine((b) => quickLogOutcomeFits(b.type, b.outcome), {
    message: 'this outcome does not fit the type',
    path: ['outcome'],
  });

const Response = z.object({
  activity: z.object({
    id: z.number().int(),
    isNewProspect: z.boolean().describe("derived: the person's first-ever touch; false = a follow-up"),
    contactId: z.number().int(),
    occurredAt: z.string(),
  }),
  nextStep: z.object({ id: z.number().int(), occurredAt: z.string() }).nullable(),
});

/**
 * POST /api/activities/quick-log: the signed-in user logs one touch they made just now (logged_via 'quick_log'),
 * to a contact they may see or a new one, with an optional next step. New prospect vs follow-up is derived by
 * logActivities, never asked. Outcomes per type: QUICK_LOG_OUTCOMES.
 */
const quickLog: RouteModule = (app, { db }) => {
  app.post(
    '/api/activities/quick-log',
    {
      schema: {
        tags: ['records'],
        summary: 'Quick log: one touch by the signed-in user, now, with an optional next step',
        description: `Outcomes per type: ${JSON.stringify(QUICK_LOG_OUTCOMES)}`,
        body: Body,
        response: { 200: Response },
      },
    },
    async (request) => {
      const viewer = requireWrite(request);
      if (viewer.userId === null)
        throw new AppError('forbidden', 'The quick log is for signed-in users logging their own touches');
      const b = request.body;
      // The picker lists only visible contacts; an id outside them answers as if it did not exist.
      if (b.contactId !== undefined && !(await contactVisible(db, viewer, b.contactId)))
        throw new AppError('not_found', 'No such contact', [
          { field: 'contactId', value: String(b.contactId), reason: 'not found', rule: 'not_found' },
        ]);
      const now = new Date();
      const contact: CapturedActivity['contact'] =
        b.contactId !== undefined
          ? { id: b.contactId }
          : { email: b.newContact!.email, name: b.newContact!.name };
      const touch: CapturedActivity = {
        externalId: null,
        type: b.type,
        direction: 'outbound',
        outcome: b.outcome,
        durationSeconds: b.durationSeconds,
        occurredAt: now,
        subject: null,
        user: null,
        contact,
        leadId: null,
        opportunityId: null,
        accountId: null,
        timeCategory: b.timeCategory,
        bookedAt: null,
        note: b.note === '' ? null : b.note,
      };
      const items = [touch];
      if (b.nextStep !== null) {
        const { timeZone } = await getSettings(db);
        const [h, m] = (b.nextStep.time ?? '').split(':').map(Number);
        const minute = b.nextStep.time === undefined ? NEXT_STEP_DEFAULT_MINUTE : h! * 60 + m!;
        const at = localDateToInstant(b.nextStep.date, timeZone, minute);
        if (at.getTime() <= now.getTime())
          throw new AppError('validation', 'The next step must be in the future', [
            {
              field: 'nextStep.date',
              value: `${b.nextStep.date} ${b.nextStep.time ?? ''}`.trim(),
              reason: `is not after now (${instantToLocal(now, timeZone).date} in ${timeZone})`,
            },
          ]);
        items.push({
          ...touch,
          type: b.nextStep.type,
          outcome: 'scheduled',
          durationSeconds: null,
          occurredAt: at,
          // A meeting set now is booked now: meetings_booked counts it today, by the date it was set.
          bookedAt: b.nextStep.type === 'meeting' ? now : null,
          timeCategory: null,
          note: b.nextStep.note === '' ? null : b.nextStep.note,
        });
      }
      const result = await logActivities(
        db,
        viewer,
        items,
        (i) => (i === 0 ? '' : 'nextStep.'),
        { createContacts: true, channel: 'quick_log', loggedVia: 'quick_log' },
        now,
      );
      const [logged, next] = result.activities;
      return {
        activity: {
          id: logged!.id,
          isNewProspect: logged!.isNewProspect,
          contactId: logged!.contactId!,
          occurredAt: now.toISOString(),
        },
        nextStep: next ? { id: next.id, occurredAt: items[1]!.occurredAt.toISOString() } : null,
      };
    },
  );
};
export default quickLog;
