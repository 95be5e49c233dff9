import { z } from 'zod';
import { CYCLE_AGE_MODES } from '../../../domain/forecast/cycle-age.ts';
import { PROBABILITY_CHOICES, probabilityOverride } from '../../../domain/forecast/compute.ts';
import { parseMethodList } from '../../../domain/forecast/method-list.ts';
import { parseScope } from '../../../domain/forecast/scope.ts';
import { forecastReport } from '../../../store/queries/forecast/forecast-report.ts';
import type { RouteModule } from '../../app-types.ts';
import { ScopeField } from '../../input-schemas.ts';
import {
  MethodResultSchema,
  NewPipelineSchema,
  StageCalibrationSchema,
  PeriodField,
  PeriodSchema,
  ScopeAccuracySchema,
} from './schemas.ts';

const Query = z.object({
  period: PeriodField,
  scope: ScopeField.default('company'),
  method: z
    .string()
    .default('all')
    .describe(
      "'all' or a comma-separated list of stage_weighted, judgement, run_rate, cycle_age, monte_carlo",
    ),
  seed: z.coerce
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1)
    .optional()
    .describe('Monte Carlo seed (default: derived from scope, period and today, so the range holds all day)'),
  lookback: z.coerce
    .number()
    .int()
    .min(7)
    .max(730)
    .default(90)
    .describe('run-rate and new-pipeline look-back in days'),
  iterations: z.coerce.number().int().min(100).max(20_000).default(2_000),
  probabilities: z
    .enum(PROBABILITY_CHOICES)
    .default('settings')
    .describe(
      "stage probabilities: each pipeline's setting, or configured / learned (closed deals, shrunk) for all",
    ),
  cycleAge: z
    .enum(CYCLE_AGE_MODES)
    .default('blend')
    .describe("cycle-age: 'blend' (with the stage probability) or 'age' (age / typical cycle, capped)"),
  callWithNewPipeline: z
    .enum(['true', 'false'])
    .default('false')
    .describe('add the pipeline yet to be created to the commit call (judgement) too'),
  trackRecord: z
    .enum(['true', 'false'])
    .default('true')
    .describe("include each method's accuracy over the last four periods of this kind"),
  deals: z
    .enum(['true', 'false'])
    .default('true')
    .describe(
      'include the open deals closing in the period (false: an empty list, for a page that shows none)',
    ),
});

const Response = z.object({
  period: PeriodSchema,
  scope: z.object({ key: z.string(), name: z.string() }),
  asOf: z.date(),
  currency: z.string(),
  seed: z.number().int(),
  methods: z.array(MethodResultSchema),
  newPipeline: NewPipelineSchema,
  probabilities: z.enum(PROBABILITY_CHOICES),
  calibration: z.array(StageCalibrationSchema),
  range: z.object({ p10: z.number(), p50: z.number(), p90: z.number() }).nullable(),
  pipelineCoverage: z.number().nullable(),
  warnings: z.array(z.string()),
  deals: z.array(
    z.object({
      opportunityId: z.number().int(),
      name: z.string(),
      ownerId: z.number().int().nullable(),
      stageId: z.number().int(),
      amount: z.number(),
      stageProbability: z.number(),
      cycleAgeProbability: z.number().nullable(),
      category: z.string(),
      forecastAmount: z.number().nullable(),
      expectedCloseDate: z.string().nullable(),
    }),
  ),
  trackRecord: ScopeAccuracySchema.nullable(),
  blended: z
    .object({
      value: z.number(),
      weights: z.record(z.string(), z.number()),
      beatsBest: z.boolean().nullable(),
    })
    .nullable()
    .describe(
      'every method weighted by 1/MAPE² of its track record; beatsBest false: it did not beat the best',
    ),
  recommended: z
    .object({
      method: z.string().describe("'blended' or the method id"),
      value: z.number(),
      reason: z.string(),
    })
    .nullable()
    .describe('the number to plan with: the blend while it beats the best method so far, else that method'),
});

/** GET /api/forecast: every method side by side for a period and scope, the P10-P90 range and the track record. */
const getForecast: RouteModule = (app, { db: primary, reportDb: db }) => {
  app.get(
    '/api/forecast',
    {
      schema: {
        tags: ['forecast'],
        summary: 'Forecast a period for the company, a team or a rep with every method',
        querystring: Query,
        response: { 200: Response },
      },
    },
    async (request) => {
      const q = request.query;
      return forecastReport(db, request.viewer, {
        periodKey: q.period,
        scope: parseScope(q.scope),
        now: new Date(),
        seed: q.seed,
        iterations: q.iterations,
        methods: parseMethodList(q.method),
        withTrackRecord: q.trackRecord === 'true',
        withDeals: q.deals === 'true',
        lookbackDays: q.lookback,
        judgementNewPipeline: q.callWithNewPipeline === 'true',
        probabilities: probabilityOverride(q.probabilities),
        cycleAge: q.cycleAge,
        trackRecordStore: primary,
        resultStore: primary,
      });
    },
  );
};
export default getForecast;
