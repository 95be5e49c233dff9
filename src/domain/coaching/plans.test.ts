import { describe, expect, it } from 'vitest';
import type { BusinessCalendar } from '../calendar/business-time.ts';
import type { Viewer } from '../access/viewer.ts';
import { getMetric } from '../metrics/registry.ts';
import { canCheckInOn, canManagePlansOf, canSeePlansOf } from './plan-access.ts';
import { baselinePeriodOf, defaultEndOn, validatePlan } from './plan-input.ts';
import {
  checkInsByWeek,
  checkTarget,
  planStatus,
  planWindows,
  type TargetCheckInput,
} from './plan-status.ts';
import { baselineScale, resolveRelativeTarget } from './plan-targets.ts';

// UTC, Monday to Friday, 09:00-18:00.
const cal = (holidays: string[] = []): BusinessCalendar => ({
  timeZone: 'UTC',
  workingDays: [1, 2, 3, 4, 5],
  workStartMinute: 540,
  workEndMinute: 1080,
  holidays: new Set(holidays),
});

// A PIP from Monday 2 November 2026 to Tuesday 1 December 2026 (30 days): weeks start on the 2nd, 9th, 16th,
// 23rd and 30th; the last week has two business days (Mon 30 Nov, Tue 1 Dec).
const pip = (over: Partial<TargetCheckInput>): TargetCheckInput => ({
  comparison: 'at_least',
  cadence: 'weekly',
  additive: true,
  target: 50,
  startOn: '2026-11-02',
  endOn: '2026-12-01',
  now: new Date('2026-11-04T13:30:00Z'),
  cal: cal(),
  actuals: new Map(),
  ...over,
});

describe('plan windows', () => {
  it('cuts a 30-day PIP into four 7-day weeks and a 2-day rest', () => {
    expect(planWindows('weekly', '2026-11-02', defaultEndOn('pip', '2026-11-02'))).toEqual([
      { start: '2026-11-02', endExclusive: '2026-11-09' },
      { start: '2026-11-09', endExclusive: '2026-11-16' },
      { start: '2026-11-16', endExclusive: '2026-11-23' },
      { start: '2026-11-23', endExclusive: '2026-11-30' },
      { start: '2026-11-30', endExclusive: '2026-12-02' },
    ]);
    expect(planWindows('plan', '2026-11-02', '2026-11-15')).toEqual([
      { start: '2026-11-02', endExclusive: '2026-11-16' },
    ]);
  });
});

describe('PIP status (weekly targets, additive metric)', () => {
  it('is not started before the start', () => {
    const c = checkTarget(pip({ now: new Date('2026-10-30T12:00:00Z') }));
    expect(c.status).toBe('not_started');
    expect(c.windows.every((w) => w.status === 'not_started')).toBe(true);
  });

  it('pro-rates the week by business days: Wednesday 13:30 is 2.5 of 5 days, so 25 of 50 is on track', () => {
    const on = checkTarget(pip({ actuals: new Map([['2026-11-02', 25]]) }));
    expect(on.windows[0]!.expectedToDate).toBeCloseTo(25, 9);
    expect(on.windows[0]!.elapsedShare).toBeCloseTo(0.5, 9);
    expect(on.status).toBe('on_track');
    expect(checkTarget(pip({ actuals: new Map([['2026-11-02', 24]]) })).status).toBe('behind');
  });

  it('is behind in week 2 when week 1 was missed, even if week 2 is on pace', () => {
    const now = new Date('2026-11-11T12:00:00Z'); // Wed: 2 days + 3 of 9 hours = 2 1/3 of 5 -> 23.33 expected
    const good = checkTarget(
      pip({
        now,
        actuals: new Map([
          ['2026-11-02', 50],
          ['2026-11-09', 24],
        ]),
      }),
    );
    expect(good.windows[0]!.status).toBe('met');
    expect(good.windows[1]!.expectedToDate).toBeCloseTo((50 * 7) / 15, 9);
    expect(good.status).toBe('on_track');
    const missed = checkTarget(
      pip({
        now,
        actuals: new Map([
          ['2026-11-02', 49],
          ['2026-11-09', 24],
        ]),
      }),
    );
    expect(missed.windows[0]!.status).toBe('not_met');
    expect(missed.status).toBe('behind');
  });

  it('after the end: met when every week was met; the 2-day last week needs 2/5 of 50 = 20', () => {
    const now = new Date('2026-12-02T10:00:00Z');
    const weeks = (last: number) =>
      new Map([
        ['2026-11-02', 50],
        ['2026-11-09', 51],
        ['2026-11-16', 60],
        ['2026-11-23', 50],
        ['2026-11-30', last],
      ]);
    const met = checkTarget(pip({ now, actuals: weeks(20) }));
    expect(met.windows[4]!.target).toBe(20);
    expect(met.status).toBe('met');
    expect(checkTarget(pip({ now, actuals: weeks(19) })).status).toBe('not_met');
  });

  it('counts a week without any value as 0 (missing data)', () => {
    const now = new Date('2026-12-02T10:00:00Z');
    const c = checkTarget(pip({ now, actuals: new Map() }));
    expect(c.windows.map((w) => w.actual)).toEqual([0, 0, 0, 0, 0]);
    expect(c.status).toBe('not_met');
    expect(checkTarget(pip({ now, comparison: 'at_most', actuals: new Map() })).status).toBe('met');
  });
});

describe('plan-span targets', () => {
  const dev = (over: Partial<TargetCheckInput>) =>
    pip({ cadence: 'plan', target: 90, startOn: '2026-11-02', endOn: '2026-11-15', ...over });

  it('skips a holiday: Thursday evening of a 9-business-day fortnight is 3 days in, 30 of 90 expected', () => {
    const now = new Date('2026-11-05T19:00:00Z');
    const on = checkTarget(dev({ now, cal: cal(['2026-11-03']), actuals: new Map([['2026-11-02', 30]]) }));
    expect(on.windows[0]!.expectedToDate).toBeCloseTo(30, 9);
    expect(on.status).toBe('on_track');
    const behind = checkTarget(
      dev({ now, cal: cal(['2026-11-03']), actuals: new Map([['2026-11-02', 29]]) }),
    );
    expect(behind.status).toBe('behind');
  });

  it('compares a rate with the target itself, without pro-rating; no closed deal yet is no_data', () => {
    const rate = (actual: number | null, now = new Date('2026-11-05T12:00:00Z')) =>
      checkTarget(dev({ additive: false, target: 0.35, now, actuals: new Map([['2026-11-02', actual]]) }))
        .status;
    expect(rate(0.35)).toBe('on_track');
    expect(rate(0.34)).toBe('behind');
    expect(rate(null)).toBe('no_data');
    expect(rate(null, new Date('2026-11-16T12:00:00Z'))).toBe('not_met');
    expect(rate(0.4, new Date('2026-11-16T12:00:00Z'))).toBe('met');
  });

  it('at_most: 4 lost deals allowed; 1 after half the span is on track, 3 is behind, 4 at the end is met', () => {
    const lost = (actual: number, now: string) =>
      checkTarget(
        dev({
          comparison: 'at_most',
          target: 4,
          now: new Date(now),
          actuals: new Map([['2026-11-02', actual]]),
        }),
      ).status;
    // Monday 9 November 09:00: 5 of 10 business days passed, 2 allowed so far.
    expect(lost(1, '2026-11-09T09:00:00Z')).toBe('on_track');
    expect(lost(3, '2026-11-09T09:00:00Z')).toBe('behind');
    expect(lost(4, '2026-11-16T09:00:00Z')).toBe('met');
    expect(lost(5, '2026-11-16T09:00:00Z')).toBe('not_met');
  });
});

describe('weekly check-ins', () => {
  it('counts check-ins per plan week and marks the weeks not begun', () => {
    const weeks = checkInsByWeek(
      '2026-11-02',
      '2026-12-01',
      ['2026-11-06', '2026-11-08', '2026-11-20', '2026-10-30'],
      '2026-11-18',
    );
    expect(weeks.map((w) => [w.week, w.checkIns, w.started])).toEqual([
      [1, 2, true],
      [2, 0, true],
      [3, 1, true],
      [4, 0, false],
      [5, 0, false],
    ]);
  });
});

describe('planStatus', () => {
  it('combines target statuses', () => {
    expect(planStatus([])).toBe('no_data');
    expect(planStatus(['not_started', 'not_started'])).toBe('not_started');
    expect(planStatus(['met', 'met'])).toBe('met');
    expect(planStatus(['met', 'not_met'])).toBe('not_met');
    expect(planStatus(['on_track', 'behind'])).toBe('behind');
    expect(planStatus(['on_track', 'no_data'])).toBe('on_track');
    expect(planStatus(['no_data'])).toBe('no_data');
  });
});

describe('relative targets', () => {
  const winRate = getMetric('win_rate')!;
  const calls = getMetric('calls')!;

  it('adds points to a rate: 30% + 5 points = 35%, capped at 100%', () => {
    const r = resolveRelativeTarget({ metric: winRate, baseline: 0.3, delta: 5, unit: 'points', scale: 1 });
    expect(r.ok && r.value).toBeCloseTo(0.35, 12);
    expect(
      resolveRelativeTarget({ metric: winRate, baseline: 0.98, delta: 5, unit: 'points', scale: 1 }),
    ).toEqual({
      ok: true,
      value: 1,
    });
    const pct = resolveRelativeTarget({
      metric: winRate,
      baseline: 0.3,
      delta: 10,
      unit: 'percent',
      scale: 0.5,
    });
    expect(pct.ok && pct.value).toBeCloseTo(0.33, 12); // rates are not scaled
  });

  it('scales an additive baseline by business days: 660 calls in 2026-Q3 (66 business days) = 50 a week, +10% = 55', () => {
    const scale = baselineScale(
      'weekly',
      { startOn: '2026-11-02', endOnExclusive: '2026-12-02' },
      { start: '2026-07-01', endExclusive: '2026-10-01' },
      cal(),
    );
    expect(scale).toBeCloseTo(5 / 66, 12);
    const r = resolveRelativeTarget({
      metric: calls,
      baseline: 660,
      delta: 10,
      unit: 'percent',
      scale: scale!,
    });
    expect(r.ok && r.value).toBeCloseTo(55, 9);
    // The whole 2-week plan (10 business days): 660 x 10/66 = 100.
    expect(
      baselineScale(
        'plan',
        { startOn: '2026-11-02', endOnExclusive: '2026-11-16' },
        { start: '2026-07-01', endExclusive: '2026-10-01' },
        cal(),
      ),
    ).toBeCloseTo(10 / 66, 12);
  });

  it('refuses points on a count and a missing baseline', () => {
    const points = resolveRelativeTarget({
      metric: calls,
      baseline: 660,
      delta: 5,
      unit: 'points',
      scale: 1,
    });
    expect(points.ok).toBe(false);
    const none = resolveRelativeTarget({
      metric: winRate,
      baseline: null,
      delta: 5,
      unit: 'points',
      scale: 1,
    });
    expect(none).toEqual({ ok: false, reason: expect.stringContaining('no value of win_rate') });
  });

  it('defaults the baseline to the quarter before the start quarter', () => {
    expect(baselinePeriodOf({}, '2026-11-02', { fiscalYearStartMonth: 1, weekStartDay: 1 })).toMatchObject({
      start: '2026-07-01',
      end: '2026-10-01',
    });
    expect(
      baselinePeriodOf({ baselinePeriod: '2026-10' }, '2026-11-02', {
        fiscalYearStartMonth: 1,
        weekStartDay: 1,
      }),
    ).toMatchObject({
      start: '2026-10-01',
      end: '2026-11-01',
    });
  });
});

describe('validatePlan', () => {
  const base = {
    kind: 'pip' as const,
    title: 'Close more',
    startOn: '2026-11-02',
    endOn: '2026-12-01',
    skills: [],
    actions: [],
    targets: [],
  };
  it('names every bad field', () => {
    const errors = validatePlan(
      {
        ...base,
        title: ' ',
        endOn: '2026-10-01',
        skills: [{ area: 'EQ', skill: '', note: '' }],
        targets: [
          { metricId: 'nope', comparison: 'at_least', cadence: 'weekly', target: 3 },
          { metricId: 'calls', comparison: 'at_least', cadence: 'weekly', delta: 5, unit: 'points' },
          {
            metricId: 'win_rate',
            comparison: 'at_least',
            cadence: 'plan',
            delta: 5,
            unit: 'points',
            baselinePeriod: '2026-11',
          },
        ],
      },
      { fiscalYearStartMonth: 1, weekStartDay: 1 },
    );
    expect(errors.map((e) => e.field)).toEqual([
      'title',
      'endOn',
      'skills.0.skill',
      'targets.0.metricId',
      'targets.1.unit',
      'targets.2.baselinePeriod',
    ]);
    expect(validatePlan(base, { fiscalYearStartMonth: 1, weekStartDay: 1 })).toEqual([]);
    expect(
      validatePlan({ ...base, endOn: '2027-06-01' }, { fiscalYearStartMonth: 1, weekStartDay: 1 })[0],
    ).toMatchObject({ field: 'endOn' });
  });
});

describe('plan access', () => {
  const admin: Viewer = { userId: 1, role: 'admin', visibleUserIds: null };
  const manager: Viewer = { userId: 2, role: 'manager', visibleUserIds: [2, 3] };
  const rep: Viewer = { userId: 3, role: 'rep', visibleUserIds: [3] };
  it('lets reps read and note their own plans, managers manage their subtree but not themselves', () => {
    expect([canSeePlansOf(rep, 3), canManagePlansOf(rep, 3), canCheckInOn(rep, 3)]).toEqual([
      true,
      false,
      true,
    ]);
    expect([canSeePlansOf(rep, 4), canCheckInOn(rep, 4)]).toEqual([false, false]);
    expect([canManagePlansOf(manager, 3), canManagePlansOf(manager, 2), canCheckInOn(manager, 2)]).toEqual([
      true,
      false,
      true,
    ]);
    expect([canSeePlansOf(manager, 4), canManagePlansOf(manager, 4)]).toEqual([false, false]);
    expect(canManagePlansOf(admin, 4)).toBe(true);
  });
});
