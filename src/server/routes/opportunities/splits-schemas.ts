import { z } from 'zod';
import { IdField } from '../../input-schemas.ts';

/** The deal in the path: 1 .. 2^53 - 1 (larger numbers cannot name a row). */
export const SplitsParams = z.object({ id: IdField });

const Share = z.object({
  userId: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  shareBp: z.number().int().min(1).max(10000).describe('basis points: 10000 = the whole deal'),
});
/** Unknown fields are refused, not ignored: a misspelt "sharebp" must not pass as a request without it. */
const ShareInput = Share.strict();

/** PUT body: the complete new list (replaces the old one); [] credits the owner alone again. */
export const SplitsBody = z.object({ splits: z.array(ShareInput).max(50) }).strict();

/** A deal's splits; an empty list means the owner is credited with all of it. */
export const DealSplitsSchema = z.object({
  opportunityId: z.number().int(),
  ownerId: z.number().int().nullable(),
  splits: z.array(Share.extend({ userName: z.string() })),
});
