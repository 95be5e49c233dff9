import { z } from 'zod';
import type { Db } from '../../../store/db.ts';
import type { ActivityFilter } from '../../../store/queries/records/list-activities.ts';
import { periodWindow } from '../../../store/queries/records/period-window.ts';
import { IdField } from '../../input-schemas.ts';

const ActivityType = z.enum(['call', 'email', 'meeting', 'linkedin', 'other']);
const ActivityOutcome = z.enum([
  'connected',
  'no_answer',
  'voicemail',
  'held',
  'no_show',
  'scheduled',
  'replied',
  'bounced',
  'sent',
]);

/** Filters shared by the list and the CSV export. */
export const ActivityFilterQuery = z.object({
  owner: IdField.optional().describe('user id of who did the activity'),
  type: ActivityType.optional(),
  outcome: ActivityOutcome.optional(),
  lead: IdField.optional(),
  contact: IdField.optional(),
  opportunity: IdField.optional(),
  period: z
    .string()
    .max(40)
    .optional()
    .describe('period key on occurred_at: 2026-11, 2026-W47, 2026-11-01..2026-11-15'),
});

/** Turns query parameters into the store filter (resolving the period in the workspace time zone). */
export async function activityFilter(
  db: Db,
  q: z.infer<typeof ActivityFilterQuery>,
): Promise<ActivityFilter> {
  return {
    userId: q.owner,
    type: q.type,
    outcome: q.outcome,
    leadId: q.lead,
    contactId: q.contact,
    opportunityId: q.opportunity,
    period: q.period ? await periodWindow(db, q.period) : undefined,
  };
}

/** An activity in API responses. */
export const ActivitySchema = z.object({
  id: z.number().int(),
  externalId: z.string().nullable(),
  type: ActivityType,
  direction: z.enum(['outbound', 'inbound']),
  outcome: ActivityOutcome.nullable(),
  durationSeconds: z.number().int().nullable(),
  userId: z.number().int().nullable(),
  userName: z.string().nullable(),
  leadId: z.number().int().nullable(),
  contactId: z.number().int().nullable(),
  accountId: z.number().int().nullable(),
  opportunityId: z.number().int().nullable(),
  subject: z.string().nullable(),
  occurredAt: z.date(),
  isNewProspect: z.boolean(),
});
