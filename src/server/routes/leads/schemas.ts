import { z } from 'zod';
import { RuleHitSchema } from '../scoring/schemas.ts';
import type { Db } from '../../../store/db.ts';
import type { LeadFilter } from '../../../store/queries/records/list-leads.ts';
import { periodWindow } from '../../../store/queries/records/period-window.ts';
import { IdField } from '../../input-schemas.ts';

const LeadStatus = z.enum(['new', 'working', 'mql', 'sql', 'disqualified', 'converted']);

/** Filters shared by the list and the CSV export. */
export const LeadFilterQuery = z.object({
  owner: IdField.optional().describe('owner user id'),
  status: LeadStatus.optional(),
  source: z.string().max(200).optional(),
  period: z
    .string()
    .max(40)
    .optional()
    .describe('period key on created_at: 2026-11, 2026-W47, 2026-11-01..2026-11-15'),
  sort: z.enum(['created', 'score']).default('created').describe('newest first, or highest score first'),
});

/** Turns query parameters into the store filter (resolving the period in the workspace time zone). */
export async function leadFilter(db: Db, q: z.infer<typeof LeadFilterQuery>): Promise<LeadFilter> {
  return {
    ownerId: q.owner,
    status: q.status,
    source: q.source,
    period: q.period ? await periodWindow(db, q.period) : undefined,
    sort: q.sort,
  };
}

/** A lead in API responses. */
export const LeadSchema = z.object({
  id: z.number().int(),
  externalId: z.string().nullable(),
  name: z.string(),
  email: z.string().nullable(),
  company: z.string().nullable(),
  source: z.string().nullable(),
  ownerId: z.number().int().nullable(),
  ownerName: z.string().nullable(),
  status: LeadStatus,
  createdAt: z.date(),
  mqlAt: z.date().nullable(),
  sqlAt: z.date().nullable(),
  convertedAt: z.date().nullable(),
  firstTouchAt: z.date().nullable(),
  firstResponseAt: z.date().nullable(),
  responseBusinessMinutes: z.number().int().nullable(),
  score: z
    .number()
    .int()
    .nullable()
    .describe('latest lead score (fit + engagement); null before first scored'),
  scoreWhy: z.array(RuleHitSchema).nullable().describe('every scoring rule that fired and its points'),
});
