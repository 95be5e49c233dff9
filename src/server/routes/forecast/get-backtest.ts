import { z } from 'zod';
import type { Viewer } from '../../../domain/access/viewer.ts';
import { CYCLE_AGE_MODES } from '../../../domain/forecast/cycle-age.ts';
import { PROBABILITY_CHOICES, probabilityOverride } from '../../../domain/forecast/compute.ts';
import { runBacktest, type ScopeAccuracy } from '../../../store/queries/forecast/backtest.ts';
import type { RouteModule } from '../../app-types.ts';
import { BacktestLearnedSchema, MethodField, ScopeAccuracySchema } from './schemas.ts';

/**
 * A web request forecasts at most this many instants (about 25 ms of database work each on the default demo on
 * PGlite, which serves one request at a time): weekly checkpoints widen to every 2, 3, ... weeks beyond it. The
 * CLI's `pacesetter forecast backtest` keeps the full weekly run.
 */
export const WEB_MAX_CHECKPOINTS = 8;

const Query = z.object({
  grain: z.enum(['month', 'quarter']).default('quarter'),
  periods: z.coerce.number().int().min(1).max(12).default(4).describe('finished periods to test'),
  weekly: z
    .enum(['true', 'false'])
    .default('true')
    .describe(
      `also forecast during each period, weekly (widened to every n weeks beyond ${WEB_MAX_CHECKPOINTS} checkpoints)`,
    ),
  seed: z.coerce
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1)
    .default(1),
  lookback: z.coerce.number().int().min(7).max(730).default(90).describe('run-rate look-back in days'),
  iterations: z.coerce.number().int().min(100).max(5_000).default(500),
  probabilities: z
    .enum(PROBABILITY_CHOICES)
    .default('settings')
    .describe("stage probabilities: each pipeline's setting, or configured / learned for all"),
  cycleAge: z
    .enum(CYCLE_AGE_MODES)
    .default('blend')
    .describe("cycle-age: 'blend' (with the stage probability) or 'age' (age / typical cycle, capped)"),
});

const Response = z.object({
  grain: z.string(),
  checkpoints: z.number().int(),
  checkpointDays: z
    .number()
    .int()
    .nullable()
    .describe('days between checkpoints inside a period (7 = weekly); null for period starts only'),
  periods: z.array(
    z.object({
      key: z.string(),
      start: z.string(),
      end: z.string(),
      actual: z.number(),
      atStart: z.record(z.string(), z.number()),
      learnedAtStart: BacktestLearnedSchema.nullable().describe(
        'what the methods learned for the company at the period start: the pipeline yet to be created and the stage rates used',
      ),
    }),
  ),
  scopes: z.array(ScopeAccuracySchema),
  yourScope: z
    .string()
    .nullable()
    .describe('the scope that is yours: your rep scope, your first team, or the company'),
  bestForYou: MethodField.nullable().describe(
    'the method with the lowest MAPE at period start for your scope',
  ),
});

/** The scope a viewer reads first: a rep's own numbers, a manager's first visible team, else the company. */
function yourScope(viewer: Viewer, scopes: ScopeAccuracy[]): ScopeAccuracy | null {
  if (viewer.role === 'rep' && viewer.userId !== null)
    return scopes.find((s) => s.scopeKey === `rep:${viewer.userId}`) ?? null;
  if (viewer.role === 'manager') return scopes.find((s) => s.scopeKey.startsWith('team:')) ?? null;
  return scopes.find((s) => s.scopeKey === 'company') ?? null;
}

/** GET /api/forecast/backtest: each method's error (MAPE, bias) on past periods, per scope the viewer may see. */
const getBacktest: RouteModule = (app, { db: primary, reportDb: db }) => {
  app.get(
    '/api/forecast/backtest',
    {
      schema: {
        tags: ['forecast'],
        summary:
          'Backtest every forecast method on finished periods: MAPE and bias per company, team and rep',
        querystring: Query,
        response: { 200: Response },
      },
    },
    async (request) => {
      const q = request.query;
      const report = await runBacktest(db, request.viewer, {
        grain: q.grain,
        periods: q.periods,
        weekly: q.weekly === 'true',
        maxCheckpoints: WEB_MAX_CHECKPOINTS,
        now: new Date(),
        seed: q.seed,
        iterations: q.iterations,
        lookbackDays: q.lookback,
        probabilities: probabilityOverride(q.probabilities),
        cycleAge: q.cycleAge,
        store: primary,
      });
      const mine = yourScope(request.viewer, report.scopes);
      return { ...report, yourScope: mine?.scopeKey ?? null, bestForYou: mine?.best ?? null };
    },
  );
};
export default getBacktest;
