import { noticesSchema } from '../../notice-schema.ts';
import { FORECAST_NOTICES } from '../../../domain/notices.ts';
import { z } from 'zod';
import { PROBABILITY_CHOICES } from '../../../domain/forecast/compute.ts';
import {
  forecastReport,
  forecastReportAllowingStale,
  refreshStoredForecast,
} from '../../../store/queries/forecast/forecast-report.ts';
import type { RouteModule } from '../../app-types.ts';
import { ForecastQuery, forecastRequestOf } from './forecast-query.ts';
import {
  MethodResultSchema,
  NewPipelineSchema,
  StageCalibrationSchema,
  PeriodSchema,
  ScopeAccuracySchema,
} from './schemas.ts';

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
  notices: noticesSchema(FORECAST_NOTICES),
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
  stale: z
    .boolean()
    .describe(
      'true only with stale=allow: the data changed since this answer was made at asOf; the current one is being ' +
        'computed, ask again',
    ),
});

/**
 * When a stale answer's computation starts: once this process has no request in flight (checked every
 * STALE_REFRESH_CHECK_MS from STALE_REFRESH_MIN_MS on: the page also loads its chart code and its later requests
 * after the first answers), or after STALE_REFRESH_MAX_MS at most. Computing takes ~1.5 s
 * of this process's CPU at 200 reps (Monte Carlo in blocks that hold the event loop), so started at once it queued
 * the rest of the page that asked (its other panels' requests, a few ms each, took seconds); they go first.
 */
export const STALE_REFRESH_MIN_MS = 1_500;
const STALE_REFRESH_CHECK_MS = 100;
const STALE_REFRESH_MAX_MS = 5_000;

/**
 * GET /api/forecast: every method side by side for a period and scope, the P10-P90 range and the track record.
 * With stale=allow a stored answer the data has moved past is returned at once, flagged, and the current one is
 * computed in the background and stored, where the next request reads it: once per process for the same
 * computation however many requests ask meanwhile, and not at all while another process or the forecast-refresh
 * job holds the claim on it (refreshStoredForecast).
 */
const getForecast: RouteModule = (app, { db: primary, reportDb: db }) => {
  const refreshing = new Map<string, Promise<unknown>>();
  app.addHook('onClose', async () => {
    await Promise.allSettled(refreshing.values());
  });
  // Every request of this process (a hook on the root instance sees every route's), to start a stale answer's
  // computation when none is in flight.
  const inFlight = new Set<object>();
  app.addHook('onRequest', async (request) => {
    inFlight.add(request);
  });
  app.addHook('onResponse', async (request) => {
    inFlight.delete(request);
  });
  app.addHook('onRequestAbort', async (request) => {
    inFlight.delete(request);
  });
  const idle = async () => {
    const started = Date.now();
    await new Promise((resolve) => setTimeout(resolve, STALE_REFRESH_MIN_MS));
    while (inFlight.size > 0 && Date.now() - started < STALE_REFRESH_MAX_MS)
      await new Promise((resolve) => setTimeout(resolve, STALE_REFRESH_CHECK_MS));
  };
  app.get(
    '/api/forecast',
    {
      schema: {
        tags: ['forecast'],
        summary: 'Forecast a period for the company, a team or a rep with every method',
        querystring: ForecastQuery,
        response: { 200: Response },
      },
    },
    async (request) => {
      const req = forecastRequestOf(request.query, new Date(), primary);
      if (request.query.stale === 'never') {
        return { ...(await forecastReport(db, request.viewer, req)), stale: false };
      }
      const { report, stale } = await forecastReportAllowingStale(db, request.viewer, req);
      if (stale !== null && !refreshing.has(stale)) {
        const run = idle()
          .then(() => refreshStoredForecast(db, request.viewer, req))
          .catch((err: unknown) => request.log.warn({ err }, 'forecast refresh after a stale answer failed'))
          .finally(() => refreshing.delete(stale));
        refreshing.set(stale, run);
      }
      return { ...report, stale: stale !== null };
    },
  );
};
export default getForecast;
