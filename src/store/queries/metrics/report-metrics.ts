import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { Scope } from '../../../domain/access/scope.ts';
import type { Viewer } from '../../../domain/access/viewer.ts';
import type { WorkspaceSettings } from '../../../domain/settings.ts';
import { addDays } from '../../../domain/calendar/local-date.ts';
import { previousPeriod, type Period, type PeriodCalendar } from '../../../domain/calendar/period.ts';
import type { MetricFilters, MetricQuery, MetricRow, MetricValue } from '../../../domain/metrics/query.ts';
import { asksForPay } from '../../../domain/metrics/registry.ts';
import { resolveMetrics } from '../../../domain/metrics/resolve.ts';
import type { Db } from '../../db.ts';
import { getSettingsWithRollupZone } from '../../tables/settings.ts';
import {
  currenciesWithoutRate,
  missingRateWarning,
  missingStatementRateWarning,
  statementCurrenciesWithoutRate,
} from '../money/currencies-without-rate.ts';
import { answerEtag, encodeAnswer, type EncodedAnswer } from './encoded-answer.ts';
import { nextClockChange } from './next-clock-change.ts';
import { runMetricsInScope, type RunMetricsOptions } from './run-metrics.ts';
import { resolveScope } from './scope.ts';
import {
  metricsDataVersion,
  readStoredReport,
  storedRequestKey,
  writeStoredAlias,
  writeStoredReport,
} from './stored-results.ts';

/** A report request: the period as a calendar Period (see resolveReportPeriod), and whether to compare. */
export interface ReportRequest {
  metricIds: string[];
  period: Period;
  groupBy: MetricQuery['groupBy'];
  grain?: MetricQuery['grain'];
  filters?: MetricFilters;
  comparePrevious?: boolean;
}

/** A value with the same metric in the previous period and the change (value - previous). */
export interface ReportValue extends MetricValue {
  previous?: number | null;
  previousNumerator?: number;
  previousDenominator?: number;
  change?: number | null;
}

/** One row of a report: group, bucket, values. */
export interface ReportRow {
  group: { type: MetricRow['groupType']; id: number | null; name: string };
  period: string | null;
  values: Record<string, ReportValue>;
}

/** What the API returns and `pacesetter report --json` prints: identical numbers by construction. */
export interface MetricReport {
  period: { key: string; from: string; to: string };
  previousPeriod: { key: string; from: string; to: string } | null;
  currency: string;
  rows: ReportRow[];
  /** Present only when something was left out, e.g. deals in a currency without an exchange rate. */
  warnings?: string[];
  /** Present only when deals were left out of money metrics for want of an exchange rate: their currencies. */
  currenciesWithoutRate?: string[];
}

const describe = (p: Period) => ({ key: p.key, from: p.start, to: addDays(p.end, -1) });

function queryFor(req: ReportRequest, p: Period): MetricQuery {
  return {
    metricIds: req.metricIds,
    from: p.start,
    to: addDays(p.end, -1),
    groupBy: req.groupBy,
    grain: req.grain ?? null,
    filters: req.filters,
  };
}

/** Where a report is kept between requests (stored-results.ts), and the data version it was read at. */
export interface StoredReports {
  /** The primary store, where answers are kept (the report itself may be computed on a replica). */
  store: Db;
  /**
   * metricsDataVersion(db) read BEFORE anything the report depends on, the settings handed in included: an answer
   * is kept only when the version is still the same once it is computed. Null: nothing is read or kept.
   */
  version: string | null;
  /**
   * The viewer's request as sent (storedAliasKey), recorded as resolving to the answer kept at `version`, so the
   * next such request is one statement (stored-answer-lookup.ts). Only for a viewer checked after `version` was
   * read (viewerUnchanged); null: nothing recorded.
   */
  aliasKey?: string | null;
}

export interface ReportMetricsOptions extends RunMetricsOptions {
  /** Serve the stored answer for this request and scope when there is one, and keep a computed one. */
  stored?: StoredReports;
}

/**
 * The stored reports in `store` at the data version `db` sees now (call it before reading the settings a report
 * is given).
 */
export async function openStoredReports(db: Db, store: Db): Promise<StoredReports> {
  return { store, version: await metricsDataVersion(db), aliasKey: null };
}

/**
 * Runs the metrics for the period and, when asked, for the previous period of the same length, and pairs the
 * rows by group and bucket position (the n-th month of this quarter with the n-th month of the last). With
 * `options.stored`, the answer kept for the same request, scope, data version and code is returned instead when
 * it holds at `now` (see reportMetricsJson).
 */
export async function reportMetrics(
  db: Db,
  viewer: Viewer,
  req: ReportRequest,
  options: ReportMetricsOptions = {},
): Promise<MetricReport> {
  const { stored, ...rest } = options;
  if (stored)
    return JSON.parse(reportJsonText(await reportMetricsJson(db, viewer, req, options))) as MetricReport;
  const read = rest.settings ?? (await getSettingsWithRollupZone(db));
  const now = rest.now ?? new Date();
  const scope = await resolveScope(db, viewer, req.groupBy, req.filters, asksForPay(req.metricIds));
  return computeReport(db, scope, req, read.settings, { ...rest, settings: read, now });
}

/** A report as JSON: its text and/or its compressions, with its tag (encoded-answer.ts). */
export type ReportJson = EncodedAnswer;

/** The JSON text of a report, decompressed when only its compressed bytes are at hand. */
export function reportJsonText(r: ReportJson): string {
  if (r.text !== null) return r.text;
  if (r.gzip !== null) return gunzipSync(r.gzip).toString('utf8');
  if (r.br !== null) return brotliDecompressSync(r.br).toString('utf8');
  throw new Error('an answer without text or bytes');
}

/** A computed report's JSON as it is sent when nothing is kept: the text and its tag, compressed by no one. */
function plainJson(text: string): ReportJson {
  return { etag: answerEtag(text), text, gzip: null, br: null };
}

/**
 * reportMetrics as JSON (the text of JSON.stringify of the report). With `options.stored`, the answer kept for the
 * same request, resolved scope, data version and code when it holds at `now`, as the gzip and brotli of those same
 * bytes with their tag, read and sent without parsing (a dashboard answer of 200 reps is 140 kB of JSON, 19 kB
 * gzipped, 17 kB in brotli). A computed answer is kept when the data version did not move while it was computed,
 * and returned as text, gzip and brotli.
 */
export async function reportMetricsJson(
  db: Db,
  viewer: Viewer,
  req: ReportRequest,
  options: ReportMetricsOptions = {},
): Promise<ReportJson> {
  const { stored, ...rest } = options;
  // One read of the settings for the request, handed to both periods' runs.
  const read = rest.settings ?? (await getSettingsWithRollupZone(db));
  const settings = read.settings;
  // One instant for both periods, and the one a stored answer is checked against.
  const now = rest.now ?? new Date();
  const runOptions = { ...rest, settings: read, now };
  // The viewer's access and the filters, resolved once for both periods (what runMetrics does per call).
  const scope = await resolveScope(db, viewer, req.groupBy, req.filters, asksForPay(req.metricIds));
  const version = stored && (rest.strategy ?? 'auto') === 'auto' ? stored.version : null;
  if (!stored || version === null)
    return plainJson(JSON.stringify(await computeReport(db, scope, req, settings, runOptions)));
  const key = storedRequestKey({
    metricIds: req.metricIds,
    period: req.period,
    groupBy: req.groupBy,
    grain: req.grain ?? null,
    comparePrevious: req.comparePrevious ?? false,
    forecastMethod: req.filters?.forecastMethod ?? null,
    forecastCheckpoint: req.filters?.forecastCheckpoint ?? null,
    scope,
  });
  const aliasKey = stored.aliasKey ?? null;
  const kept = await readStoredReport(stored.store, version, key, now);
  if (kept !== null) {
    // Kept for another viewer of the same scope (or this one's alias was not recorded): recorded for next time.
    if (aliasKey !== null) await writeStoredAlias(stored.store, version, aliasKey, key);
    return { ...kept, text: null };
  }
  // The same answer being computed in this process (the dashboard's requests just after a write) is waited for
  // rather than computed again: it is of the same data version, started after this request's version read saw it.
  const flights = inFlight.get(stored.store) ?? new Map<string, InFlight>();
  inFlight.set(stored.store, flights);
  const flightKey = `${version}:${key}`;
  const running = flights.get(flightKey);
  if (running && running.asOf <= now) {
    const done = await running.done.catch(() => null);
    if (done && (done.validUntil === null || now < done.validUntil)) return done.json;
  }
  const done = computeAndKeep(
    db,
    stored.store,
    scope,
    req,
    settings,
    runOptions,
    version,
    key,
    aliasKey,
    now,
  );
  if (!running) {
    flights.set(flightKey, { asOf: now, done });
    const leave = () => flights.delete(flightKey);
    done.then(leave, leave);
  }
  return (await done).json;
}

/** A computation under way in this process: the instant it is for, and its answer with the end of its life. */
interface InFlight {
  asOf: Date;
  done: Promise<{ json: ReportJson; validUntil: Date | null }>;
}

/** Per store: computations under way, by data version and request key (removed when they end: not a cache). */
const inFlight = new WeakMap<Db, Map<string, InFlight>>();

async function computeAndKeep(
  db: Db,
  store: Db,
  scope: Scope,
  req: ReportRequest,
  settings: WorkspaceSettings,
  runOptions: RunMetricsOptions,
  version: string,
  key: string,
  aliasKey: string | null,
  now: Date,
): Promise<{ json: ReportJson; validUntil: Date | null }> {
  const report = await computeReport(db, scope, req, settings, runOptions);
  // Compressed once here, in both encodings, on zlib's threads: serving it later compresses nothing.
  const encoded = await encodeAnswer(JSON.stringify(report));
  const periods = report.previousPeriod ? [req.period, previousPeriodOf(req, settings)] : [req.period];
  const validUntil = await nextClockChange(db, resolveMetrics(req.metricIds), periods, {
    timeZone: settings.timeZone,
    calendar: settings,
    now,
    grain: req.grain ?? null,
  });
  // Kept only when no write landed while it was computed (the version is the same before and after).
  if ((await metricsDataVersion(db)) === version)
    await writeStoredReport(store, version, key, now, validUntil, encoded, aliasKey);
  return { json: encoded, validUntil };
}

function previousPeriodOf(req: ReportRequest, settings: PeriodCalendar): Period {
  return previousPeriod(req.period, settings);
}

async function computeReport(
  db: Db,
  scope: Scope,
  req: ReportRequest,
  settings: PeriodCalendar & { currency: string; timeZone: string },
  runOptions: RunMetricsOptions,
): Promise<MetricReport> {
  const prevPeriod = req.comparePrevious ? previousPeriodOf(req, settings) : null;
  // Resolved before any query starts: an unknown id throws here, not after two queries were launched that
  // nobody would await (they were unhandled rejections).
  const needsRates = readsDealMoney(req.metricIds);
  const needsStatementRates = readsStatements(req.metricIds);
  // The two periods are independent: on PostgreSQL their queries share the pool instead of waiting in turn.
  const [rows, previous, missingDealRates, missingStatementRates] = await Promise.all([
    runMetricsInScope(db, scope, queryFor(req, req.period), runOptions),
    prevPeriod ? runMetricsInScope(db, scope, queryFor(req, prevPeriod), runOptions) : Promise.resolve([]),
    needsRates
      ? currenciesWithoutRate(db, {
          from: (prevPeriod ?? req.period).start,
          toExclusive: req.period.end,
          timeZone: settings.timeZone,
          currency: settings.currency,
          now: runOptions.now ?? new Date(),
        })
      : Promise.resolve([]),
    needsStatementRates
      ? statementCurrenciesWithoutRate(db, {
          from: (prevPeriod ?? req.period).start,
          toExclusive: req.period.end,
          currency: settings.currency,
        })
      : Promise.resolve([]),
  ]);
  const missingRates = [...new Set([...missingDealRates, ...missingStatementRates])].sort();

  const prevIndex = new Map<string, MetricRow>();
  const position = new Map<string, number>();
  // Text dimension groups all have id null: the name (their value) tells them apart.
  const groupOf = (r: MetricRow) => JSON.stringify([r.groupId, r.groupName]);
  for (const r of previous) {
    const n = position.get(groupOf(r)) ?? 0;
    position.set(groupOf(r), n + 1);
    prevIndex.set(`${groupOf(r)}|${n}`, r);
  }
  position.clear();
  const out: ReportRow[] = rows.map((r) => {
    const n = position.get(groupOf(r)) ?? 0;
    position.set(groupOf(r), n + 1);
    const before = prevPeriod ? prevIndex.get(`${groupOf(r)}|${n}`) : undefined;
    const values: Record<string, ReportValue> = {};
    for (const [id, v] of Object.entries(r.values)) {
      const value: ReportValue = { ...v };
      if (prevPeriod) {
        const p = before?.values[id];
        value.previous = p?.value ?? null;
        if (p?.numerator !== undefined) value.previousNumerator = p.numerator;
        if (p?.denominator !== undefined) value.previousDenominator = p.denominator;
        value.change = v.value !== null && value.previous !== null ? v.value - value.previous : null;
      }
      values[id] = value;
    }
    return { group: { type: r.groupType, id: r.groupId, name: r.groupName }, period: r.period, values };
  });
  return {
    period: describe(req.period),
    previousPeriod: prevPeriod ? describe(prevPeriod) : null,
    currency: settings.currency,
    rows: out,
    ...(missingRates.length > 0
      ? {
          warnings: [
            ...(missingDealRates.length ? [missingRateWarning(missingDealRates)] : []),
            ...(missingStatementRates.length ? [missingStatementRateWarning(missingStatementRates)] : []),
          ],
          currenciesWithoutRate: missingRates,
        }
      : {}),
  };
}

/** Whether any requested metric reads commission statements (pay metrics, converted by statement period end). */
function readsStatements(metricIds: readonly string[]): boolean {
  return resolveMetrics(metricIds).some((d) =>
    Object.values(d.parts).some((p) => p.source === 'commission_statements' || p.source === 'costs'),
  );
}

/** Whether any requested metric sums deal amounts (the ones an exchange rate converts). */
function readsDealMoney(metricIds: readonly string[]): boolean {
  return resolveMetrics(metricIds).some((d) =>
    Object.values(d.parts).some(
      (p) =>
        p.source.startsWith('opportunities_') &&
        'column' in p.aggregate &&
        p.aggregate.column.includes('amount'),
    ),
  );
}
