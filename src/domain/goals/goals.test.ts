import { describe, expect, it } from 'vitest';
import type { Viewer } from '../access/viewer.ts';
import { getMetric } from '../metrics/registry.ts';
import { personalBest, streakAwards } from './badges.ts';
import { goalMet, type GoalInput } from './goal.ts';
import { canSetGoalFor } from './permissions.ts';
import { GOAL_TEMPLATES } from './templates.ts';
import { validateGoalInput } from './validate-goal.ts';

const valid: GoalInput = {
  name: 'Calls',
  metricId: 'calls',
  scopeType: 'user',
  scopeId: 7,
  grain: 'day',
  periodKey: null,
  target: 40,
  direction: 'at_least',
  template: null,
};

describe('validateGoalInput', () => {
  it('accepts a valid goal and a fixed period of the goal grain (fiscal quarter keys included)', () => {
    expect(validateGoalInput(valid, { fiscalYearStartMonth: 1, weekStartDay: 1 })).toEqual([]);
    expect(
      validateGoalInput(
        { ...valid, grain: 'quarter', periodKey: 'FY2027-Q1' },
        { fiscalYearStartMonth: 2, weekStartDay: 1 },
      ),
    ).toEqual([]);
  });

  it('collects every problem with its field', () => {
    const errors = validateGoalInput(
      {
        ...valid,
        name: ' ',
        metricId: 'nope',
        scopeType: 'company',
        scopeId: 3,
        target: -1,
        periodKey: '2026-11',
      },
      { fiscalYearStartMonth: 1, weekStartDay: 1 },
    );
    expect(errors.map((e) => e.field)).toEqual(['name', 'metricId', 'scopeId', 'target', 'periodKey']);
    expect(errors[4]?.reason).toContain('month period');
    expect(
      validateGoalInput(
        { ...valid, scopeType: 'team', scopeId: null },
        { fiscalYearStartMonth: 1, weekStartDay: 1 },
      ).map((e) => e.field),
    ).toEqual(['scopeId']);
    expect(
      validateGoalInput(
        { ...valid, periodKey: '2026-13-45' },
        { fiscalYearStartMonth: 1, weekStartDay: 1 },
      ).map((e) => e.field),
    ).toEqual(['periodKey']);
  });
});

describe('templates', () => {
  it('every template names a registered metric', () => {
    for (const t of GOAL_TEMPLATES) expect(getMetric(t.metricId), t.id).toBeDefined();
  });
});

describe('canSetGoalFor', () => {
  const admin: Viewer = { userId: 1, role: 'admin', visibleUserIds: null };
  const manager: Viewer = { userId: 2, role: 'manager', visibleUserIds: [2, 5, 6] };
  const rep: Viewer = { userId: 5, role: 'rep', visibleUserIds: [5] };
  it('admins set any goal; managers their subtree and managed teams; reps only their own', () => {
    expect(canSetGoalFor(admin, { scopeType: 'company', scopeId: null }, [])).toBe(true);
    expect(canSetGoalFor(manager, { scopeType: 'company', scopeId: null }, [10])).toBe(false);
    expect(canSetGoalFor(manager, { scopeType: 'user', scopeId: 6 }, [10])).toBe(true);
    expect(canSetGoalFor(manager, { scopeType: 'user', scopeId: 9 }, [10])).toBe(false);
    expect(canSetGoalFor(manager, { scopeType: 'team', scopeId: 10 }, [10])).toBe(true);
    expect(canSetGoalFor(manager, { scopeType: 'team', scopeId: 11 }, [10])).toBe(false);
    expect(canSetGoalFor(rep, { scopeType: 'user', scopeId: 5 }, [])).toBe(true);
    expect(canSetGoalFor(rep, { scopeType: 'user', scopeId: 6 }, [])).toBe(false);
    expect(canSetGoalFor(rep, { scopeType: 'team', scopeId: 10 }, [10])).toBe(false);
  });
});

it('goalMet respects the direction and treats no value as not met', () => {
  expect(goalMet('at_least', 40, 40)).toBe(true);
  expect(goalMet('at_least', 39, 40)).toBe(false);
  expect(goalMet('at_most', 60, 60)).toBe(true);
  expect(goalMet('at_most', 61, 60)).toBe(false);
  expect(goalMet('at_most', null, 60)).toBe(false);
});

describe('badges', () => {
  it('awards streak milestones where the run of met periods reaches 3 and 5, restarting after a miss', () => {
    const met = [true, true, true, false, true, true, true, true, true];
    const series = met.map((m, i) => ({ period: `2026-W${String(i + 10)}`, met: m }));
    expect(streakAwards(series)).toEqual([
      { period: '2026-W12', streak: 3 },
      { period: '2026-W16', streak: 3 },
      { period: '2026-W18', streak: 5 },
    ]);
  });

  it('personal best needs a strictly better latest period and an earlier value', () => {
    const s = (values: Array<number | null>) =>
      values.map((value, i) => ({ period: `2026-0${i + 1}`, value }));
    expect(personalBest(s([5, null, 8, 9]), 'higher')).toEqual({
      period: '2026-04',
      value: 9,
      previousBest: 8,
    });
    expect(personalBest(s([5, 9, 9]), 'higher')).toBeNull();
    expect(personalBest(s([9]), 'higher')).toBeNull();
    expect(personalBest(s([0, 0]), 'higher')).toBeNull();
    expect(personalBest(s([40, 30, 25]), 'lower')).toEqual({
      period: '2026-03',
      value: 25,
      previousBest: 30,
    });
    expect(personalBest(s([40, null]), 'lower')).toBeNull();
  });
});
