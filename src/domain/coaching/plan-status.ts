import { businessDaysInRange, type BusinessCalendar } from '../calendar/business-time.ts';
import { addDays } from '../calendar/local-date.ts';
import { instantToLocal } from '../calendar/zoned.ts';
import { businessDayProgress } from '../pacing/elapsed.ts';
import type { Cadence, Comparison } from './plan.ts';

/**
 * not_started: before the window; on_track / behind: while it runs, actual vs the target pro-rated to elapsed
 * business days; met / not_met: after it; no_data: a rate without a denominator yet (no closed deals) while it runs.
 */
export type TargetStatus = 'not_started' | 'on_track' | 'behind' | 'met' | 'not_met' | 'no_data';

/** A span of local dates [start, endExclusive) a target is measured over. */
export interface PlanWindow {
  start: string;
  endExclusive: string;
}

/**
 * The windows of a target: the plan's whole span, or consecutive 7-day plan weeks from the start day (week 1 is
 * start..start+6 whatever the weekday; the last week may be shorter).
 */
export function planWindows(cadence: Cadence, startOn: string, endOnInclusive: string): PlanWindow[] {
  const end = addDays(endOnInclusive, 1);
  if (cadence === 'plan') return [{ start: startOn, endExclusive: end }];
  const out: PlanWindow[] = [];
  for (let s = startOn; s < end; s = addDays(s, 7)) {
    const e = addDays(s, 7);
    out.push({ start: s, endExclusive: e < end ? e : end });
  }
  return out;
}

/** One window's check. */
export interface WindowCheck extends PlanWindow {
  /** The target for the whole window (a short last week's additive target is cut by its business days). */
  target: number;
  /** What should be reached by now: target x elapsed / total business days (additive), the target (rates). */
  expectedToDate: number;
  actual: number | null;
  elapsedShare: number;
  status: TargetStatus;
}

export interface TargetCheckInput {
  comparison: Comparison;
  cadence: Cadence;
  /** From the metric definition: counts and sums accumulate and are pro-rated; rates and means are not. */
  additive: boolean;
  /** The stored resolved target (per week for weekly targets). */
  target: number;
  startOn: string;
  endOn: string;
  now: Date;
  cal: BusinessCalendar;
  /**
   * The metric's value per window start, from the window's start to today (or its end when over); a window not
   * started has no entry. null: no value (a rate without a denominator); a missing entry counts as null.
   */
  actuals: ReadonlyMap<string, number | null>;
}

export interface TargetCheck {
  status: TargetStatus;
  windows: WindowCheck[];
}

function satisfies(comparison: Comparison, actual: number, reference: number): boolean {
  // A tiny tolerance so 0.1 + 0.2 counts as 0.3.
  const eps = 1e-9 * Math.max(1, Math.abs(reference));
  return comparison === 'at_least' ? actual >= reference - eps : actual <= reference + eps;
}

function checkWindow(input: TargetCheckInput, w: PlanWindow, isLast: boolean): WindowCheck {
  const { cal, additive, comparison } = input;
  const total = businessDaysInRange(w.start, w.endExclusive, cal);
  let target = input.target;
  if (additive && input.cadence === 'weekly' && isLast) {
    const fullWeek = businessDaysInRange(w.start, addDays(w.start, 7), cal);
    target = fullWeek === 0 ? 0 : (input.target * total) / fullWeek;
  }
  const today = instantToLocal(input.now, cal.timeZone).date;
  const actual = input.actuals.get(w.start) ?? null;
  const base = { ...w, target, actual };
  if (today < w.start) {
    return { ...base, expectedToDate: 0, elapsedShare: 0, status: 'not_started' };
  }
  if (today >= w.endExclusive) {
    const value = actual ?? (additive ? 0 : null);
    const status = value !== null && satisfies(comparison, value, target) ? 'met' : 'not_met';
    return { ...base, actual: value, expectedToDate: target, elapsedShare: 1, status };
  }
  const period = { key: '', grain: 'custom' as const, start: w.start, end: w.endExclusive };
  const progress = businessDayProgress(period, input.now, cal);
  const share = progress.total === 0 ? 1 : Math.min(1, progress.elapsed / progress.total);
  if (!additive) {
    const status =
      actual === null ? 'no_data' : satisfies(comparison, actual, target) ? 'on_track' : 'behind';
    return { ...base, expectedToDate: target, elapsedShare: share, status };
  }
  const value = actual ?? 0;
  const expected = target * share;
  const status = satisfies(comparison, value, expected) ? 'on_track' : 'behind';
  return { ...base, actual: value, expectedToDate: expected, elapsedShare: share, status };
}

/**
 * Checks one target against the metric values. A plan-span target has the status of its one window. A weekly
 * target is not_started before the plan, met after it when every week was met (else not_met), and while it runs
 * behind when a finished week was missed, else the current week's status.
 */
export function checkTarget(input: TargetCheckInput): TargetCheck {
  const ws = planWindows(input.cadence, input.startOn, input.endOn);
  const windows = ws.map((w, i) => checkWindow(input, w, i === ws.length - 1));
  if (windows.length === 1) return { status: windows[0]!.status, windows };
  const first = windows[0]!;
  const last = windows[windows.length - 1]!;
  if (first.status === 'not_started') return { status: 'not_started', windows };
  const finished = windows.filter((w) => w.status === 'met' || w.status === 'not_met');
  if (finished.length === windows.length) {
    return { status: finished.every((w) => w.status === 'met') ? 'met' : 'not_met', windows };
  }
  if (finished.some((w) => w.status === 'not_met')) return { status: 'behind', windows };
  const current = windows.find((w) => w.status !== 'met' && w.status !== 'not_met') ?? last;
  return { status: current.status, windows };
}

/**
 * A plan's overall status from its targets' statuses: no_data without targets; not_started before the start;
 * after the end met when every target was met, else not_met; while it runs behind when any target is behind,
 * on_track when any is on track (targets without data yet do not count), else no_data.
 */
export function planStatus(statuses: readonly TargetStatus[]): TargetStatus {
  if (statuses.length === 0) return 'no_data';
  if (statuses.every((s) => s === 'not_started')) return 'not_started';
  if (statuses.every((s) => s === 'met' || s === 'not_met')) {
    return statuses.every((s) => s === 'met') ? 'met' : 'not_met';
  }
  if (statuses.some((s) => s === 'behind' || s === 'not_met')) return 'behind';
  if (statuses.some((s) => s === 'on_track' || s === 'met')) return 'on_track';
  return 'no_data';
}

/** One plan week with the check-ins dated in it (the weekly check-ins of a PIP). */
export interface WeekCheckIns extends PlanWindow {
  week: number;
  checkIns: number;
  /** True when the week has started (a week not yet begun cannot be missing its check-in). */
  started: boolean;
}

/**
 * The plan's 7-day weeks (as planWindows 'weekly') with how many check-ins fall in each, by check-in date, so a
 * manager sees which weeks of a PIP had their weekly check-in. Check-ins dated outside the plan are not counted.
 */
export function checkInsByWeek(
  startOn: string,
  endOn: string,
  checkInDates: readonly string[],
  today: string,
): WeekCheckIns[] {
  return planWindows('weekly', startOn, endOn).map((w, i) => ({
    ...w,
    week: i + 1,
    checkIns: checkInDates.filter((d) => d >= w.start && d < w.endExclusive).length,
    started: today >= w.start,
  }));
}
