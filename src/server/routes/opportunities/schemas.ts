import { z } from 'zod';
import type { Db } from '../../../store/db.ts';
import type { OpportunityFilter } from '../../../store/queries/records/list-opportunities.ts';
import { periodWindow } from '../../../store/queries/records/period-window.ts';
import { IdField } from '../../input-schemas.ts';

/** Filters shared by the list and the CSV export. */
export const OpportunityFilterQuery = z.object({
  owner: IdField.optional().describe('owner user id'),
  stage: IdField.optional().describe('stage id'),
  pipeline: IdField.optional().describe('pipeline id'),
  status: z.enum(['open', 'won', 'lost']).optional(),
  type: z.enum(['new_business', 'upsell', 'renewal']).optional(),
  period: z
    .string()
    .max(40)
    .optional()
    .describe('period key: 2026-11, 2026-W47, 2026-Q3, FY2027, 2026-11-01..2026-11-15'),
  dateField: z
    .enum(['created', 'closed', 'expected_close'])
    .default('created')
    .describe('which date `period` filters'),
});

/** Paging for lists. */
export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

/** Turns query parameters into the store filter (resolving the period in the workspace time zone). */
export async function opportunityFilter(
  db: Db,
  q: z.infer<typeof OpportunityFilterQuery>,
): Promise<OpportunityFilter> {
  return {
    ownerId: q.owner,
    stageId: q.stage,
    pipelineId: q.pipeline,
    status: q.status,
    type: q.type,
    period: q.period ? await periodWindow(db, q.period) : undefined,
    dateField: q.dateField,
  };
}

/** An opportunity in API responses. */
export const OpportunitySchema = z.object({
  id: z.number().int(),
  externalId: z.string().nullable(),
  name: z.string(),
  accountId: z.number().int().nullable(),
  accountName: z.string().nullable(),
  ownerId: z.number().int().nullable(),
  ownerName: z.string().nullable(),
  pipelineId: z.number().int(),
  stageId: z.number().int(),
  stageName: z.string(),
  status: z.enum(['open', 'won', 'lost']),
  type: z.enum(['new_business', 'upsell', 'renewal']),
  amountMinor: z.number().int(),
  currency: z.string(),
  workspaceAmountMinor: z
    .number()
    .int()
    .nullable()
    .describe(
      'the amount in the workspace currency (close date rate; open deals today); null without a rate',
    ),
  forecastCategory: z.enum(['pipeline', 'best_case', 'commit', 'closed', 'omitted']),
  leadSource: z.string().nullable(),
  expectedCloseDate: z.string().nullable(),
  createdAt: z.date(),
  closedAt: z.date().nullable(),
  lostReason: z.string().nullable(),
});
