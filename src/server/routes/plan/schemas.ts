import { z } from 'zod';
import { ScopeField } from '../../input-schemas.ts';

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
    winRate: z
      .number()
      .nullable()
      .describe('won / (won + lost) closed in the look-back; null when none closed'),
    avgDealSize: z.number().nullable().describe('mean won deal in the look-back; null without a won deal'),
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

/**
 * Upper bounds of the planner's inputs. zod already refuses Infinity and NaN, but finite inputs can still
 * overflow: 1e308 leads times a rate, or a target divided by a rate of 1e-320, is Infinity, which the response
 * cannot carry. Within these bounds every number the planner derives stays finite (a target of at most 10^15
 * over at most ten steps of at least 10^-6 each).
 */
export const PLAN_LIMITS = {
  /** Leads, wins: a billion per period. */
  count: 1e9,
  /** Revenue target and deal size in minor units: 10^15 (ten trillion in a two-decimal currency). */
  money: 1e15,
  /** Smallest non-zero conversion rate a caller may assume. */
  minRate: 1e-6,
} as const;

/** A conversion rate the planner can divide by: 0, or between PLAN_LIMITS.minRate and 1. */
export const PlanRate = z
  .number()
  .min(0)
  .max(1)
  .refine((r) => r === 0 || r >= PLAN_LIMITS.minRate, `0, or at least ${PLAN_LIMITS.minRate}`);

/** Target and what-if fields shared by GET (query) and POST (body). */
export const PlanFields = {
  period: z.string().min(4).max(40).describe('plan period, e.g. 2026-Q4 or 2026-11'),
  scope: ScopeField.default('company'),
};
