import { explained } from './line-reasons.ts';
import type { Draw, StatementLine } from './types.ts';

const blank = {
  segment: null,
  opportunityId: null,
  creditedMinor: null,
  rateBp: null,
  tier: null,
  attainmentFromPct: null,
  attainmentToPct: null,
  fromPeriodKey: null,
} as const;

/**
 * The draw line, after every other line (docs/commissions.md, "Draws"). Earnings E below the draw D are topped
 * up by D - E; a recoverable top-up is added to the balance the person owes. Earnings above the draw pay back
 * min(balance, E - D) of that balance as a negative line. A balance left from an earlier recoverable draw is
 * recovered even if the plan now has no draw (D = 0), since it is money advanced.
 */
export function drawLines(args: {
  draw: Draw | null;
  earningsMinor: number;
  balanceMinor: number;
  currency: string;
}): { lines: StatementLine[]; balanceMinor: number } {
  const { draw, earningsMinor: earned, currency } = args;
  let balance = args.balanceMinor;
  const lines: StatementLine[] = [];
  const drawMinor = draw?.amountMinor ?? 0;
  if (draw && earned < drawMinor) {
    const topUp = drawMinor - earned;
    if (draw.recoverable) balance += topUp;
    lines.push({
      ...blank,
      kind: 'draw',
      label: draw.recoverable ? 'Recoverable draw' : 'Draw',
      amountMinor: topUp,
      ...explained(
        {
          code: 'draw',
          earnedMinor: earned,
          drawMinor,
          topUpMinor: topUp,
          recoverable: draw.recoverable,
          balanceMinor: balance,
        },
        currency,
      ),
    });
  } else if (balance > 0 && earned > drawMinor) {
    const recovered = Math.min(balance, earned - drawMinor);
    balance -= recovered;
    lines.push({
      ...blank,
      kind: 'draw_recovery',
      label: 'Draw recovery',
      amountMinor: -recovered,
      ...explained(
        {
          code: 'draw_recovery',
          earnedMinor: earned,
          drawMinor,
          excessMinor: earned - drawMinor,
          recoveredMinor: recovered,
          balanceBeforeMinor: args.balanceMinor,
          balanceMinor: balance,
        },
        currency,
      ),
    });
  }
  return { lines, balanceMinor: balance };
}
