import { COMPANY_SCOPE, visibleOwners } from '../../../domain/access/scope.ts';
import type { Viewer } from '../../../domain/access/viewer.ts';
import { daysBetween } from '../../../domain/calendar/local-date.ts';
import {
  addParts,
  emptyParts,
  judge,
  partsOf,
  signalMedians,
  worstDays,
  type SignalJudgement,
  type SignalParts,
  type WorstDay,
} from '../../../domain/integrity/flags.ts';
import {
  BURST_MINUTES,
  BURST_ROWS,
  INTEGRITY_SIGNALS,
  REPEAT_TOUCH_NTH,
  ZERO_LENGTH_CALL_SECONDS,
  type IntegritySignal,
} from '../../../domain/integrity/thresholds.ts';
import { validateQueryDates } from '../../../domain/metrics/resolve.ts';
import { AppError } from '../../../errors.ts';
import type { Db } from '../../db.ts';
import { runMetricsInScope, type RunMetricsOptions } from '../metrics/run-metrics.ts';

/** The longest range the view answers: a year of days per rep. */
export const MAX_INTEGRITY_DAYS = 366;

export interface IntegrityRep {
  userId: number;
  name: string;
  flagged: boolean;
  signals: Record<IntegritySignal, SignalJudgement>;
  worstDays: WorstDay[];
}

export interface IntegrityReport {
  from: string;
  to: string;
  thresholds: {
    zeroLengthCallSeconds: number;
    repeatTouchNth: number;
    burstRows: number;
    burstMinutes: number;
  };
  /** The median rep per signal over all reps with enough rows (null when fewer than 5 qualify). */
  medians: Record<IntegritySignal, number | null>;
  /** The reps the viewer may see: flagged first, then by name. */
  reps: IntegrityRep[];
}

/**
 * The per-rep data-quality view (issue 18): the three integrity metrics per rep and local day from the metrics
 * engine (one run, grouped by rep and bucketed by day), the period values as the sums of the daily parts (counts
 * of disjoint days), flags against the rules and the median of all reps, and each rep's worst days. Every rep's
 * values are read to compute the medians (an aggregate, open to all like team and company numbers); only the
 * reps the viewer may see are returned: a rep themself, a manager their people, an admin everyone.
 */
export async function integrityReport(
  db: Db,
  viewer: Viewer,
  range: { from: string; to: string },
  options: RunMetricsOptions = {},
): Promise<IntegrityReport> {
  validateQueryDates(range);
  const days = daysBetween(range.from, range.to) + 1;
  if (days > MAX_INTEGRITY_DAYS) {
    throw new AppError('validation', `The integrity view covers at most ${MAX_INTEGRITY_DAYS} days`, [
      {
        field: 'to',
        value: range.to,
        reason: `${days} days from ${range.from}; at most ${MAX_INTEGRITY_DAYS}`,
      },
    ]);
  }
  const visible = visibleOwners(viewer);
  const rows = await runMetricsInScope(
    db,
    COMPANY_SCOPE,
    { metricIds: [...INTEGRITY_SIGNALS], from: range.from, to: range.to, groupBy: 'rep', grain: 'day' },
    options,
  );
  const perRep = new Map<
    number,
    { name: string; total: SignalParts; days: { date: string; parts: SignalParts }[] }
  >();
  for (const row of rows) {
    if (row.groupId === null || row.period === null) continue;
    let rep = perRep.get(row.groupId);
    if (!rep) perRep.set(row.groupId, (rep = { name: row.groupName, total: emptyParts(), days: [] }));
    const parts = partsOf(row.values);
    rep.total = addParts(rep.total, parts);
    rep.days.push({ date: row.period, parts });
  }
  const medians = signalMedians([...perRep.values()].map((r) => r.total));
  const reps: IntegrityRep[] = [];
  for (const [userId, rep] of perRep) {
    if (visible !== null && !visible.includes(userId)) continue;
    const signals = {} as Record<IntegritySignal, SignalJudgement>;
    for (const s of INTEGRITY_SIGNALS) signals[s] = judge(s, rep.total[s], medians[s]);
    reps.push({
      userId,
      name: rep.name,
      flagged: INTEGRITY_SIGNALS.some((s) => signals[s].flagged),
      signals,
      worstDays: worstDays(rep.days),
    });
  }
  reps.sort(
    (a, b) => Number(b.flagged) - Number(a.flagged) || a.name.localeCompare(b.name) || a.userId - b.userId,
  );
  return {
    from: range.from,
    to: range.to,
    thresholds: {
      zeroLengthCallSeconds: ZERO_LENGTH_CALL_SECONDS,
      repeatTouchNth: REPEAT_TOUCH_NTH,
      burstRows: BURST_ROWS,
      burstMinutes: BURST_MINUTES,
    },
    medians,
    reps,
  };
}
