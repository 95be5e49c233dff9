import { daysBetween } from '../calendar/local-date.ts';
import type { Grain } from '../calendar/period.ts';
import type { PlanRules } from './types.ts';

/*
 * Cutting a person's period into segments (docs/commissions.md, "Periods and mid-period changes"): one segment
 * per stretch under one plan version. An assignment starting or ending inside the period cuts it, and so does a
 * new version of the plan taking effect inside it. A stretch uses the version in effect on its first day (the
 * latest effective_from on or before it); a stretch before the plan's first version has no rules and earns
 * nothing. Only stretches whose rules compute this kind of period (month, quarter, year) count: a quarterly plan
 * is computed by a quarter's run, not by each month's.
 */

export interface AssignmentSpan {
  planId: number;
  from: string;
  /** Exclusive; null = open-ended. */
  to: string | null;
  /** Overrides the quota goals for the whole period; null = from quotas. */
  targetMinor: number | null;
}

export interface PlanVersionSpan {
  planId: number;
  versionId: number;
  version: number;
  effectiveFrom: string;
  rules: PlanRules;
}

export interface Stretch {
  from: string;
  to: string;
  planId: number;
  planVersionId: number;
  version: number;
  rules: PlanRules;
  /** The assignment's target override, or null. */
  targetMinor: number | null;
}

/** The stretches of [periodStart, periodEnd) under each assignment and plan version, in date order. */
export function periodStretches(args: {
  periodStart: string;
  periodEnd: string;
  grain: Grain | 'custom';
  assignments: readonly AssignmentSpan[];
  versions: readonly PlanVersionSpan[];
}): Stretch[] {
  const out: Stretch[] = [];
  const assignments = [...args.assignments].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  for (const a of assignments) {
    const from = a.from > args.periodStart ? a.from : args.periodStart;
    const to = a.to !== null && a.to < args.periodEnd ? a.to : args.periodEnd;
    if (from >= to) continue;
    const versions = args.versions
      .filter((v) => v.planId === a.planId)
      .sort((x, y) => (x.effectiveFrom < y.effectiveFrom ? -1 : x.effectiveFrom > y.effectiveFrom ? 1 : 0));
    const cuts = [from, ...versions.map((v) => v.effectiveFrom).filter((d) => d > from && d < to), to];
    for (let i = 0; i + 1 < cuts.length; i++) {
      const start = cuts[i]!;
      const v = versions.filter((x) => x.effectiveFrom <= start).at(-1);
      if (!v || v.rules.period !== args.grain) continue;
      out.push({
        from: start,
        to: cuts[i + 1]!,
        planId: a.planId,
        planVersionId: v.versionId,
        version: v.version,
        rules: v.rules,
        targetMinor: a.targetMinor,
      });
    }
  }
  return out;
}

/** Days in [from, to). */
export function spanDays(from: string, to: string): number {
  return daysBetween(from, to);
}
