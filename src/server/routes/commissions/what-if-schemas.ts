import { z } from 'zod';
import { MAX_WHAT_IF_PERIODS } from '../../../store/queries/commissions/what-if.ts';
import { PlanRulesSchema } from './schemas.ts';
import { noticesSchema } from '../../notice-schema.ts';
import { WHAT_IF_NOTICES } from '../../../domain/notices.ts';

const Id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const Money = z.number().int().describe('minor units of the plan currency');

/** POST /api/commissions/what-if body. `rules` is then checked by the engine's parsePlanRules, as for plans. */
export const WhatIfBody = z.object({
  rules: PlanRulesSchema.partial().describe('plan rules, as in POST /api/commissions/plans'),
  periods: z.number().int().min(1).max(MAX_WHAT_IF_PERIODS).describe('complete past periods to replay'),
  userIds: z.array(Id).min(1).max(1000).optional().describe('default: everyone in reach on a plan today'),
  simulation: z
    .object({
      runs: z.number().int().min(1).max(100_000),
      meanPct: z.number().min(0).max(1000),
      sdPct: z.number().min(0).max(1000),
      seed: z.number().int().default(1),
    })
    .optional(),
});

const Period = z.object({
  periodKey: z.string(),
  periodStart: z.string(),
  periodEnd: z.string().describe('exclusive'),
  revenueMinor: Money,
  payoutMinor: Money,
  costOfSalesPct: z.number().nullable(),
  repsOverTarget: z.number().int(),
  reps: z.number().int(),
});

export const WhatIfResponse = z.object({
  currency: z.string(),
  people: z.array(
    z.object({ userId: z.number().int(), name: z.string(), currentPlan: z.string().nullable() }),
  ),
  periods: z.array(Period),
  baseline: z.array(Period),
  totals: z.object({
    revenueMinor: Money,
    payoutMinor: Money,
    costOfSalesPct: z.number().nullable(),
    repsOverTarget: z.number().int().describe('person-periods at or over target'),
    reps: z.number().int().describe('person-periods'),
    baselineRevenueMinor: Money,
    baselinePayoutMinor: Money,
    baselineCostOfSalesPct: z.number().nullable(),
    differenceMinor: Money,
  }),
  simulated: z
    .object({
      runs: z.number().int(),
      meanPct: z.number(),
      sdPct: z.number(),
      seed: z.number().int(),
      curveTargetMinor: Money,
      payoutCurve: z.array(z.object({ attainmentPct: z.number(), payoutMinor: Money })),
      p10: Money,
      p50: Money,
      p90: Money,
      costOfSalesPct: z.number().nullable(),
    })
    .optional(),
  warnings: z.array(z.string()),
  notices: noticesSchema(WHAT_IF_NOTICES),
});
