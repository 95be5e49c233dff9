import { z } from 'zod';
import type { Db } from '../../../store/db.ts';
import { CYCLE_AGE_MODES } from '../../../domain/forecast/cycle-age.ts';
import { PROBABILITY_CHOICES, probabilityOverride } from '../../../domain/forecast/compute.ts';
import { parseMethodList } from '../../../domain/forecast/method-list.ts';
import { parseScope } from '../../../domain/forecast/scope.ts';
import type { ForecastRequest } from '../../../store/queries/forecast/forecast-report.ts';
import { ScopeField } from '../../input-schemas.ts';
import { PeriodField } from './schemas.ts';

/**
 * GET /api/forecast's query and the forecast request it makes. Shared with the forecast-refresh job, which asks for
 * the manager home's forecast exactly as the page does, so the answer it stores has the key the page's request
 * reads (stored-live-results.ts: every option, defaults included, is part of the key).
 */
export const ForecastQuery = z.object({
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
  stale: z
    .enum(['allow', 'never'])
    .default('never')
    .describe(
      "'allow': when the data changed since the stored answer for this scope, period, day and options, return that " +
        'answer at once with stale: true (its asOf says when it was made) and compute the current one in the ' +
        "background; ask again for it. Without a stored answer of the day it computes as 'never' does",
    ),
});

export type ForecastQueryValues = z.infer<typeof ForecastQuery>;

/** The forecast request of a parsed query, made at `now`, keeping the track record and the answer in `store`. */
export function forecastRequestOf(q: ForecastQueryValues, now: Date, store: Db): ForecastRequest {
  return {
    periodKey: q.period,
    scope: parseScope(q.scope),
    now,
    seed: q.seed,
    iterations: q.iterations,
    methods: parseMethodList(q.method),
    withTrackRecord: q.trackRecord === 'true',
    withDeals: q.deals === 'true',
    lookbackDays: q.lookback,
    judgementNewPipeline: q.callWithNewPipeline === 'true',
    probabilities: probabilityOverride(q.probabilities),
    cycleAge: q.cycleAge,
    trackRecordStore: store,
    resultStore: store,
  };
}

/**
 * The manager home's forecast panel's query (web/src/pages/manager/ForecastPanel.tsx: the company, the current
 * quarter, seed FORECAST_SEED, with the track record, no deal lines), for the job that keeps it stored.
 */
export function managerHomeForecastQuery(periodKey: string): ForecastQueryValues {
  return ForecastQuery.parse({
    period: periodKey,
    scope: 'company',
    seed: '1',
    trackRecord: 'true',
    deals: 'false',
  });
}
