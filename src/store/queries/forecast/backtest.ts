import type { Viewer } from '../../../domain/access/viewer.ts';
import { addDays, daysBetween } from '../../../domain/calendar/local-date.ts';
import {
  periodContaining,
  previousPeriod,
  type Grain,
  type Period,
  type PeriodCalendar,
} from '../../../domain/calendar/period.ts';
import { instantToLocal, localDateToInstant } from '../../../domain/calendar/zoned.ts';
import {
  errorStats,
  mostAccurate,
  type ErrorStats,
  type ForecastOutcome,
} from '../../../domain/forecast/accuracy.ts';
import type { CycleAgeMode } from '../../../domain/forecast/cycle-age.ts';
import {
  blendedBacktest,
  type BacktestCheckpoint,
  type BlendedAccuracy,
} from '../../../domain/forecast/blend.ts';
import {
  computeScope,
  scopeNewPipeline,
  stageRatesUsed,
  type ProbabilitySource,
} from '../../../domain/forecast/compute.ts';
import type { ForecastInputs } from '../../../domain/forecast/inputs.ts';
import type { Scope } from '../../../domain/access/scope.ts';
import { coversOwnerKey, scopeKey } from '../../../domain/forecast/scope.ts';
import {
  recommendationFor,
  recommendedBacktest,
  type Recommendation,
  type RecommendedAccuracy,
} from '../../../domain/forecast/recommended.ts';
import { METHOD_IDS, type MethodId } from '../../../domain/forecast/types.ts';
import type { Db } from '../../db.ts';
import { getSettings } from '../../tables/settings.ts';
import { actualWonByOwnerMany, DEFAULT_LOOKBACK_DAYS, loadForecastInputsMany } from './load-inputs.ts';
import { openStages, type OpenStage } from './open-stages.ts';
import { listVisibleScopes, type ScopeWithName } from './resolve-scope.ts';
import {
  checkpointMapKey,
  checkpointOptionsKey,
  forecastDataVersion,
  readCheckpoints,
  storedScopeKey,
  writeCheckpoints,
  type CheckpointKey,
  type CheckpointLearned,
  type CheckpointResult,
} from './stored-checkpoints.ts';

/**
 * Checkpoints whose inputs load together (one query per input for all of them). 16 holds the 12 of GET
 * /api/forecast's track record (four periods, three slots each), so its windows are read once (window-segments.ts)
 * rather than in two batches; the batch still bounds the created-deal lists a long weekly run holds at once.
 */
const CHECKPOINT_BATCH = 16;

export interface BacktestOptions {
  grain: Grain;
  /** How many finished periods before the current one to test. */
  periods: number;
  /** Also forecast at every 7 days after the period start, not only at the start. */
  weekly: boolean;
  /**
   * At most this many checkpoints in all (a web request's bound): when the weekly schedule would need more, the
   * step between checkpoints widens to 14, 21, ... days until it fits. Period starts are always checkpoints, so the
   * at-start errors and the best method do not change. Default: no limit.
   */
  maxCheckpoints?: number;
  now: Date;
  seed: number;
  iterations: number;
  /** Restrict to these scopes (default: every scope the viewer may see). */
  scopes?: ScopeWithName[];
  /** Run-rate look-back in days (default 90). */
  lookbackDays?: number;
  /** Stage probabilities of every pipeline (default: each pipeline's setting). */
  probabilities?: ProbabilitySource;
  /** Cycle-age mode (default blend). */
  cycleAge?: CycleAgeMode;
  /**
   * Keep each checkpoint's numbers in this store, keyed by the data version, and reuse them while no write has
   * changed the data (the primary when `db` is a read replica; see stored-checkpoints.ts). Without it every
   * checkpoint is computed.
   */
  store?: Db;
  /** Learned probabilities count wins before the period ends (default true) or eventual wins (false). */
  timing?: boolean;
  /**
   * With `weekly`, forecast only at the checkpoints the accuracy slots read: the start, week 2 and mid-period (the
   * track record of GET /api/forecast: three forecasts a period instead of thirteen). `allCheckpoints` then covers
   * these three.
   */
  slotsOnly?: boolean;
  /** Called after each checkpoint (for a progress bar). */
  onProgress?: (done: number, total: number) => void;
}

/** One method's error for one scope: at the period starts only, and over every checkpoint. */
export interface MethodAccuracy {
  method: MethodId;
  atStart: ErrorStats;
  /** At the second week's checkpoint (7 days in); empty without weekly checkpoints. */
  atWeek2: ErrorStats;
  /** At the last weekly checkpoint at or before the middle of the period; empty without weekly checkpoints. */
  atMid: ErrorStats;
  allCheckpoints: ErrorStats;
}

type Buckets = {
  start: ForecastOutcome[];
  week2: ForecastOutcome[];
  mid: ForecastOutcome[];
  all: ForecastOutcome[];
};

export interface ScopeAccuracy {
  scopeKey: string;
  name: string;
  methods: MethodAccuracy[];
  /** Lowest MAPE at the period starts (the forecast leaders plan with). */
  best: MethodId | null;
  /** The blend of the methods weighted by their accuracy in earlier periods, scored like a method. */
  blended: BlendedAccuracy;
  /** The recommendation rule (blend while it beats the best method so far, else that method), scored at start. */
  recommended: RecommendedAccuracy;
  /** What the rule recommends for the next period, from every backtested period. */
  recommendNext: Recommendation | null;
}

/** One period of the company's backtest: what each method said at the start, and what was won. */
export interface BacktestPeriod {
  key: string;
  start: string;
  end: string;
  actual: number;
  atStart: Record<string, number>;
  /**
   * What the methods learned for the company at the period start, from what was known then: the pipeline yet to
   * be created (creation rate, win share, size, season) and each open stage's rates. Null when the company is not
   * among the backtested scopes.
   */
  learnedAtStart: BacktestLearned | null;
}

/** The learned inputs of one checkpoint (company level). */
export type BacktestLearned = CheckpointLearned;

export interface BacktestReport {
  grain: Grain;
  periods: BacktestPeriod[];
  checkpoints: number;
  /** Days between the checkpoints inside a period (7 when weekly and not widened), null for period starts only. */
  checkpointDays: number | null;
  scopes: ScopeAccuracy[];
}

function sumActual(actual: ReadonlyMap<string, number>, scope: Scope): number {
  let total = 0;
  for (const [k, v] of actual) if (coversOwnerKey(scope, k)) total += v;
  return total;
}

/** What a checkpoint's forecast learned for a scope: the new-pipeline inputs and the stage rates it applied. */
function learnedAt(
  inputs: ForecastInputs,
  scope: Scope,
  stages: readonly OpenStage[],
  o: BacktestOptions,
): CheckpointLearned {
  return {
    newPipeline: scopeNewPipeline(inputs, scope),
    stages: stageRatesUsed(inputs, stages, o.probabilities, o.timing ?? true).map((r, i) => ({
      ...r,
      stageName: stages[i]?.stageName ?? '',
    })),
  };
}

/** The finished periods of `grain` before the one containing today, oldest first. */
export function pastPeriods(today: string, grain: Grain, n: number, cal: PeriodCalendar): Period[] {
  const out: Period[] = [];
  let p = periodContaining(today, grain, cal);
  for (let i = 0; i < n; i++) {
    p = previousPeriod(p, cal);
    out.unshift(p);
  }
  return out;
}

/** Checkpoints of a period with `step` days between them (from its start, before its end). */
function checkpointCount(p: Period, step: number): number {
  return Math.ceil(daysBetween(p.start, p.end) / step);
}

/**
 * Days between checkpoints: 7 when weekly, widened by whole weeks until the total fits `max`; null for period
 * starts only (asked for, or no step shorter than the longest period fits).
 */
export function checkpointStep(periods: Period[], weekly: boolean, max = Infinity): number | null {
  if (!weekly) return null;
  const longest = Math.max(...periods.map((p) => daysBetween(p.start, p.end)));
  for (let step = 7; step < longest; step += 7) {
    if (periods.reduce((n, p) => n + checkpointCount(p, step), 0) <= max) return step;
  }
  return null;
}

/**
 * Backtest: for each finished period, rebuilds the pipeline at the period start (and each week after it), runs
 * every method with only what was known then, and compares with what was actually won in the period. Errors are
 * MAPE and bias (see accuracy.ts) per method for every scope the viewer may see.
 */
export async function runBacktest(db: Db, viewer: Viewer, o: BacktestOptions): Promise<BacktestReport> {
  const settings = await getSettings(db);
  const tz = settings.timeZone;
  const today = instantToLocal(o.now, tz).date;
  const periods = pastPeriods(today, o.grain, o.periods, settings);
  const scopes = (o.scopes ?? (await listVisibleScopes(db, viewer))).map((s) => ({
    ...s,
    key: scopeKey(s.scope.subject),
  }));
  // outcomes[scopeKey][method] -> { start: [...], all: [...] }
  const outcomes = new Map<string, Map<MethodId, Buckets>>();
  for (const s of scopes)
    outcomes.set(s.key, new Map(METHOD_IDS.map((m) => [m, { start: [], week2: [], mid: [], all: [] }])));
  const checkpointRows = new Map<string, BacktestCheckpoint[]>(scopes.map((s) => [s.key, []]));
  let checkpoints = 0;
  const step = checkpointStep(periods, o.weekly, o.maxCheckpoints);

  // Every checkpoint first, so their inputs load set-based, CHECKPOINT_BATCH at a time (one query per input for
  // the batch; the batch bounds the memory the created-deal lists take on a long weekly run).
  const plan: { periodIndex: number; period: Period; k: number; week2K: number; midK: number; asOf: Date }[] =
    [];
  for (const [periodIndex, period] of periods.entries()) {
    // The checkpoint at or before the middle of the period (day 42 of a 91-day quarter when weekly). When a web
    // request widened the step, the slots follow the real days: "week 2" exists only on a weekly schedule, and a
    // step longer than half the period has no mid-period checkpoint (never the start counted as the middle).
    const midAt = step === null ? -1 : Math.floor(daysBetween(period.start, period.end) / 2 / step);
    const midK = midAt >= 1 ? midAt : -1;
    const week2K = step === 7 ? 1 : -1;
    for (
      let day = period.start, k = 0;
      day < period.end && (k === 0 || step !== null);
      day = addDays(day, step ?? 7), k++
    ) {
      if (o.slotsOnly && k !== 0 && k !== week2K && k !== midK) continue;
      plan.push({ periodIndex, period, k, week2K, midK, asOf: localDateToInstant(day, tz) });
    }
  }
  const total = plan.length;
  // Stored checkpoints first: a finished period's numbers cannot change until the data does.
  const checkpointKeys = (c: (typeof plan)[number]): CheckpointKey[] =>
    scopes.map((s) => ({ scopeKey: storedScopeKey(s.scope), periodKey: c.period.key, asOf: c.asOf }));
  const optionsKey = checkpointOptionsKey({
    seed: o.seed,
    iterations: o.iterations,
    lookbackDays: o.lookbackDays ?? DEFAULT_LOOKBACK_DAYS,
    probabilities: o.probabilities,
    cycleAge: o.cycleAge,
    timing: o.timing,
  });
  const version = o.store ? await forecastDataVersion(db) : null;
  const stored =
    o.store && version !== null
      ? await readCheckpoints(o.store, version, optionsKey, plan.flatMap(checkpointKeys))
      : new Map<string, CheckpointResult>();
  const missing = plan.filter((c) => checkpointKeys(c).some((k) => !stored.has(checkpointMapKey(k))));
  const computed = new Map<string, CheckpointResult>();
  let done = plan.length - missing.length;
  let stages: OpenStage[] = [];
  if (missing.length > 0) {
    const load = (batch: typeof missing) =>
      loadForecastInputsMany(
        db,
        { now: o.now, timeZone: tz, lookbackDays: o.lookbackDays },
        batch.map((c) => ({ period: c.period, asOf: c.asOf })),
      );
    // The actuals, the stages and the first batch's inputs are independent reads: run together, the database works
    // on them at once instead of one after the other (the first request after a write waits for all of them).
    const [actuals, openStageList, firstLoaded] = await Promise.all([
      actualWonByOwnerMany(db, periods, tz),
      openStages(db),
      load(missing.slice(0, CHECKPOINT_BATCH)),
    ]);
    stages = openStageList;
    for (let from = 0; from < missing.length; from += CHECKPOINT_BATCH) {
      const batch = missing.slice(from, from + CHECKPOINT_BATCH);
      const loaded = from === 0 ? firstLoaded : await load(batch);
      for (const [i, c] of batch.entries()) {
        const inputs = loaded[i] as ForecastInputs;
        const actual = actuals[c.periodIndex] as Map<string, number>;
        for (const [j, { scope }] of scopes.entries()) {
          const results = computeScope(inputs, scope, {
            seed: o.seed,
            iterations: o.iterations,
            probabilities: o.probabilities,
            cycleAge: o.cycleAge,
            timing: o.timing,
          });
          computed.set(checkpointMapKey(checkpointKeys(c)[j] as CheckpointKey), {
            actual: sumActual(actual, scope),
            values: new Map(results.map((r) => [r.method, r.value])),
            learned:
              c.k === 0 && scope.subject.type === 'company' ? learnedAt(inputs, scope, stages, o) : undefined,
          });
        }
        done += 1;
        o.onProgress?.(done, total);
      }
    }
    // Stored only when no write landed while computing: then every query above read the data of `version`.
    if (o.store && version !== null && (await forecastDataVersion(db)) === version) {
      await writeCheckpoints(
        o.store,
        version,
        optionsKey,
        missing.flatMap((c) =>
          checkpointKeys(c).map((k) => ({
            ...k,
            ...(computed.get(checkpointMapKey(k)) as CheckpointResult),
          })),
        ),
      );
    }
  }

  const companyRows: BacktestPeriod[] = periods.map((period) => ({
    key: period.key,
    start: period.start,
    end: period.end,
    actual: 0,
    atStart: {},
    learnedAtStart: null,
  }));
  for (const c of plan) {
    const { periodIndex, k, week2K, midK } = c;
    checkpoints += 1;
    const row = companyRows[periodIndex] as BacktestPeriod;
    for (const [j, { scope, key }] of scopes.entries()) {
      const mk = checkpointMapKey(checkpointKeys(c)[j] as CheckpointKey);
      const result = (stored.get(mk) ?? computed.get(mk)) as CheckpointResult;
      const truth = result.actual;
      const byMethod = outcomes.get(key) as Map<MethodId, Buckets>;
      checkpointRows.get(key)?.push({
        period: periodIndex,
        slot: k === 0 ? 'start' : k === week2K ? 'week2' : k === midK ? 'mid' : null,
        day: k * (step ?? 0),
        actual: truth,
        values: new Map(result.values),
      });
      for (const [method, value] of result.values) {
        const bucket = byMethod.get(method) as Buckets;
        const outcome = { forecast: value, actual: truth };
        bucket.all.push(outcome);
        if (k === 0) bucket.start.push(outcome);
        if (k === week2K) bucket.week2.push(outcome);
        if (k === midK) bucket.mid.push(outcome);
        if (k === 0 && scope.subject.type === 'company') {
          row.atStart[method] = value;
          row.actual = truth;
        }
      }
      if (k === 0 && scope.subject.type === 'company') row.learnedAtStart = result.learned ?? null;
    }
  }
  if (missing.length === 0) o.onProgress?.(total, total);

  return {
    grain: o.grain,
    periods: companyRows,
    checkpoints,
    checkpointDays: step,
    scopes: scopes.map((s) => {
      const byMethod = outcomes.get(s.key) as Map<MethodId, Buckets>;
      const methods = METHOD_IDS.map((m) => {
        const b = byMethod.get(m) as Buckets;
        return {
          method: m,
          atStart: errorStats(b.start),
          atWeek2: errorStats(b.week2),
          atMid: errorStats(b.mid),
          allCheckpoints: errorStats(b.all),
        };
      });
      return {
        scopeKey: s.key,
        name: s.name,
        methods,
        best: mostAccurate(new Map(methods.map((m) => [m.method, m.atStart]))),
        blended: blendedBacktest(checkpointRows.get(s.key) ?? []),
        recommended: recommendedBacktest(checkpointRows.get(s.key) ?? []),
        recommendNext: recommendationFor(checkpointRows.get(s.key) ?? [], periods.length),
      };
    }),
  };
}
