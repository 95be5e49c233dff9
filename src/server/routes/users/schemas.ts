import { z } from 'zod';
import { LocalDateField } from '../../input-schemas.ts';

/** A user in API responses. */
export const UserSchema = z.object({
  id: z.number().int(),
  externalId: z.string().nullable(),
  name: z.string(),
  email: z.string(),
  role: z.enum(['admin', 'manager', 'rep']),
  teamId: z.number().int().nullable(),
  hireDate: z.string().nullable(),
  rampMonths: z.number().int(),
  salesRole: z.string().nullable(),
  active: z.boolean(),
  leftOn: z.string().nullable(),
  leaveReason: z.string().nullable(),
  hasPassword: z.boolean(),
  createdAt: z.date(),
});

/** Fields accepted when creating or changing a user. */
export const UserFields = z.object({
  name: z.string().trim().min(1).max(200),
  email: z.email().max(320),
  role: z.enum(['admin', 'manager', 'rep']),
  teamId: z.number().int().positive().nullable(),
  hireDate: LocalDateField.nullable(),
  rampMonths: z.number().int().min(0).max(36),
  active: z.boolean(),
  externalId: z.string().max(200).nullable(),
  /** The first day no longer employed: the user becomes inactive (docs/coaching.md, "Turnover and tenure"). */
  leftOn: LocalDateField.nullable(),
  leaveReason: z.string().trim().max(500).nullable(),
  /** Sales role (SDR, AE ...): picks the rep's scorecard (/api/coaching/scorecards). */
  salesRole: z.string().trim().min(1).max(60).nullable().optional(),
});
