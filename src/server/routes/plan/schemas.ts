import { z } from 'zod';

/** The planner's answer in API responses. */
export const PlanResponse = z.object({
  period: z.object({ key: z.string(), grain: z.string(), start: z.string(), end: z.string() }),
  scope: z.object({ key: z.string(), name: z.string() }),
  currency: z.string(),
  lookbackDays: z.number().int(),
  observed: z.object({
    leads: z.number(),
    mql: z.number(),
    sql: z.number(),
    opportunities: z.number(),
    won: z.number(),
    lost: z.number(),
    wonAmount: z.number(),
  }),
  rates: z.enum(['observed', 'given']),
  avgDealSize: z.number(),
  plan: z.object({
    stages: z.array(z.object({ id: z.string(), label: z.string(), reach: z.number() })),
    targetWins: z.number().nullable(),
    targetRevenue: z.number().nullable(),
    required: z
      .array(z.object({ id: z.string(), label: z.string(), reach: z.number(), required: z.number() }))
      .nullable(),
    topCount: z.number(),
    projected: z.array(
      z.object({ id: z.string(), label: z.string(), reach: z.number(), required: z.number() }),
    ),
    projectedWins: z.number(),
    projectedRevenue: z.number(),
    gapWins: z.number().nullable(),
  }),
});

/** Target and what-if fields shared by GET (query) and POST (body). */
export const PlanFields = {
  period: z.string().min(4).max(40).describe('plan period, e.g. 2026-Q4 or 2026-11'),
  scope: z
    .string()
    .regex(/^(company|team:\d+|rep:\d+)$/)
    .default('company'),
};
