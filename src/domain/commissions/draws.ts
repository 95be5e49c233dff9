import { formatMinor } from './money.ts';
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
  const money = (m: number) => formatMinor(m, currency);
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
      explanation:
        `Earnings of ${money(earned)} are below the ${money(drawMinor)} draw: topped up by ${money(topUp)}` +
        (draw.recoverable
          ? `, to be paid back from later earnings above the draw (balance owed now ${money(balance)}).`
          : ' (not recoverable: never paid back).'),
    });
  } else if (balance > 0 && earned > drawMinor) {
    const recovered = Math.min(balance, earned - drawMinor);
    balance -= recovered;
    lines.push({
      ...blank,
      kind: 'draw_recovery',
      label: 'Draw recovery',
      amountMinor: -recovered,
      explanation:
        `Earnings of ${money(earned)} exceed the ${money(drawMinor)} draw by ${money(earned - drawMinor)}: ` +
        `${money(recovered)} of the ${money(args.balanceMinor)} recoverable draw balance is paid back ` +
        `(balance now ${money(balance)}).`,
    });
  }
  return { lines, balanceMinor: balance };
}
