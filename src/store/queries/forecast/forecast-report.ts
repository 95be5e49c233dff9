import type { ForecastNotice } from '../../../domain/notices.ts';
import { canSeeOwner, type Viewer } from '../../../domain/access/viewer.ts';
import { parsePeriod, type Period } from '../../../domain/calendar/period.ts';
import {
  ageProbability,
  ageRatioProbability,
  blendedProbability,
  type CycleAgeMode,
} from '../../../domain/forecast/cycle-age.ts';
import { defaultSeed } from '../../../domain/forecast/default-seed.ts';
import {
  computeScope,
  learnedProbabilities,
  probabilitySourceOf,
  scopeNewPipeline,
  withProbabilities,
  type ProbabilityChoice,
  type ProbabilitySource,
} from '../../../domain/forecast/compute.ts';
import { blendedValue, blendWeights } from '../../../domain/forecast/blend.ts';
import type { Recommendation } from '../../../domain/forecast/recommended.ts';
import type { StageCalibration } from '../../../domain/forecast/learned-probability.ts';
import type { NewPipelineEstimate } from '../../../domain/forecast/new-pipeline.ts';
import { closesInWindow } from '../../../domain/forecast/deal-window.ts';
import { MIN_CYCLE_SAMPLES } from '../../../domain/forecast/inputs.ts';
import { coversOwnerKey, ownerKey, scopeKey, type ForecastScope } from '../../../domain/forecast/scope.ts';
import type { DealCategory, MethodId, MethodResult } from '../../../domain/forecast/types.ts';
import { daysBetween } from '../../../domain/calendar/local-date.ts';
import { instantToLocal } from '../../../domain/calendar/zoned.ts';
import type { Db } from '../../db.ts';
import { inList } from '../../sql/lists.ts';
import { getSettings } from '../../tables/settings.ts';
import type { WorkspaceSettings } from '../../../domain/settings.ts';
import { runBacktest, type ScopeAccuracy } from './backtest.ts';
import { loadForecastInputs } from './load-inputs.ts';
import { openStages } from './open-stages.ts';
import { resolveScope, type ScopeWithName } from './resolve-scope.ts';
import { forecastDataVersion, storedScopeKey } from './stored-checkpoints.ts';
import {
  claimLiveRefresh,
  liveOptionsKey,
  liveRefreshKey,
  readLiveResult,
  readNewestLiveResult,
  releaseLiveRefresh,
  writeLiveResult,
  type LiveResultKey,
} from './stored-live-results.ts';

/** One open deal closing in the period, as the forecast counts it (only deals the viewer may see). */
export interface ForecastDealLine {
  opportunityId: number;
  name: string;
  ownerId: number | null;
  stageId: number;
  amount: number;
  stageProbability: number;
  cycleAgeProbability: number | null;
  category: DealCategory;
  forecastAmount: number | null;
  expectedCloseDate: string | null;
}

export interface ForecastReport {
  period: Period;
  scope: { key: string; name: string };
  asOf: Date;
  currency: string;
  seed: number;
  methods: MethodResult[];
  /** The pipeline yet to be created that the pipeline methods add, and what it is learned from. */
  newPipeline: NewPipelineEstimate;
  /** Stage probabilities asked for: one source for every pipeline, or 'settings' (each pipeline's own). */
  probabilities: ProbabilityChoice;
  /**
   * Per open stage: configured probability vs the company's observed win rate and the learned (shrunk) one, and
   * the one the methods used for its pipeline (`source`).
   */
  calibration: Array<StageCalibration & { stageName: string; source: ProbabilitySource }>;
  /** Monte Carlo P10 / P50 / P90, when that method ran. */
  range: { p10: number; p50: number; p90: number } | null;
  /** Open pipeline closing in the period against what the run-rate says is still to come (below 1: thin pipeline). */
  pipelineCoverage: number | null;
  warnings: string[];
  /** The warnings as codes and values (src/domain/notices.ts). */
  notices: ForecastNotice[];
  deals: ForecastDealLine[];
  /** How each method did over the last four periods of this kind, at their start (null when not requested). */
  trackRecord: ScopeAccuracy | null;
  /** The methods weighted by 1/MAPE² of their track record (null without a track record). */
  blended: { value: number; weights: Record<string, number>; beatsBest: boolean | null } | null;
  /** The number to plan with: the blend while it has beaten the best method so far, else that method. */
  recommended: { method: Recommendation; value: number; reason: string } | null;
}

export interface ForecastRequest {
  periodKey: string;
  scope: ForecastScope;
  now: Date;
  /** Monte Carlo seed; when omitted, defaultSeed(scope, period, as-of day) so a page shows one range all day. */
  seed?: number;
  iterations: number;
  methods?: readonly MethodId[];
  withTrackRecord: boolean;
  /** Deal lines (default true); false leaves `deals` empty and skips reading their names. */
  withDeals?: boolean;
  /** Run-rate and new-pipeline look-back in days (default 90). */
  lookbackDays?: number;
  /** Add the pipeline yet to be created to the commit call too (judgement). */
  judgementNewPipeline?: boolean;
  /** Stage probabilities of every pipeline; absent: each pipeline's workspace setting. */
  probabilities?: ProbabilitySource;
  /** Cycle-age mode (default blend). */
  cycleAge?: CycleAgeMode;
  /**
   * Where the track record's checkpoints are kept between requests (the primary store; see
   * stored-checkpoints.ts). Absent: computed on every request.
   */
  trackRecordStore?: Db;
  /**
   * Where the whole report is kept per scope, period and as-of day between requests (the primary store; see
   * stored-live-results.ts). Absent: computed on every request.
   */
  resultStore?: Db;
}

/** A stored report as read back from its JSON (one stored before notices existed has none). */
type StoredReport = Omit<ForecastReport, 'asOf' | 'notices'> & { asOf: string; notices?: ForecastNotice[] };

/** What forecastReport and forecastReportAllowingStale share: the scope, the store's key and the viewer's filter. */
async function prepare(db: Db, viewer: Viewer, req: ForecastRequest) {
  const settings = await getSettings(db);
  const period = parsePeriod(req.periodKey, settings);
  const named = await resolveScope(db, viewer, req.scope);
  const forViewer = (report: ForecastReport): ForecastReport => ({
    ...report,
    deals: report.deals.filter((d) => canSeeOwner(viewer, d.ownerId)),
  });
  const key: LiveResultKey = {
    scopeKey: storedScopeKey(named.scope),
    periodKey: period.key,
    asOfDay: instantToLocal(req.now, settings.timeZone).date,
  };
  const revive = (stored: unknown): ForecastReport => {
    const r = stored as StoredReport;
    // No notices: the web app shows the English warnings, as it does for notices it cannot match to them.
    return { ...r, asOf: new Date(r.asOf), notices: r.notices ?? [] };
  };
  return { settings, period, named, forViewer, key, optionsKey: liveOptionsKey(req), revive };
}

/** Every method side by side for one scope and period, with the range, warnings, deal lines and track record. */
export async function forecastReport(db: Db, viewer: Viewer, req: ForecastRequest): Promise<ForecastReport> {
  const { settings, period, named, forViewer, key, optionsKey, revive } = await prepare(db, viewer, req);
  const store = req.resultStore;
  const version = store ? await forecastDataVersion(db) : null;
  if (!store || version === null)
    return forViewer(await scopeReport(db, viewer, req, settings, period, named));
  const stored = await readLiveResult(store, version, optionsKey, key);
  if (stored) return forViewer(revive(stored));
  const report = await scopeReport(db, viewer, req, settings, period, named);
  // Stored only when no write landed between the inputs' queries (the version is the same before and after).
  if ((await forecastDataVersion(db)) === version)
    await writeLiveResult(store, version, optionsKey, key, report);
  return forViewer(report);
}

/**
 * forecastReport for a page that would rather show the last answer, labelled, than wait for a new one: when the
 * store holds no report of the current data version for the key (scope, period, as-of day and options) but one of
 * an older version, that one is returned with `stale` set to the stored answer's key at the current version (what
 * the caller computes, with forecastReport, to store the current answer; equal strings name the same computation)
 * and nothing is computed here. Without any stored report for the key (the first request of a day, or no result
 * store), it is forecastReport, `stale: null`. The viewer's deal filter applies either way.
 */
export async function forecastReportAllowingStale(
  db: Db,
  viewer: Viewer,
  req: ForecastRequest,
): Promise<{ report: ForecastReport; stale: string | null }> {
  const store = req.resultStore;
  if (store) {
    const { forViewer, key, optionsKey, revive } = await prepare(db, viewer, req);
    const version = await forecastDataVersion(db);
    const newest = version === null ? null : await readNewestLiveResult(store, version, optionsKey, key);
    if (newest) {
      const current = newest.version === version;
      const refresh = liveRefreshKey(version ?? '', optionsKey, key);
      return { report: forViewer(revive(newest.report)), stale: current ? null : refresh };
    }
  }
  return { report: await forecastReport(db, viewer, req), stale: null };
}

/**
 * Stores the current answer for `req` in the background (req.resultStore is required): nothing to do when it is
 * stored already ('current'); left to whoever holds the claim on computing it, another request or process ('busy');
 * else claimed, computed and stored ('computed', unless a write landed meanwhile: then the next refresh computes).
 * For the forecast-refresh job and the computation a stale answer starts, so that both never compute the same
 * answer at once; a request that must answer computes with forecastReport whatever the claims.
 */
export async function refreshStoredForecast(
  db: Db,
  viewer: Viewer,
  req: ForecastRequest,
): Promise<'current' | 'busy' | 'computed'> {
  const store = req.resultStore;
  if (!store) throw new Error('refreshStoredForecast needs a result store');
  const { key, optionsKey } = await prepare(db, viewer, req);
  const version = await forecastDataVersion(db);
  const stored = async () =>
    version !== null && (await readLiveResult(store, version, optionsKey, key)) !== null;
  if (await stored()) return 'current';
  const refreshKey = liveRefreshKey(version ?? '', optionsKey, key);
  if (!(await claimLiveRefresh(store, refreshKey))) return 'busy';
  try {
    // A claimant that finished between the read above and the claim has stored it.
    if (await stored()) return 'current';
    await forecastReport(db, viewer, req);
    return 'computed';
  } finally {
    await releaseLiveRefresh(store, refreshKey);
  }
}

/** forecastReport for the scope, every deal line of it included (the viewer's filter is the caller's). */
async function scopeReport(
  db: Db,
  viewer: Viewer,
  req: ForecastRequest,
  settings: WorkspaceSettings,
  period: Period,
  named: ScopeWithName,
): Promise<ForecastReport> {
  const { scope } = named;
  const key = scopeKey(req.scope);
  const seed = req.seed ?? defaultSeed(key, period.key, instantToLocal(req.now, settings.timeZone).date);
  // The track record does not depend on the forecast at now, so it is started first and the two overlap (one
  // waits for the database while the other computes). The no-op catch only keeps a failure from being reported as
  // unhandled while the forecast at now is still running; the error is thrown where it is awaited below.
  const trackRecordLoad =
    req.withTrackRecord && period.grain !== 'custom'
      ? runBacktest(db, viewer, {
          grain: period.grain,
          periods: 4,
          // The start, week 2 and mid-period of each period: the page shows the error at each.
          weekly: true,
          slotsOnly: true,
          now: req.now,
          seed,
          probabilities: req.probabilities,
          cycleAge: req.cycleAge,
          iterations: Math.min(req.iterations, 500),
          scopes: [named],
          lookbackDays: req.lookbackDays,
          store: req.trackRecordStore,
        }).then((bt) => bt.scopes[0] ?? null)
      : Promise.resolve(null);
  trackRecordLoad.catch(() => undefined);
  const inputs = await loadForecastInputs(db, {
    period,
    asOf: req.now,
    now: req.now,
    timeZone: settings.timeZone,
    lookbackDays: req.lookbackDays,
  });
  const methods = computeScope(inputs, scope, {
    seed,
    iterations: req.iterations,
    methods: req.methods,
    judgementNewPipeline: req.judgementNewPipeline,
    probabilities: req.probabilities,
    cycleAge: req.cycleAge,
  });
  const stages = await openStages(db);
  const calibrated = learnedProbabilities(inputs).calibration(stages);
  const calibration = calibrated.map((c, i) => ({
    ...c,
    stageName: stages[i]?.stageName ?? '',
    source: probabilitySourceOf(inputs, c.pipelineId, req.probabilities),
  }));
  const mc = methods.find((m) => m.method === 'monte_carlo');
  const runRate = methods.find((m) => m.method === 'run_rate');

  const inPeriod = withProbabilities(inputs, inputs.deals, req.probabilities).filter(
    (d) => coversOwnerKey(scope, ownerKey(d.ownerId)) && closesInWindow(d, inputs.window),
  );
  const openAmount = inPeriod.reduce((a, d) => a + d.amount, 0);
  const coverage = runRate && runRate.projected > 0 ? openAmount / runRate.projected : null;
  const warnings: string[] = [];
  const notices: ForecastNotice[] = [];
  if (coverage !== null && coverage < 1) {
    warnings.push(
      `Open pipeline closing in ${period.key} covers ${Math.round(coverage * 100)}% of what the run-rate expects: too few deals, reps may not be prospecting enough.`,
    );
    notices.push({
      code: 'low_coverage',
      params: { period: period.key, coveragePct: Math.round(coverage * 100) },
    });
  }

  const withDeals = req.withDeals ?? true;
  const names = new Map(
    withDeals
      ? (
          await db
            .selectFrom('opportunities')
            .select(['id', 'name'])
            .where(
              inList(
                'id',
                inPeriod.map((d) => d.id),
              ),
            )
            .execute()
        ).map((r) => [r.id, r.name])
      : [],
  );
  const deals = (withDeals ? inPeriod : [])
    .sort((a, b) => b.amount - a.amount)
    .map((d) => {
      const stats = inputs.cycleStats.get(`${d.pipelineId}:${d.type}`);
      const usable = stats && stats.samples >= MIN_CYCLE_SAMPLES ? stats : null;
      return {
        opportunityId: d.id,
        name: names.get(d.id) ?? '',
        ownerId: d.ownerId,
        stageId: d.stageId,
        amount: d.amount,
        stageProbability: d.probability,
        cycleAgeProbability: usable
          ? req.cycleAge === 'age'
            ? ageRatioProbability(daysBetween(d.createdDate, inputs.window.asOfDate), usable)
            : blendedProbability(
                d.probability,
                ageProbability(daysBetween(d.createdDate, inputs.window.asOfDate), usable),
              )
          : null,
        category: d.category,
        forecastAmount: d.forecastAmount,
        expectedCloseDate: d.expectedCloseDate,
      };
    });

  const trackRecord: ScopeAccuracy | null = await trackRecordLoad;

  let blended: ForecastReport['blended'] = null;
  if (trackRecord) {
    const weights = blendWeights(new Map(trackRecord.methods.map((m) => [m.method, m.atStart])));
    const value = blendedValue(new Map(methods.map((m) => [m.method, m.value])), weights);
    if (value !== null) {
      blended = { value, weights: Object.fromEntries(weights), beatsBest: trackRecord.blended.beatsBest };
    }
  }

  // The number to plan with: the blend while its record beats the best single method's, else that method.
  let recommended: ForecastReport['recommended'] = null;
  const pick = trackRecord?.recommendNext ?? null;
  if (pick === 'blended' && blended) {
    recommended = {
      method: 'blended',
      value: blended.value,
      reason: 'the blend has been at least as accurate as the best single method over the past periods',
    };
  } else if (pick !== null && pick !== 'blended') {
    const chosen = methods.find((m) => m.method === pick);
    if (chosen) {
      recommended = {
        method: pick,
        value: chosen.value,
        reason: `the blend has not beaten ${pick} over the past periods, so ${pick} is the number to plan with`,
      };
      if (blended) {
        warnings.push(`The blended forecast is not used: ${recommended.reason}.`);
        notices.push({ code: 'blend_not_used', params: { method: pick } });
      }
    }
  }

  return {
    period,
    scope: { key, name: named.name },
    asOf: req.now,
    currency: settings.currency,
    seed,
    methods,
    newPipeline: scopeNewPipeline(inputs, scope),
    probabilities: req.probabilities ?? 'settings',
    calibration,
    range: mc && mc.low !== null && mc.high !== null ? { p10: mc.low, p50: mc.value, p90: mc.high } : null,
    pipelineCoverage: coverage,
    warnings,
    notices,
    deals,
    trackRecord,
    blended,
    recommended,
  };
}
