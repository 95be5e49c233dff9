import { z } from 'zod';
import { PROBABILITY_SOURCES } from '../../../domain/forecast/compute.ts';
import { METHOD_IDS } from '../../../domain/forecast/types.ts';

/** Query/body fields shared by the forecast endpoints. */
export const PeriodField = z
  .string()
  .min(4)
  .max(40)
  .describe('period key: 2026-Q4, 2026-11, 2026-W47, FY2027-Q1, 2026-10-01..2026-12-31');
export const MethodField = z.enum(METHOD_IDS);

const ErrorStatsSchema = z.object({
  mape: z.number().nullable().describe('mean absolute percentage error, 0.12 = 12%'),
  bias: z.number().nullable().describe('sum(forecast - actual) / sum(actual); positive = over-forecast'),
  n: z.number().int(),
  skipped: z.number().int().describe('forecasts for periods where nothing was won'),
});

/** One method's accuracy in a backtest. */
export const MethodAccuracySchema = z.object({
  method: MethodField,
  atStart: ErrorStatsSchema,
  atWeek2: ErrorStatsSchema.describe('at the checkpoint 7 days in (weekly backtests only)'),
  atMid: ErrorStatsSchema.describe('at the last weekly checkpoint at or before mid-period (weekly only)'),
  allCheckpoints: ErrorStatsSchema,
});

/** Accuracy of every method for one scope, the most accurate one, and the blend's own record. */
const SlotComparisonSchema = z.object({
  blendMape: z.number().nullable(),
  bestSingle: MethodField.nullable(),
  bestSingleMape: z.number().nullable(),
  beatsBest: z.boolean().nullable(),
});

export const ScopeAccuracySchema = z.object({
  scopeKey: z.string(),
  name: z.string(),
  methods: z.array(MethodAccuracySchema),
  best: MethodField.nullable(),
  blended: z
    .object({
      atStart: ErrorStatsSchema,
      atWeek2: ErrorStatsSchema,
      atMid: ErrorStatsSchema,
      allCheckpoints: ErrorStatsSchema,
      bestSingle: MethodField.nullable().describe(
        'best single method at start on the periods the blend was scored on',
      ),
      bestSingleMape: z.number().nullable(),
      beatsBest: z.boolean().nullable().describe('false: the blend did not beat the best single method'),
      versusBest: z
        .object({ start: SlotComparisonSchema, week2: SlotComparisonSchema, mid: SlotComparisonSchema })
        .describe('the blend against the best single method at each checkpoint, on the same scored periods'),
    })
    .describe(
      'methods weighted by 1/MAPE² at the same point of earlier periods (the first period is not scored)',
    ),
  recommended: z
    .object({
      atStart: ErrorStatsSchema,
      picks: z.array(z.string()).describe("per scored period: 'blended' or the method chosen"),
      bestSingle: MethodField.nullable(),
      bestSingleMape: z.number().nullable(),
      beatsBest: z.boolean().nullable(),
    })
    .describe(
      'the blend while it has beaten the best method so far, else that method; decided from earlier periods only',
    ),
  recommendNext: z
    .string()
    .nullable()
    .describe("what the rule recommends for the next period: 'blended' or a method id"),
});

/** One method's number for a scope and period (money in minor units). */
export const MethodResultSchema = z.object({
  method: MethodField,
  value: z.number(),
  wonToDate: z.number(),
  projected: z.number(),
  inPipeline: z
    .number()
    .nullable()
    .describe('of projected: from deals open now (null: the method does not split)'),
  toBeCreated: z
    .number()
    .nullable()
    .describe('of projected: from deals still to be created and won in the period'),
  low: z.number().nullable(),
  high: z.number().nullable(),
  breakdown: z.record(z.string(), z.union([z.number(), z.string(), z.null()])),
});

/** The pipeline yet to be created for a scope and what it is learned from. */
export const NewPipelineSchema = z.object({
  dealsPerBusinessDay: z.number().describe('deals the scope created per business day over the look-back'),
  winShare: z.number().describe('share of the deals still to be created expected to be won in the period'),
  avgWonDeal: z.number().describe('average deal won within the period horizon after creation (minor units)'),
  creationTrend: z
    .number()
    .nullable()
    .describe(
      'growth of the creation rate: the look-back against the one before, − 1, capped at ±0.5; null without one',
    ),
  seasonFactor: z
    .number()
    .nullable()
    .describe("last year's actual / the model's figure then; null without one"),
  expectedDeals: z.number(),
  value: z.number().describe('expected revenue from deals still to be created (minor units)'),
});

/** Configured vs observed stage probability (company), and the learned one the forecast can use. */
export const StageCalibrationSchema = z.object({
  pipelineId: z.number().int(),
  stageId: z.number().int(),
  stageName: z.string(),
  configured: z.number(),
  observed: z
    .number()
    .nullable()
    .describe('won share of the days closed deals spent in the stage, last 365 days'),
  dealWonShare: z.number().nullable().describe('won / closed of deals that were in the stage, each once'),
  closed: z.number().int(),
  learned: z.number().describe('observed shrunk toward configured by 20 pseudo-deals'),
  source: z.enum(PROBABILITY_SOURCES).describe("the probability the forecast used for the stage's pipeline"),
});

/** A stage's rates as a backtest checkpoint applied them (company level): calibration, timing and the rate used. */
export const StageRateUsedSchema = StageCalibrationSchema.extend({
  timingFactor: z
    .number()
    .describe("share of the stage's eventual wins expected before the period ends (1 when not applied)"),
  used: z.number().describe('the probability applied: configured, or learned × timing factor'),
});

/** What a backtest checkpoint learned for the company. */
export const BacktestLearnedSchema = z.object({
  newPipeline: NewPipelineSchema,
  stages: z.array(StageRateUsedSchema),
});

export const PeriodSchema = z.object({
  key: z.string(),
  grain: z.string(),
  start: z.string(),
  end: z.string().describe('exclusive'),
});

/** A stored call or override. */
export const CallSchema = z.object({
  id: z.number().int(),
  periodKey: z.string(),
  scopeKey: z.string(),
  kind: z.enum(['call', 'override']),
  amount: z.number(),
  currency: z.string(),
  setBy: z.number().int().nullable(),
  setAt: z.date(),
  note: z.string().nullable(),
});
