import type { Scope } from '../../../domain/access/scope.ts';
import type { Viewer } from '../../../domain/access/viewer.ts';
import { businessMinutesBetween, type BusinessCalendar } from '../../../domain/calendar/business-time.ts';
import { addDays, daysBetween } from '../../../domain/calendar/local-date.ts';
import { periodsBetween, type PeriodCalendar } from '../../../domain/calendar/period.ts';
import { localDateToInstant } from '../../../domain/calendar/zoned.ts';
import type { MetricDefinition } from '../../../domain/metrics/definition.ts';
import { combineParts, quotaAttainmentRate, type RepQuota } from '../../../domain/metrics/derive.ts';
import {
  DEFAULT_FORECAST_CHECKPOINT,
  DEFAULT_FORECAST_METHOD,
  type GroupBy,
  type MetricQuery,
  type MetricRow,
  type MetricValue,
} from '../../../domain/metrics/query.ts';
import { resolveMetrics, validateQueryDates } from '../../../domain/metrics/resolve.ts';
import type { Db } from '../../db.ts';
import { getBusinessCalendar } from '../../tables/calendar.ts';
import { getSettingsWithRollupZone, type SettingsRead } from '../../tables/settings.ts';
import { rollupPicker, type MetricsStrategy } from './choose-rollup.ts';
import { collectParts, type Bucket, type CollectedParts, type GroupKey } from './collect-parts.ts';
import { listGroups, teamsOfUsers } from './groups.ts';
import { partKey, planBatches, type RollupPicker } from './plan.ts';
import { quotaGoalWeights } from './quota-goals.ts';
import { resolveScope } from './scope.ts';
import { asksForPay } from '../../../domain/metrics/registry.ts';
import { assertGroupable } from './dimensions.ts';

/** Options for tests and benchmarks. */
export interface RunMetricsOptions {
  /** The instant treated as now (SLA deadlines, pipeline rebuilt from history); default the clock. */
  now?: Date;
  /** `auto` (default) answers parts from maintained rollups where they are exact; `raw` reads only fact rows. */
  strategy?: MetricsStrategy;
  /**
   * The settings row as the caller already read it for this request (the route, reportMetrics for both periods);
   * read here when absent. Each read is a statement, and a dashboard request used to make six.
   */
  settings?: SettingsRead;
}

const MONTH_DAYS = 30.4375;

function bucketsOf(query: Omit<MetricQuery, 'filters'>, calendar: PeriodCalendar): Bucket[] {
  const end = addDays(query.to, 1);
  if (!query.grain) return [{ key: '', start: query.from, end }];
  return periodsBetween(query.from, end, query.grain, calendar).map((p) => ({
    key: p.key,
    start: p.start < query.from ? query.from : p.start,
    end: p.end > end ? end : p.end,
  }));
}

function usesSource(defs: readonly MetricDefinition[], source: string): boolean {
  return defs.some((d) => Object.values(d.parts).some((p) => p.source === source));
}

/**
 * THE metrics implementation: every API route, CLI command, goal, leaderboard and page calls this. It compiles
 * the requested definitions to one grouped SQL query per source (per bucket for snapshots), then combines the
 * parts per group and bucket; ratios are divided only after their parts are summed for the group.
 */
export async function runMetrics(
  db: Db,
  viewer: Viewer,
  query: MetricQuery,
  options: RunMetricsOptions = {},
): Promise<MetricRow[]> {
  const scope = await resolveScope(db, viewer, query.groupBy, query.filters, asksForPay(query.metricIds));
  return runMetricsInScope(db, scope, query, options);
}

/**
 * The same engine for a scope resolved elsewhere: forecasts and plans resolve a team or rep (with its access
 * check) and count through here. The scope carries the filters, so the query has none (only the forecast facts'
 * method and checkpoint choice, when a caller passes a whole MetricQuery, is read from its filters).
 */
export async function runMetricsInScope(
  db: Db,
  scope: Scope,
  query: Omit<MetricQuery, 'filters'>,
  options: RunMetricsOptions = {},
): Promise<MetricRow[]> {
  const defs = resolveMetrics(query.metricIds);
  assertGroupable(defs, query.groupBy);
  validateQueryDates(query);
  const now = options.now ?? new Date();
  const read = options.settings ?? (await getSettingsWithRollupZone(db));
  const settings = read.settings;
  const grain = query.grain ?? null;
  const buckets = bucketsOf(query, settings);
  const strategy = options.strategy ?? 'auto';
  const rollupsCurrent = strategy === 'auto' && read.rollupTimeZone === settings.timeZone;
  const range = { from: query.from, toExclusive: addDays(query.to, 1), grain, calendar: settings };
  const pick = rollupPicker(strategy, scope, query.groupBy, range, rollupsCurrent);

  const needsWorkingTime = usesSource(defs, 'working_time');
  let cal: BusinessCalendar | null = null;
  if (needsWorkingTime) {
    const fromYear = Math.min(Number(query.from.slice(0, 4)), now.getUTCFullYear()) - 2;
    cal = await getBusinessCalendar(
      db,
      fromYear,
      Math.max(Number(query.to.slice(0, 4)), now.getUTCFullYear()) + 1,
      settings,
    );
  }
  const filters = (query as MetricQuery).filters;
  const base = {
    timeZone: settings.timeZone,
    currency: settings.currency,
    followUpTarget: settings.followUpTarget,
    now,
    forecastMethod: filters?.forecastMethod ?? DEFAULT_FORECAST_METHOD,
    forecastCheckpoint: filters?.forecastCheckpoint ?? DEFAULT_FORECAST_CHECKPOINT,
  };
  const goalWeights = usesSource(defs, 'goals') ? await quotaGoalWeights(db, settings) : null;
  const perBucket = (b: Bucket) => ({
    businessMinutes:
      needsWorkingTime && cal
        ? businessMinutesBetween(
            localDateToInstant(b.start, cal.timeZone),
            localDateToInstant(b.end, cal.timeZone),
            cal,
          )
        : 0,
    quotaGoals: goalWeights ? goalWeights(b.start, b.end) : [],
  });

  const collected = await collectParts(
    db,
    planBatches(defs, pick),
    scope,
    query.groupBy,
    buckets,
    base,
    perBucket,
    grain,
    settings,
  );
  const groups = await listGroups(db, scope, query.groupBy, collected.seenGroups);

  const rateDefs = defs.filter((d) => d.derivation === 'share_of_reps_at_quota');
  const quotaByGroup =
    rateDefs.length > 0
      ? await repQuotasByGroup(
          db,
          rateDefs[0]!,
          scope,
          query.groupBy,
          collected,
          buckets,
          base,
          perBucket,
          grain,
          settings,
          pick,
        )
      : null;

  const rows: MetricRow[] = [];
  for (const group of groups) {
    for (const bucket of buckets) {
      const months = daysBetween(bucket.start, bucket.end) / MONTH_DAYS;
      const values: Record<string, MetricValue> = {};
      for (const def of defs) {
        if (def.derivation === 'share_of_reps_at_quota') {
          values[def.id] = quotaAttainmentRate(quotaByGroup?.get(group.key)?.get(bucket.key) ?? []);
          continue;
        }
        const parts: Record<string, number | null | undefined> = {};
        for (const [name, part] of Object.entries(def.parts)) {
          parts[name] = collected.get(group.key, bucket.key, partKey(part));
        }
        values[def.id] = combineParts(def, parts, { grossMarginPct: settings.grossMarginPct, months });
      }
      rows.push({
        groupType: query.groupBy,
        groupId: group.id,
        groupName: group.name,
        period: grain ? bucket.key : null,
        values,
      });
    }
  }
  return rows;
}

/**
 * Per-rep won revenue and quota, listed under the group each rep belongs to: the attainment rate counts reps, so
 * it is computed from per-rep values even when the report groups by team or company.
 */
async function repQuotasByGroup(
  db: Db,
  def: MetricDefinition,
  scope: Scope,
  groupBy: GroupBy,
  collected: CollectedParts,
  buckets: readonly Bucket[],
  base: Parameters<typeof collectParts>[5],
  perBucket: Parameters<typeof collectParts>[6],
  grain: MetricQuery['grain'] | null,
  calendar: PeriodCalendar,
  pick: RollupPicker,
): Promise<Map<GroupKey, Map<string, RepQuota[]>>> {
  const won = def.parts.won;
  const quota = def.parts.quota;
  if (!won || !quota) throw new Error(`${def.id} needs won and quota parts`);
  const perRep =
    groupBy === 'rep'
      ? collected
      : await collectParts(
          db,
          planBatches([def], pick),
          scope,
          'rep',
          buckets,
          base,
          perBucket,
          grain ?? null,
          calendar,
        );
  const repIds = [...perRep.seenGroups].filter((id): id is number => typeof id === 'number');
  const teamOf = groupBy === 'team' ? await teamsOfUsers(db, repIds) : new Map<number, number | null>();
  const out = new Map<GroupKey, Map<string, RepQuota[]>>();
  for (const rep of repIds) {
    const groupId = groupBy === 'rep' ? rep : groupBy === 'team' ? (teamOf.get(rep) ?? null) : null;
    let byBucket = out.get(groupId);
    if (!byBucket) out.set(groupId, (byBucket = new Map()));
    for (const b of buckets) {
      const list = byBucket.get(b.key) ?? [];
      list.push({
        won: perRep.get(rep, b.key, partKey(won)) ?? 0,
        quota: perRep.get(rep, b.key, partKey(quota)) ?? 0,
      });
      byBucket.set(b.key, list);
    }
  }
  return out;
}
