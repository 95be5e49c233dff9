/**
 * Area under the ROC curve: the chance that a randomly chosen positive outranks a randomly chosen negative
 * (ties count half). Computed from ranks (the Mann-Whitney U statistic), O(n log n), so a hold-out of 100k leads
 * is cheap. Null when either class is empty: there is nothing to rank against.
 */
export function rocAuc(scores: readonly number[], labels: readonly boolean[]): number | null {
  if (scores.length !== labels.length) throw new Error('rocAuc: scores and labels differ in length');
  const order = scores.map((_, i) => i).sort((a, b) => (scores[a] as number) - (scores[b] as number));
  let positives = 0;
  let positiveRankSum = 0;
  let i = 0;
  while (i < order.length) {
    // A run of equal scores shares the average of the ranks it spans (ranks are 1-based).
    let j = i;
    while (j + 1 < order.length && scores[order[j + 1] as number] === scores[order[i] as number]) j += 1;
    const averageRank = (i + 1 + (j + 1)) / 2;
    for (let k = i; k <= j; k += 1) {
      if (labels[order[k] as number]) {
        positives += 1;
        positiveRankSum += averageRank;
      }
    }
    i = j + 1;
  }
  const negatives = scores.length - positives;
  if (positives === 0 || negatives === 0) return null;
  return (positiveRankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}
