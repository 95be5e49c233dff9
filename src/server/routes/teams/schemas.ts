import { z } from 'zod';

/** A team in API responses. */
export const TeamSchema = z.object({
  id: z.number().int(),
  externalId: z.string().nullable(),
  name: z.string(),
  managerId: z.number().int().nullable(),
  parentTeamId: z.number().int().nullable(),
  memberCount: z.number().int(),
});

/** Fields accepted when creating or changing a team. */
export const TeamFields = z.object({
  name: z.string().trim().min(1).max(200),
  managerId: z.number().int().positive().nullable(),
  parentTeamId: z.number().int().positive().nullable(),
  externalId: z.string().max(200).nullable(),
});
