import { z } from 'zod';

/** What an events request did: events received, newly stored, already stored; leads scored and promoted. */
export const IngestSummarySchema = z.object({
  received: z.number().int(),
  inserted: z.number().int(),
  duplicates: z.number().int(),
  leadsScored: z.number().int(),
  promoted: z.number().int(),
});
