import { z } from 'zod';
import { GRAINS } from '../../../domain/calendar/period.ts';

/** Goal fields a client sends. */
export const GoalFields = z.object({
  name: z.string().min(1).max(200),
  metricId: z.string().min(1).max(100),
  scopeType: z.enum(['user', 'team', 'company']),
  scopeId: z.number().int().positive().nullable(),
  grain: z.enum(GRAINS as unknown as ['day', 'week', 'month', 'quarter', 'year']),
  periodKey: z.string().max(40).nullable().default(null),
  target: z.number().min(0),
  direction: z.enum(['at_least', 'at_most']),
  template: z.string().max(60).nullable().default(null),
});

/** A goal as the API returns it. */
export const GoalSchema = z.object({
  id: z.number().int(),
  externalId: z.string().nullable(),
  name: z.string(),
  metricId: z.string(),
  scopeType: z.enum(['user', 'team', 'company']),
  scopeId: z.number().int().nullable(),
  grain: z.enum(['day', 'week', 'month', 'quarter', 'year']),
  periodKey: z.string().nullable(),
  target: z.number(),
  direction: z.enum(['at_least', 'at_most']),
  template: z.string().nullable(),
  createdBy: z.number().int().nullable(),
  archivedAt: z.date().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});

/** Pacing of one goal for its current period. */
export const GoalPacingSchema = z.object({
  goal: GoalSchema,
  period: z.object({ key: z.string(), grain: z.string(), start: z.string(), end: z.string() }),
  asOf: z.string(),
  pacing: z.object({
    actual: z.number().nullable(),
    target: z.number(),
    expectedToDate: z.number(),
    projected: z.number().nullable(),
    elapsedShare: z.number(),
    remainingBusinessDays: z.number(),
    requiredPerBusinessDay: z.number().nullable(),
    status: z.enum(['on_track', 'at_risk', 'behind', 'no_data']),
  }),
});
