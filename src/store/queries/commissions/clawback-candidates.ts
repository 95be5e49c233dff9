import { sql } from 'kysely';
import type { Period } from '../../../domain/calendar/period.ts';
import type { ClawbackInput, StatementSegment } from '../../../domain/commissions/types.ts';
import type { Db } from '../../db.ts';

/**
 * Customers that churned in the period within their plan's clawback window, with the net commission each person
 * was paid on the account's won new-business deals in locked statements (commission, type-rate, adjustment and
 * earlier clawback lines), in one query. The engine decides with the rules in effect on the churn date; this
 * only narrows to the widest window among the person's segments.
 */
export async function clawbackCandidates(
  db: Db,
  period: Period,
  segmentsByUser: ReadonlyMap<number, readonly StatementSegment[]>,
): Promise<Map<number, ClawbackInput[]>> {
  const windows = [...segmentsByUser].flatMap(([userId, segs]) => {
    const days = Math.max(-1, ...segs.map((s) => s.rules.clawbackDays ?? -1));
    return days >= 0 ? [{ userId, days }] : [];
  });
  const out = new Map<number, ClawbackInput[]>();
  if (windows.length === 0) return out;
  const r = await sql<{
    user_id: number;
    customer_id: number;
    customer_name: string;
    started_at: string;
    ended_at: string;
    opportunity_id: number;
    opportunity_name: string;
    paid_minor: number;
  }>`
    with w(user_id, days) as (values ${sql.join(windows.map((x) => sql`(${x.userId}::bigint, ${x.days}::int)`))})
    select s.user_id, c.id as customer_id, c.name as customer_name, c.started_at, c.ended_at,
           o.id as opportunity_id, o.name as opportunity_name, sum(l.amount_minor) as paid_minor
    from customers c
    join opportunities o on o.account_id = c.account_id and o.status = 'won' and o.type = 'new_business'
    join commission_statement_lines l on l.opportunity_id = o.id
      and l.kind in ('commission', 'type_rate', 'adjustment', 'clawback')
    join commission_statements s on s.id = l.statement_id and s.status <> 'draft'
    join w on w.user_id = s.user_id
    where c.ended_at >= ${period.start} and c.ended_at < ${period.end}
      and c.ended_at - c.started_at <= w.days
    group by s.user_id, c.id, c.name, c.started_at, c.ended_at, o.id, o.name
    order by s.user_id, c.id, o.id`.execute(db);
  for (const row of r.rows) {
    const userId = Number(row.user_id);
    const list = out.get(userId) ?? [];
    let c = list.find((x) => x.customerId === Number(row.customer_id));
    if (!c) {
      c = {
        customerId: Number(row.customer_id),
        customerName: row.customer_name,
        startedOn: String(row.started_at),
        endedOn: String(row.ended_at),
        paidByDeal: [],
      };
      list.push(c);
      out.set(userId, list);
    }
    c.paidByDeal.push({
      opportunityId: Number(row.opportunity_id),
      name: row.opportunity_name,
      paidMinor: Number(row.paid_minor),
    });
  }
  return out;
}
