import { describe, expect, it } from 'vitest';
import { stageStep, type StageStep } from '../funnel/funnel.ts';
import { biggestGap, compareStages, diagnoseFunnel, followUpGaps } from './funnel-diagnosis.ts';

const step = (
  stageId: number,
  name: string,
  entered: number,
  advanced: number,
  medianDays: number | null = null,
): StageStep =>
  stageStep({ stageId, name, position: stageId, entered, advanced, won: 0, avgDays: medianDays, medianDays });
const WON = new Set([9]);

describe('funnel diagnosis', () => {
  it('compares each open stage with the peers and names the next stage', () => {
    const rows = compareStages(
      [step(1, 'Demo', 10, 2, 12), step(2, 'Trial', 2, 1)],
      [step(1, 'Demo', 20, 7, 8), step(2, 'Trial', 7, 5), step(9, 'Won', 5, 0)],
      WON,
    );
    expect(rows.map((r) => [r.from, r.to])).toEqual([
      ['Demo', 'Trial'],
      ['Trial', 'Won'],
    ]);
    expect(rows[0]!.rep.rate).toBe(0.2);
    expect(rows[0]!.team.rate).toBe(0.35);
    expect(rows[0]!.gap).toBeCloseTo(0.15, 12);
    expect(rows[0]!.daysGap).toBe(4);
  });

  it('picks the largest gap, the earlier stage on a tie, and ignores stages with few entries or small gaps', () => {
    const team = [step(1, 'A', 10, 8), step(2, 'B', 10, 8), step(3, 'C', 10, 9), step(4, 'D', 10, 5)];
    // A and B: 40% vs 80% (tie, A wins); C: 2 entries only (0% vs 90%); D: 48% vs 50%, under MIN_GAP.
    const rep = [step(1, 'A', 5, 2), step(2, 'B', 5, 2), step(3, 'C', 2, 0), step(4, 'D', 25, 12)];
    expect(biggestGap(compareStages(rep, team, WON))).toMatchObject({
      from: 'A',
      to: 'B',
      repRate: 0.4,
      teamRate: 0.8,
    });
    expect(biggestGap(compareStages(rep.slice(2), team, WON))).toBeNull();
  });

  it('states the findings in plain words', () => {
    const d = diagnoseFunnel({
      rep: [step(1, 'Demo', 50, 9)],
      team: [step(1, 'Demo', 100, 35), step(2, 'Trial', 35, 20)],
      wonStageIds: WON,
      followUps: followUpGaps({ lost: 8, fewFollowUps: 6 }, { lost: 40, fewFollowUps: 10 }, 5),
      responseTime: { repMinutes: 42.4, teamMinutes: null },
    });
    expect(d.sentences.map((s) => s.text)).toEqual([
      'Demo -> Trial 18% vs team 35%: biggest gap',
      '6 of 8 lost deals had fewer than 5 follow-ups after the meeting (team: 25% of lost deals)',
      'Median lead response 42 business minutes',
    ]);
    expect(d.sentences[0]).toMatchObject({
      kind: 'biggest_gap',
      values: { from: 'Demo', to: 'Trial', rep: 18, team: 35 },
    });
  });
});
