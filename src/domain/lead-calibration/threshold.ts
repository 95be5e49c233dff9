import type { LeadOutcome } from './outcomes.ts';

/** What a qualification threshold would have done to past leads. */
export interface ThresholdEffect {
  threshold: number;
  /** Leads scoring at or above the threshold. */
  passed: number;
  /** Share of all leads passed. */
  passRate: number | null;
  /** Later wins among the passed leads. */
  winsCaught: number;
  /** Of all later wins, the share the threshold would have passed (recall); null when there were no wins. */
  recall: number | null;
  /** Of the passed leads, the share that later won (precision); null when nothing passed. */
  precision: number | null;
  /** Of the passed leads, the share that became an opportunity. */
  opportunityRate: number | null;
}

export function thresholdEffect(outcomes: readonly LeadOutcome[], threshold: number): ThresholdEffect {
  let passed = 0;
  let winsCaught = 0;
  let wins = 0;
  let opportunities = 0;
  for (const o of outcomes) {
    if (o.won) wins += 1;
    if (o.score < threshold) continue;
    passed += 1;
    if (o.won) winsCaught += 1;
    if (o.opportunity) opportunities += 1;
  }
  return {
    threshold,
    passed,
    passRate: outcomes.length > 0 ? passed / outcomes.length : null,
    winsCaught,
    recall: wins > 0 ? winsCaught / wins : null,
    precision: passed > 0 ? winsCaught / passed : null,
    opportunityRate: passed > 0 ? opportunities / passed : null,
  };
}

/** The effect of every distinct score used as a threshold, ascending: the curve a manager picks a point on. */
export function thresholdCurve(outcomes: readonly LeadOutcome[]): ThresholdEffect[] {
  const distinct = [...new Set(outcomes.map((o) => o.score))].sort((a, b) => a - b);
  // One pass from the top: each distinct score adds the leads at exactly that score.
  const byScore = new Map<number, { n: number; wins: number; opps: number }>();
  let wins = 0;
  for (const o of outcomes) {
    const e = byScore.get(o.score) ?? { n: 0, wins: 0, opps: 0 };
    e.n += 1;
    if (o.won) {
      e.wins += 1;
      wins += 1;
    }
    if (o.opportunity) e.opps += 1;
    byScore.set(o.score, e);
  }
  const out: ThresholdEffect[] = [];
  let passed = 0;
  let caught = 0;
  let opps = 0;
  for (let i = distinct.length - 1; i >= 0; i -= 1) {
    const s = distinct[i] as number;
    const e = byScore.get(s) as { n: number; wins: number; opps: number };
    passed += e.n;
    caught += e.wins;
    opps += e.opps;
    out.push({
      threshold: s,
      passed,
      passRate: passed / outcomes.length,
      winsCaught: caught,
      recall: wins > 0 ? caught / wins : null,
      precision: caught / passed,
      opportunityRate: opps / passed,
    });
  }
  return out.reverse();
}
