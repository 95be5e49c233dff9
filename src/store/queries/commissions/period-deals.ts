import type { CreditedDeal, StatementSegment } from '../../../domain/commissions/types.ts';
import type { Db } from '../../db.ts';
import { creditedDeals } from './credited-deals.ts';

/** Deals credited in the period to these people, one crediting query per credit rule in use (at most two). */
export async function periodDeals(
  db: Db,
  period: { start: string; end: string },
  segmentsByUser: ReadonlyMap<number, readonly StatementSegment[]>,
): Promise<Map<number, CreditedDeal[]>> {
  const out = new Map<number, CreditedDeal[]>();
  for (const creditOn of ['close', 'paid'] as const) {
    const users = [...segmentsByUser].filter(([, segs]) => segs.some((s) => s.rules.creditOn === creditOn));
    if (users.length === 0) continue;
    const rollUp = users.filter(([, segs]) =>
      segs.some((s) => s.rules.creditOn === creditOn && s.rules.rollUp),
    );
    const deals = await creditedDeals(db, {
      userIds: users.map(([id]) => id),
      from: period.start,
      to: period.end,
      creditOn,
      rollUpUserIds: rollUp.map(([id]) => id),
    });
    for (const [userId, segs] of users) {
      // A deal counts in the segment its credit date falls in, under that segment's credit rule (and roll-up).
      const mine = (deals.get(userId) ?? []).filter((d) =>
        segs.some(
          (s) =>
            s.rules.creditOn === creditOn &&
            d.creditedOn >= s.from &&
            d.creditedOn < s.to &&
            (d.role !== 'roll_up' || s.rules.rollUp),
        ),
      );
      out.set(userId, [...(out.get(userId) ?? []), ...mine]);
    }
  }
  for (const list of out.values()) {
    list.sort((a, b) =>
      a.creditedOn < b.creditedOn ? -1 : a.creditedOn > b.creditedOn ? 1 : a.opportunityId - b.opportunityId,
    );
  }
  return out;
}
