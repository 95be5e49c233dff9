import { z } from 'zod';

/** An alert as the API returns it. */
export const AlertSchema = z.object({
  id: z.number().int(),
  kind: z.enum(['lead_sla', 'capture_unmatched']),
  /** Null for capture_unmatched alerts (a captured email that could not be logged; details say why). */
  leadId: z.number().int().nullable(),
  ownerId: z.number().int().nullable(),
  managerId: z.number().int().nullable(),
  dueAt: z.date(),
  raisedAt: z.date(),
  details: z.record(z.string(), z.unknown()),
  acknowledgedAt: z.date().nullable(),
  acknowledgedBy: z.number().int().nullable(),
});
