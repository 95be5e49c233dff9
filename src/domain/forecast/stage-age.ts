import { PRIOR_DEALS } from './learned-probability.ts';

/**
 * How long a deal has sat in its stage changes its chance: a deal that has been in Demo far longer than won deals
 * stay there has most likely stalled, while one that entered last week converts like a fresh one. The learned
 * stage rate (learned-probability.ts) is the won share of the days deals spent in the stage, i.e. the chance of a
 * deal met on a random day, whatever its age; this file turns it into the chance of a deal of a given age.
 *
 * By Bayes, P(won | a days in the stage) = P(won) × P(a | won) / P(a), where a is the age of a deal met on a random
 * day in the stage: P(a) = S(a) / E[stay] for all stays and P(a | won) = S_won(a) / E[stay | won] for the stays of
 * deals later won (S = the share of stays that last at least a days). P(won) over the days is the learned rate, so
 *
 *   probability(a) = learned rate × [S_won(a) / E_won] / [S(a) / E]
 *
 * and the factor in brackets averages to 1 over the days deals spend in the stage. S_won comes from the won deals'
 * stays (short and soon known); S from every stay that began in the look-back, including those still in the stage
 * (their length so far is a lower bound: a Kaplan-Meier estimate), so stalled deals, which are lost only months
 * later, count from the start. S_won is shrunk toward S by PRIOR_DEALS pseudo-deals, so a stage with few wins
 * keeps a factor near 1 and an age beyond every observed win does not drop to exactly 0.
 */

export type StayKind = 'won' | 'ended' | 'open';

/** Stays in one stage (company-wide) of one whole-day length: left and won, left otherwise, or still there. */
export interface StageDurationBucket {
  pipelineId: number;
  stageId: number;
  /** floor(days in the stage), so far for 'open' */
  day: number;
  kind: StayKind;
  n: number;
}

interface StageCurve {
  /** S(a), a = 0..len-1: the share of stays lasting at least a whole days (Kaplan-Meier over all stays). */
  survival: number[];
  /** Won stays lasting at least a whole days, a = 0..len-1. */
  wonFrom: number[];
  won: number;
  /** Σ S(a) and Σ wonFrom(a): the mean stay in whole days (a stay of d days counts d + 1), all and won × won. */
  meanAll: number;
  wonDays: number;
}

/** The most a deal's age may multiply its learned rate by. */
const MAX_FACTOR = 3;

function curveOf(buckets: readonly StageDurationBucket[]): StageCurve {
  const len = Math.max(0, ...buckets.map((b) => b.day)) + 1;
  const ended = new Array<number>(len).fill(0);
  const atRisk = new Array<number>(len + 1).fill(0);
  const wonFrom = new Array<number>(len + 1).fill(0);
  let won = 0;
  for (const b of buckets) {
    atRisk[b.day] = (atRisk[b.day] as number) + b.n;
    if (b.kind !== 'open') ended[b.day] = (ended[b.day] as number) + b.n;
    if (b.kind === 'won') {
      wonFrom[b.day] = (wonFrom[b.day] as number) + b.n;
      won += b.n;
    }
  }
  // Suffix sums: the stays known to last at least a days (at risk on day a), the won ones among them.
  for (let a = len - 1; a >= 0; a--) {
    atRisk[a] = (atRisk[a] as number) + (atRisk[a + 1] as number);
    wonFrom[a] = (wonFrom[a] as number) + (wonFrom[a + 1] as number);
  }
  // Kaplan-Meier: a stay still in the stage counts as at risk up to its length so far, never as ended.
  const survival = new Array<number>(len).fill(0);
  let s = 1;
  let meanAll = 0;
  let wonDays = 0;
  for (let a = 0; a < len; a++) {
    survival[a] = s;
    meanAll += s;
    wonDays += wonFrom[a] as number;
    const risk = atRisk[a] as number;
    if (risk > 0) s *= 1 - (ended[a] as number) / risk;
  }
  return { survival, wonFrom: wonFrom.slice(0, len), won, meanAll, wonDays };
}

/** Age factors per stage. */
export class StageAgeRates {
  private readonly byStage = new Map<string, StageCurve>();

  constructor(buckets: readonly StageDurationBucket[]) {
    const grouped = new Map<string, StageDurationBucket[]>();
    for (const b of buckets) {
      const k = `${b.pipelineId}:${b.stageId}`;
      const list = grouped.get(k) ?? [];
      list.push(b);
      grouped.set(k, list);
    }
    for (const [k, list] of grouped) this.byStage.set(k, curveOf(list));
  }

  /**
   * The factor on the learned rate for a deal `ageDays` days into the stage: [S_won(a) / E_won] / [S(a) / E],
   * with S_won shrunk toward S by PRIOR_DEALS pseudo-deals; 1 without history. Ages beyond the longest stay seen
   * take the last day's figures.
   */
  factor(pipelineId: number, stageId: number, ageDays: number): number {
    const c = this.byStage.get(`${pipelineId}:${stageId}`);
    if (!c || c.meanAll <= 0) return 1;
    const a = Math.min(c.survival.length - 1, Math.max(0, Math.floor(ageDays)));
    const s = c.survival[a] as number;
    if (s <= 0) return 1;
    const sWon = ((c.wonFrom[a] as number) + PRIOR_DEALS * s) / (c.won + PRIOR_DEALS);
    const meanWon = (c.wonDays + PRIOR_DEALS * c.meanAll) / (c.won + PRIOR_DEALS);
    return Math.min(MAX_FACTOR, sWon / meanWon / (s / c.meanAll));
  }
}
