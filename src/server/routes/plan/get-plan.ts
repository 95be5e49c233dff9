import { z } from 'zod';
import { parseScope } from '../../../domain/forecast/scope.ts';
import { planReport } from '../../../store/queries/forecast/plan-report.ts';
import type { RouteModule } from '../../app-types.ts';
import { PLAN_LIMITS, PlanFields, PlanResponse } from './schemas.ts';

const Query = z.object({
  ...PlanFields,
  targetRevenue: z.coerce
    .number()
    .int()
    .min(0)
    .max(PLAN_LIMITS.money)
    .optional()
    .describe('revenue target, minor units'),
  targetWins: z.coerce
    .number()
    .int()
    .min(0)
    .max(PLAN_LIMITS.count)
    .optional()
    .describe('customers / won deals target'),
  leads: z.coerce
    .number()
    .min(0)
    .max(PLAN_LIMITS.count)
    .optional()
    .describe('what-if: this many leads in the period'),
  winRateDelta: z.coerce
    .number()
    .min(-100)
    .max(100)
    .optional()
    .describe('what-if: win rate better by N points'),
  lookbackDays: z.coerce.number().int().min(7).max(1095).default(180),
});

/** GET /api/plan: reverse funnel from observed conversion rates, with what-ifs. */
const getPlan: RouteModule = (app, { reportDb: db }) => {
  app.get(
    '/api/plan',
    {
      schema: {
        tags: ['planning'],
        summary: 'Leads, meetings and opportunities needed for a target, from observed conversion rates',
        querystring: Query,
        response: { 200: PlanResponse },
      },
    },
    async (request) => {
      const q = request.query;
      return planReport(db, request.viewer, {
        periodKey: q.period,
        scope: parseScope(q.scope),
        now: new Date(),
        lookbackDays: q.lookbackDays,
        targetRevenue: q.targetRevenue ?? null,
        targetWins: q.targetWins ?? null,
        leads: q.leads ?? null,
        winRateDeltaPoints: q.winRateDelta ?? null,
      });
    },
  );
};
export default getPlan;
