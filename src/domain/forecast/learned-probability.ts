import type { ForecastDeal } from './types.ts';

/**
 * Learned stage probabilities: of the deals that were in a stage and have since closed, the share that was won,
 * each deal counted by the days it spent in the stage. A forecast meets deals where they stand on one day, and on
 * any day a stage holds the deals that linger in it more often than those that pass through quickly; where lost
 * deals linger (a stalled negotiation sits for weeks, a won one closes in days) a plain share of deals over-states
 * what the stage's open deals convert at (on the seed-7 demo: Final negotiation 92% of deals won, 73% of
 * deal-days; see docs/forecasting.md). A rep's own rate is shrunk toward the company rate of the stage, and the company rate toward the configured
 * probability, each by PRIOR_DEALS pseudo-deals, so a stage or rep with few closed deals keeps close to the
 * figure above it and one with many speaks for itself.
 */

/** Closed deals that passed through one stage of one pipeline, for one owner ('rep:ID' / 'rep:none'). */
export interface StageOutcome {
  pipelineId: number;
  stageId: number;
  ownerKey: string;
  /** Deals that were in the stage and closed (won or lost) in the look-back, before the as-of instant. */
  closed: number;
  won: number;
  /** Days those deals spent in the stage (before closing), and the part of them spent by deals later won. */
  closedDays: number;
  wonDays: number;
}

/** The observed rate of an outcome: won share of the days in the stage, or of the deals when no time was spent. */
export function observedRate(
  o: Pick<StageOutcome, 'closed' | 'won' | 'closedDays' | 'wonDays'>,
): number | null {
  if (o.closedDays > 0) return o.wonDays / o.closedDays;
  return o.closed > 0 ? o.won / o.closed : null;
}

/** Weight of the rate one level up, in deals (empirical-Bayes style beta prior of this many pseudo-deals). */
export const PRIOR_DEALS = 20;

/** One stage's calibration: the configured probability beside the company's observed and shrunk rates. */
export interface StageCalibration {
  pipelineId: number;
  stageId: number;
  configured: number;
  /** Won share of the days closed deals spent in the stage; null when no deal of the stage has closed. */
  observed: number | null;
  /** Won share of the closed deals that were in the stage, each counted once (for comparison). */
  dealWonShare: number | null;
  closed: number;
  /** The probability the learned forecast uses for the company (observed shrunk toward configured). */
  learned: number;
}

/** (won + prior x rate above) / (closed + prior): the posterior mean under a beta prior centred on `toward`. */
export function shrink(won: number, closed: number, toward: number, prior = PRIOR_DEALS): number {
  return (won + prior * toward) / (closed + prior);
}

type Totals = Pick<StageOutcome, 'closed' | 'won' | 'closedDays' | 'wonDays'>;

/** Shrinks an observed rate resting on `closed` deals toward `toward` (the deals, not the days, are the evidence). */
function shrinkTotals(t: Totals, toward: number): number {
  const rate = observedRate(t);
  return rate === null ? toward : shrink(rate * t.closed, t.closed, toward);
}

const stageKey = (pipelineId: number, stageId: number) => `${pipelineId}:${stageId}`;

/** Learned probabilities for deals, given the closed-deal outcomes and each stage's configured probability. */
export class LearnedProbabilities {
  private readonly company = new Map<string, Totals>();
  private readonly byOwner = new Map<string, Totals>();

  constructor(outcomes: readonly StageOutcome[]) {
    for (const o of outcomes) {
      const k = stageKey(o.pipelineId, o.stageId);
      const c = this.company.get(k) ?? { closed: 0, won: 0, closedDays: 0, wonDays: 0 };
      c.closed += o.closed;
      c.won += o.won;
      c.closedDays += o.closedDays;
      c.wonDays += o.wonDays;
      this.company.set(k, c);
      this.byOwner.set(`${k}:${o.ownerKey}`, { ...o });
    }
  }

  /** The company rate of a stage, shrunk toward its configured probability. */
  companyRate(pipelineId: number, stageId: number, configured: number): number {
    const c = this.company.get(stageKey(pipelineId, stageId));
    return c ? shrinkTotals(c, configured) : configured;
  }

  /** The deal's probability: its owner's rate in the stage shrunk toward the company rate. */
  forDeal(deal: ForecastDeal, ownerKey: string): number {
    const company = this.companyRate(deal.pipelineId, deal.stageId, deal.probability);
    const own = this.byOwner.get(`${stageKey(deal.pipelineId, deal.stageId)}:${ownerKey}`);
    return own ? shrinkTotals(own, company) : company;
  }

  /** Configured vs observed vs learned for the given stages (company level). */
  calibration(
    stages: ReadonlyArray<{ pipelineId: number; stageId: number; configured: number }>,
  ): StageCalibration[] {
    return stages.map((s) => {
      const c = this.company.get(stageKey(s.pipelineId, s.stageId));
      return {
        ...s,
        observed: c ? observedRate(c) : null,
        dealWonShare: c && c.closed > 0 ? c.won / c.closed : null,
        closed: c?.closed ?? 0,
        learned: this.companyRate(s.pipelineId, s.stageId, s.configured),
      };
    });
  }
}
