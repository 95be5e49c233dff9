import { z } from 'zod';
import { parseScope } from '../../../domain/forecast/scope.ts';
import { reachFromStepRates } from '../../../domain/planning/funnel.ts';
import { planReport } from '../../../store/queries/forecast/plan-report.ts';
import type { RouteModule } from '../../app-types.ts';
import { PLAN_LIMITS, PlanFields, PlanRate, PlanResponse } from './schemas.ts';

const Body = z.object({
  ...PlanFields,
  targetRevenue: z.number().int().min(0).max(PLAN_LIMITS.money).nullable().optional(),
  targetWins: z.number().int().min(0).max(PLAN_LIMITS.count).nullable().optional(),
  leads: z.number().min(0).max(PLAN_LIMITS.count).nullable().optional(),
  winRateDelta: z.number().min(-100).max(100).nullable().optional(),
  lookbackDays: z.number().int().min(7).max(1095).default(180),
  avgDealSize: z
    .number()
    .int()
    .min(1)
    .max(PLAN_LIMITS.money)
    .nullable()
    .optional()
    .describe('assumed won deal size, minor units'),
  stages: z
    .array(
      z.object({
        id: z.string().min(1).max(40),
        label: z.string().min(1).max(80),
        reach: PlanRate.optional().describe('share of the first stage reaching this one'),
        stepRate: PlanRate.optional().describe('share of the previous stage reaching this one'),
      }),
    )
    .min(2)
    .max(10)
    .optional()
    .describe('planning assumptions instead of the observed funnel: give reach or stepRate for every stage'),
});

/** POST /api/plan: the planner with assumed conversion rates (e.g. 50% / 20% / 10%) and what-ifs. */
const postPlan: RouteModule = (app, { db }) => {
  app.post(
    '/api/plan',
    {
      schema: {
        tags: ['planning'],
        summary: 'Plan a target with given conversion rates and what-ifs',
        body: Body,
        response: { 200: PlanResponse },
      },
    },
    async (request) => {
      const b = request.body;
      const stages = b.stages
        ? b.stages.every((s) => s.reach !== undefined)
          ? b.stages.map((s) => ({ id: s.id, label: s.label, reach: s.reach as number }))
          : reachFromStepRates(
              b.stages.map((s, i) => ({
                id: s.id,
                label: s.label,
                stepRate: i === 0 ? 1 : (s.stepRate ?? 0),
              })),
            )
        : null;
      return planReport(db, request.viewer, {
        periodKey: b.period,
        scope: parseScope(b.scope),
        now: new Date(),
        lookbackDays: b.lookbackDays,
        targetRevenue: b.targetRevenue ?? null,
        targetWins: b.targetWins ?? null,
        leads: b.leads ?? null,
        winRateDeltaPoints: b.winRateDelta ?? null,
        stages,
        avgDealSize: b.avgDealSize ?? null,
      });
    },
  );
};
export default postPlan;
