import { addDays, daysBetween } from '../calendar/local-date.ts';
import { seededRandom } from '../random/seeded-random.ts';
import { cycleAgeForecast, type CycleAgeMode } from './cycle-age.ts';
import type { Scope } from '../access/scope.ts';
import type { ForecastInputs } from './inputs.ts';
import { MIN_CYCLE_SAMPLES } from './inputs.ts';
import { categoryRollup, judgementForecast, type CategoryRollup } from './judgement.ts';
import { LearnedProbabilities, type StageCalibration } from './learned-probability.ts';
import { newPipelineEstimate, type NewPipelineEstimate } from './new-pipeline.ts';
import { monteCarloForecast } from './monte-carlo.ts';
import { growthTrend, rampFactor, runRateForecast, type GrowthSource, type NewRep } from './run-rate.ts';
import { RUN_RATE_SEASON_SHIFT_DAYS, runRateSeason } from './run-rate-season.ts';
import { coversOwnerKey, ownerKey, rollupKeys, scopeKey } from './scope.ts';
import { StageAgeRates } from './stage-age.ts';
import { StageTimings } from './stage-timing.ts';
import { stageWeightedForecast } from './stage-weighted.ts';
import type { ForecastDeal, MethodId, MethodResult } from './types.ts';

const DAYS_PER_MONTH = 365.25 / 12;

export interface ComputeOptions {
  seed: number;
  iterations: number;
  /** Methods to run; all when omitted. */
  methods?: readonly MethodId[];
  /** Add the pipeline yet to be created to stage-weighted, cycle-age and Monte Carlo (default true). */
  newPipeline?: boolean;
  /** Also add it to the commit call (judgement); off by default, a call is the rep's own number. */
  judgementNewPipeline?: boolean;
  /** Cycle-age: blended with the stage probability (default) or the brief's age / typical cycle alone. */
  cycleAge?: CycleAgeMode;
  /**
   * Stage probabilities for every pipeline: as configured on the stages or learned from closed deals (shrunk).
   * Absent: each pipeline's workspace setting (inputs.learnedPipelines).
   */
  probabilities?: ProbabilitySource;
  /**
   * Learned probabilities count only the wins expected before the period ends (default true); false uses the
   * eventual rate (what a deal in the stage converts at, whenever).
   */
  timing?: boolean;
}

export const PROBABILITY_SOURCES = ['configured', 'learned'] as const;
export type ProbabilitySource = (typeof PROBABILITY_SOURCES)[number];
/** What a request may ask for: one source for every pipeline, or each pipeline's setting. */
export const PROBABILITY_CHOICES = ['settings', ...PROBABILITY_SOURCES] as const;
export type ProbabilityChoice = (typeof PROBABILITY_CHOICES)[number];

/** The override a choice makes: none for 'settings'. */
export function probabilityOverride(choice: ProbabilityChoice | undefined): ProbabilitySource | undefined {
  return choice === 'settings' ? undefined : choice;
}

/** The source a pipeline's deals use: the request's override, else the pipeline's setting. */
export function probabilitySourceOf(
  inputs: ForecastInputs,
  pipelineId: number,
  override: ProbabilitySource | undefined,
): ProbabilitySource {
  if (override) return override;
  return inputs.learnedPipelines?.has(pipelineId) ? 'learned' : 'configured';
}

/**
 * The deals with the stage probability each one is forecast with. Where its pipeline's source is 'learned', the
 * learned rate is the chance of a win _before the period ends_: the eventual rate times the share of the stage's
 * wins that came within the days left (stage-timing.ts), unless `timing` is off (the eventual rate alone).
 */
export function withProbabilities(
  inputs: ForecastInputs,
  deals: readonly ForecastDeal[],
  override: ProbabilitySource | undefined,
  timing = true,
): ForecastDeal[] {
  const daysLeft = Math.max(0, daysBetween(inputs.window.asOfDate, inputs.window.end));
  return deals.map((d) => {
    if (probabilitySourceOf(inputs, d.pipelineId, override) !== 'learned') return d;
    // The learned rate is that of a deal met on a random day in the stage; its age there refines it (stage-age.ts).
    const age = daysBetween(d.stageEnteredDate ?? d.createdDate, inputs.window.asOfDate);
    const eventual = Math.min(
      1,
      learnedProbabilities(inputs).forDeal(d, ownerKey(d.ownerId)) *
        stageAges(inputs).factor(d.pipelineId, d.stageId, age),
    );
    const factor = timing ? stageTimings(inputs).factor(d.pipelineId, d.stageId, daysLeft) : 1;
    return { ...d, probability: eventual * factor };
  });
}

const ageCache = new WeakMap<ForecastInputs, StageAgeRates>();

/** The stage-age factors of an input set (built once). */
export function stageAges(inputs: ForecastInputs): StageAgeRates {
  let a = ageCache.get(inputs);
  if (!a) {
    a = new StageAgeRates(inputs.stageDurations ?? []);
    ageCache.set(inputs, a);
  }
  return a;
}

const timingCache = new WeakMap<ForecastInputs, StageTimings>();

/** The stage win timings of an input set (built once). */
export function stageTimings(inputs: ForecastInputs): StageTimings {
  let t = timingCache.get(inputs);
  if (!t) {
    t = new StageTimings(inputs.stageTimings ?? []);
    timingCache.set(inputs, t);
  }
  return t;
}

// One learned table per inputs: snapshots and backtests compute many scopes from the same inputs.
const learnedCache = new WeakMap<ForecastInputs, LearnedProbabilities>();

/** The learned stage probabilities of an input set (built once). */
export function learnedProbabilities(inputs: ForecastInputs): LearnedProbabilities {
  let l = learnedCache.get(inputs);
  if (!l) {
    l = new LearnedProbabilities(inputs.stageOutcomes);
    learnedCache.set(inputs, l);
  }
  return l;
}

/** A stage's rate as a forecast applies it at the company level: the calibration row and what was used. */
export interface StageRateUsed extends StageCalibration {
  source: ProbabilitySource;
  /** Share of the stage's eventual wins expected before the period ends (1 when not applied). */
  timingFactor: number;
  /** The probability stage-weighted gives the company's deals of the stage: configured, or learned × timing. */
  used: number;
}

/**
 * The company-level stage rates a forecast from these inputs uses (reps' own rates are shrunk toward these): the
 * calibration table with the timing factor for the days left and the probability applied.
 */
export function stageRatesUsed(
  inputs: ForecastInputs,
  stages: ReadonlyArray<{ pipelineId: number; stageId: number; configured: number }>,
  override: ProbabilitySource | undefined,
  timing = true,
): StageRateUsed[] {
  const daysLeft = Math.max(0, daysBetween(inputs.window.asOfDate, inputs.window.end));
  return learnedProbabilities(inputs)
    .calibration(stages)
    .map((c) => {
      const source = probabilitySourceOf(inputs, c.pipelineId, override);
      if (source !== 'learned') return { ...c, source, timingFactor: 1, used: c.configured };
      const timingFactor = timing ? stageTimings(inputs).factor(c.pipelineId, c.stageId, daysLeft) : 1;
      return { ...c, source, timingFactor, used: c.learned * timingFactor };
    });
}

/** Adds the pipeline yet to be created to a point method's result, keeping the two parts apart. */
function withNewPipeline(r: MethodResult, fresh: NewPipelineEstimate): MethodResult {
  return {
    ...r,
    value: r.value + fresh.value,
    projected: r.projected + fresh.value,
    inPipeline: r.projected,
    toBeCreated: fresh.value,
  };
}

function sumOver<T>(map: ReadonlyMap<string, T>, scope: Scope, pick: (v: T) => number): number {
  let total = 0;
  for (const [key, v] of map) if (coversOwnerKey(scope, key)) total += pick(v);
  return total;
}

/** Reps hired inside the look-back window: the base run-rate does not contain them yet, so the ramp adds them. */
function newRepsOf(inputs: ForecastInputs, scope: Scope): NewRep[] {
  const { asOfDate, start, end } = inputs.window;
  const remainingMonths = Math.max(0, daysBetween(asOfDate < start ? start : asOfDate, end)) / DAYS_PER_MONTH;
  const out: NewRep[] = [];
  for (const rep of inputs.reps) {
    if (!rep.hireDate || !coversOwnerKey(scope, ownerKey(rep.id))) continue;
    const tenureDays = daysBetween(rep.hireDate, asOfDate);
    if (tenureDays < 0 || tenureDays >= inputs.lookbackDays) continue;
    out.push({ rampFactor: rampFactor(tenureDays / DAYS_PER_MONTH, rep.rampMonths, remainingMonths) });
  }
  return out;
}

/** Company-wide output of a ramped rep: won deals per tenured rep per period, and the average won deal. */
function repProductivity(inputs: ForecastInputs, periodDays: number): { deals: number; avgDeal: number } {
  const { asOfDate } = inputs.window;
  let count = 0;
  let amount = 0;
  for (const v of inputs.lookbackWonByOwner.values()) {
    count += v.count;
    amount += v.amount;
  }
  const tenured = inputs.reps.filter(
    (r) => r.hireDate === null || daysBetween(r.hireDate, asOfDate) >= inputs.lookbackDays,
  );
  const withWins = tenured.filter((r) => (inputs.lookbackWonByOwner.get(ownerKey(r.id))?.count ?? 0) > 0);
  const reps = withWins.length;
  return {
    deals: reps > 0 ? (count / reps) * (periodDays / inputs.lookbackDays) : 0,
    avgDeal: count > 0 ? amount / count : 0,
  };
}

/**
 * The run-rate's season for a scope: last year's same days against last year's look-back, when last year's
 * look-back starts at least one look-back after the first recorded deal. Before that, won revenue is incomplete:
 * deals created before the first record (and won soon after) are missing, so the first months read as quiet and
 * would make every later month look like a surge.
 */
export function scopeRunRateSeason(inputs: ForecastInputs, scope: Scope): number | null {
  const ly = inputs.lastYearWon;
  const first = inputs.created.firstDate;
  const w = inputs.window;
  if (!ly || first === null) return null;
  if (
    addDays(w.asOfDate, -RUN_RATE_SEASON_SHIFT_DAYS - inputs.lookbackDays) <
    addDays(first, inputs.lookbackDays)
  )
    return null;
  const from = w.asOfDate < w.start ? w.start : w.asOfDate;
  const total = (m: ReadonlyMap<string, { amount: number; count: number }>) => ({
    amount: sumOver(m, scope, (v) => v.amount),
    count: sumOver(m, scope, (v) => v.count),
  });
  return runRateSeason(
    { remaining: total(ly.remainingByOwner), lookback: total(ly.lookbackByOwner) },
    Math.max(0, daysBetween(from, w.end)),
    inputs.lookbackDays,
  );
}

/** The run-rate's growth: the planned growth when set, else none on top of a season, else the trailing trend. */
function runRateGrowth(
  inputs: ForecastInputs,
  scope: Scope,
  season: number | null,
): { rate: number; source: GrowthSource } {
  if (inputs.plannedGrowthPct !== undefined && inputs.plannedGrowthPct !== null)
    return { rate: inputs.plannedGrowthPct / 100, source: 'planned' };
  // The season compares last year's same days with last year's look-back, so it already carries the growth
  // between the look-back and the days ahead; a trailing trend on top would count it twice.
  if (season !== null) return { rate: 0, source: 'season' };
  return {
    rate: growthTrend(
      sumOver(inputs.lookbackWonByOwner, scope, (v) => v.amount),
      sumOver(inputs.priorWonByOwner, scope, (v) => v),
    ),
    source: 'trend',
  };
}

/** The pipeline yet to be created for one scope, learned from the deals its owners created before the as-of day. */
export function scopeNewPipeline(inputs: ForecastInputs, scope: Scope): NewPipelineEstimate {
  return newPipelineEstimate(
    inputs.created.deals.filter((d) => coversOwnerKey(scope, d.ownerKey)),
    inputs.window,
    {
      lookbackDays: inputs.lookbackDays,
      firstDate: inputs.created.firstDate,
      calendar: inputs.created.calendar,
      // The creation trend is the business's: measured on every deal, applied to each scope's own rate.
      trendDeals: inputs.created.deals,
    },
  );
}

/** Runs the requested methods for one scope from shared inputs. */
export function computeScope(inputs: ForecastInputs, scope: Scope, options: ComputeOptions): MethodResult[] {
  const want = new Set<MethodId>(
    options.methods ?? ['stage_weighted', 'judgement', 'run_rate', 'cycle_age', 'monte_carlo'],
  );
  const w = inputs.window;
  const own: ForecastDeal[] = inputs.deals.filter((d) => coversOwnerKey(scope, ownerKey(d.ownerId)));
  const deals = withProbabilities(inputs, own, options.probabilities, options.timing ?? true);
  const daysLeft = Math.max(0, daysBetween(w.asOfDate, w.end));
  const wonToDate = sumOver(inputs.wonToDateByOwner, scope, (v) => v);
  const out: MethodResult[] = [];
  const useFresh = options.newPipeline ?? true;
  const fresh = scopeNewPipeline(inputs, scope);
  const point = (r: MethodResult): MethodResult => (useFresh ? withNewPipeline(r, fresh) : r);

  if (want.has('stage_weighted')) out.push(point(stageWeightedForecast(deals, w, wonToDate)));

  if (want.has('judgement')) {
    const rollupByRep = new Map<string, CategoryRollup>();
    const repKeys = rollupKeys(scope, inputs.userIds);
    // Each rep's deals in their order, grouped in one pass (a filter per rep was reps x deals key strings).
    const byOwner = new Map<string, ForecastDeal[]>();
    for (const d of deals) {
      const key = ownerKey(d.ownerId);
      const list = byOwner.get(key);
      if (list) list.push(d);
      else byOwner.set(key, [d]);
    }
    for (const key of repKeys) {
      const own = byOwner.get(key) ?? [];
      rollupByRep.set(key, categoryRollup(own, w, inputs.wonToDateByOwner.get(key) ?? 0));
    }
    const judged = judgementForecast({
      scopeKey: scopeKey(scope.subject),
      repKeys,
      calls: inputs.calls,
      rollupByRep,
      rollup: categoryRollup(deals, w, wonToDate),
      wonToDate,
    });
    out.push(useFresh && options.judgementNewPipeline ? withNewPipeline(judged, fresh) : judged);
  }

  if (want.has('run_rate')) {
    const periodDays = daysBetween(w.start, w.end);
    const from = w.asOfDate < w.start ? w.start : w.asOfDate;
    const productivity = repProductivity(inputs, periodDays);
    const season = scopeRunRateSeason(inputs, scope);
    const growth = runRateGrowth(inputs, scope, season);
    out.push(
      runRateForecast({
        wonInLookback: sumOver(inputs.lookbackWonByOwner, scope, (v) => v.amount),
        lookbackDays: inputs.lookbackDays,
        periodDays,
        remainingDays: Math.max(0, daysBetween(from, w.end)),
        growthRate: growth.rate,
        growthSource: growth.source,
        seasonFactor: season,
        newReps: newRepsOf(inputs, scope),
        dealsPerRepPerPeriod: productivity.deals,
        avgDealSize: productivity.avgDeal,
        wonToDate,
      }),
    );
  }

  if (want.has('cycle_age')) {
    out.push(
      point(
        cycleAgeForecast(
          deals,
          w,
          (d) => {
            const s = inputs.cycleStats.get(`${d.pipelineId}:${d.type}`);
            return s && s.samples >= MIN_CYCLE_SAMPLES ? s : null;
          },
          wonToDate,
          options.cycleAge,
          (d) =>
            options.timing !== false &&
            probabilitySourceOf(inputs, d.pipelineId, options.probabilities) === 'learned'
              ? stageTimings(inputs).factor(d.pipelineId, d.stageId, daysLeft)
              : 1,
        ),
      ),
    );
  }

  if (want.has('monte_carlo')) {
    // Monte Carlo times each win itself (the deal's close date moved by a slip drawn from history, and only wins
    // landing in the period count), so it takes the eventual rate: the within-period rate would count the
    // wins that come too late twice.
    const eventual = withProbabilities(inputs, own, options.probabilities, false);
    out.push(
      monteCarloForecast(eventual, w, inputs.slips, wonToDate, {
        iterations: options.iterations,
        random: seededRandom(options.seed),
        newPipeline: useFresh ? { expectedDeals: fresh.expectedDeals, avgDeal: fresh.avgWonDeal } : undefined,
      }),
    );
  }
  return out;
}
