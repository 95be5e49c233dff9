/**
 * Smooth weighted round robin (the nginx algorithm): each pick adds every candidate's weight to its current
 * weight, takes the highest (ties: lowest user id) and subtracts the candidates' total from it. Over any run of
 * picks among the same candidates a weight-2 rep gets exactly twice the leads of a weight-1 rep, spread out
 * (A B A, not A A B). Reps not among the candidates (away, at their cap) keep their current weight: they neither
 * bank leads while away nor lose their place.
 */
export function pickWeighted(
  candidates: ReadonlyArray<{ userId: number; weight: number }>,
  current: Map<number, number>,
): number {
  if (candidates.length === 0) throw new Error('pickWeighted needs at least one candidate');
  let total = 0;
  let best: { userId: number; cw: number } | null = null;
  const sorted = [...candidates].sort((a, b) => a.userId - b.userId);
  for (const c of sorted) {
    const cw = (current.get(c.userId) ?? 0) + c.weight;
    current.set(c.userId, cw);
    total += c.weight;
    if (best === null || cw > best.cw) best = { userId: c.userId, cw };
  }
  current.set(best!.userId, best!.cw - total);
  return best!.userId;
}
