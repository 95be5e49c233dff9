import { describe, expect, it } from 'vitest';
import { DEFAULT_LEADERBOARD_METRICS, inRegistryOrder, isPublishedBoard } from './published.ts';
import { competitionRank, movement } from './rank.ts';
import { weightedScores } from './weighted-score.ts';

describe('competitionRank', () => {
  it('gives ties the same rank and skips the following places (1, 2, 2, 4), unvalued last', () => {
    const r = competitionRank(
      [
        { id: 1, name: 'Ann', value: 10 },
        { id: 2, name: 'Bob', value: 30 },
        { id: 3, name: 'Cid', value: 20 },
        { id: 4, name: 'Dee', value: null },
        { id: 5, name: 'Eve', value: 20 },
      ],
      'higher',
    );
    expect(r.map((x) => [x.name, x.rank])).toEqual([
      ['Bob', 1],
      ['Cid', 2],
      ['Eve', 2],
      ['Ann', 4],
      ['Dee', null],
    ]);
  });

  it('ranks lower-is-better metrics ascending (fastest response first)', () => {
    const r = competitionRank(
      [
        { id: 1, name: 'Ann', value: 95 },
        { id: 2, name: 'Bob', value: 12 },
        { id: 3, name: 'Cid', value: 12 },
      ],
      'lower',
    );
    expect(r.map((x) => [x.name, x.rank])).toEqual([
      ['Bob', 1],
      ['Cid', 1],
      ['Ann', 3],
    ]);
  });

  it('movement is positive when climbing', () => {
    expect(movement(2, 5)).toBe(3);
    expect(movement(4, 1)).toBe(-3);
    expect(movement(1, null)).toBeNull();
  });
});

describe('weightedScores', () => {
  it('normalises each metric within the board and weights them', () => {
    // calls: Ann 10 (0), Bob 30 (1), Cid 20 (0.5); response minutes (lower better): Ann 30 (1), Bob 90 (0), Cid 60 (0.5)
    // weights calls 3, response 1: Ann 100*(0+1)/4 = 25, Bob 100*(3+0)/4 = 75, Cid 100*(1.5+0.5)/4 = 50.
    const values = new Map([
      [1, { calls: 10, resp: 30 }],
      [2, { calls: 30, resp: 90 }],
      [3, { calls: 20, resp: 60 }],
    ]);
    const s = weightedScores(values, [
      { metricId: 'calls', weight: 3, better: 'higher' },
      { metricId: 'resp', weight: 1, better: 'lower' },
    ]);
    expect([...s.entries()]).toEqual([
      [1, 25],
      [2, 75],
      [3, 50],
    ]);
  });

  it('gives everyone full points on a metric where all are equal, and none for a missing value', () => {
    const values = new Map<number, Record<string, number | null>>([
      [1, { a: 5, b: null }],
      [2, { a: 5, b: 2 }],
    ]);
    const s = weightedScores(values, [
      { metricId: 'a', weight: 1, better: 'higher' },
      { metricId: 'b', weight: 1, better: 'higher' },
    ]);
    expect(s.get(1)).toBe(50);
    expect(s.get(2)).toBe(100);
  });
});

describe('published boards', () => {
  it('publishes activity counts and won business by default, not attainment, win rate or response times', () => {
    expect(isPublishedBoard(['calls'], DEFAULT_LEADERBOARD_METRICS)).toBe(true);
    expect(isPublishedBoard(['won_revenue', 'meetings_held'], DEFAULT_LEADERBOARD_METRICS)).toBe(true);
    for (const id of ['quota_attainment', 'win_rate', 'lead_response_time_p50', 'pipeline_value'])
      expect(isPublishedBoard([id], DEFAULT_LEADERBOARD_METRICS)).toBe(false);
  });

  it('keeps a weighted board private when any one of its metrics is', () => {
    expect(isPublishedBoard(['calls', 'win_rate'], ['calls'])).toBe(false);
    expect(isPublishedBoard(['calls', 'win_rate'], ['calls', 'win_rate'])).toBe(true);
  });

  it('orders ids like the registry, unknown ids last', () => {
    expect(inRegistryOrder(['won_revenue', 'zzz', 'calls', 'meetings_held'])).toEqual([
      'calls',
      'meetings_held',
      'won_revenue',
      'zzz',
    ]);
    expect(inRegistryOrder(DEFAULT_LEADERBOARD_METRICS)).toEqual(DEFAULT_LEADERBOARD_METRICS);
  });
});
