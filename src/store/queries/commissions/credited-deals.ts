import { sql } from 'kysely';
import type { CreditedDeal, CreditRole, DealType } from '../../../domain/commissions/types.ts';
import type { Db } from '../../db.ts';
import { idArray } from '../../sql/lists.ts';
import { toWorkspaceCurrency } from '../money/to-workspace-currency.ts';

/** Whose credited deals to load, for which local-date range [from, to), counted at close or when paid. */
export interface CreditedDealsArgs {
  userIds: readonly number[];
  from: string;
  /** Exclusive. */
  to: string;
  creditOn: 'close' | 'paid';
  /** People on a roll-up plan: also credited with the deals of everyone below them in the team tree. */
  rollUpUserIds: readonly number[];
}

interface Row {
  user_id: number;
  opportunity_id: number;
  name: string;
  credited_on: string;
  type: DealType;
  product: string | null;
  currency: string;
  amount_minor: number;
  own_currency: string;
  own_amount_minor: number;
  share_bp: number;
  credited_minor: number;
  role: CreditRole;
}

/**
 * The won deals credited to each of `userIds` in [from, to) (docs/commissions.md "Crediting"), in credit order
 * (creditedOn, then opportunityId, owner/split before roll-up). One statement, so a quarter for hundreds of reps
 * is one round trip:
 * - when: 'close' = the local date of closed_at in the workspace zone (settings.time_zone; the range bounds are
 *   turned into instants so the closed_at index serves it); 'paid' = opportunities.paid_on, won deals only.
 * - who: opportunity_splits rows when the deal has any, else the owner with 10000 bp. A split's credited amount
 *   is round half away from zero (amount x share / 10000) (numeric round does that), except the highest user id,
 *   who takes amount - the others' credits, so a deal's credits always add up to its amount.
 * - roll-up: a person in rollUpUserIds is credited with every owner/split credit of the people below them (members
 *   of the teams they manage and of those teams' descendants, themself excluded; the team tree as it is now),
 *   once per deal: shareBp and creditedMinor are the sums of those people's shares and credits, so a manager's
 *   credit equals their team's to the unit. Their own credits stay, under their own role.
 * - currency: a deal in another currency than the workspace's is converted by the rate in effect on its credit
 *   date (toWorkspaceCurrency) before it is split, so its credits add up to the converted amount; without a rate
 *   it keeps its own currency and the statement lists it as excluded.
 * Every requested id is a key of the result, with an empty list when nothing is credited.
 */
export async function creditedDeals(db: Db, args: CreditedDealsArgs): Promise<Map<number, CreditedDeal[]>> {
  const result = new Map<number, CreditedDeal[]>(args.userIds.map((id) => [id, []]));
  if (args.userIds.length === 0) return result;
  const when =
    args.creditOn === 'close'
      ? sql`(o.closed_at at time zone z.tz)::date as credited_on
          from opportunities o cross join z
          where o.status = 'won'
            and o.closed_at >= (${args.from}::date)::timestamp at time zone z.tz
            and o.closed_at < (${args.to}::date)::timestamp at time zone z.tz`
      : sql`o.paid_on as credited_on
          from opportunities o
          where o.status = 'won' and o.paid_on >= ${args.from}::date and o.paid_on < ${args.to}::date`;
  const r = await sql<Row>`
    with recursive
    z as (select time_zone as tz, currency from settings where id = 1),
    won_own as (
      select o.id, o.name, o.type, o.product, o.currency, o.amount_minor, o.owner_id, ${when}
    ),
    won as (
      select w.id, w.name, w.type, w.product, w.owner_id, w.credited_on,
        w.currency as own_currency, w.amount_minor as own_amount_minor,
        case when c.minor is null then w.currency else z.currency end as currency,
        coalesce(c.minor, w.amount_minor) as amount_minor
      from won_own w cross join z
      cross join lateral (select ${toWorkspaceCurrency(sql`w.amount_minor`, sql`w.currency`, sql`w.credited_on`, sql`z.currency`)}::bigint as minor) c
    ),
    sharers as (
      select w.id, s.user_id, s.share_bp, 'split' as role
      from won w join opportunity_splits s on s.opportunity_id = w.id
      union all
      select w.id, w.owner_id, 10000, 'owner'
      from won w
      where w.owner_id is not null and not exists (select 1 from opportunity_splits s where s.opportunity_id = w.id)
    ),
    rounded as (
      select sh.*, round(w.amount_minor::numeric * sh.share_bp / 10000)::bigint as part,
        row_number() over (partition by sh.id order by sh.user_id desc) as rank_desc
      from sharers sh join won w on w.id = sh.id
    ),
    credits as (
      select r.id, r.user_id, r.share_bp, r.role,
        case when r.rank_desc = 1
          then w.amount_minor - (sum(r.part) over (partition by r.id) - r.part)
          else r.part end as credited_minor
      from rounded r join won w on w.id = r.id
    ),
    subtree(manager_id, team_id) as (
      select t.manager_id, t.id from teams t where t.manager_id = any(${idArray(args.rollUpUserIds)})
      union
      select s.manager_id, t.id from teams t join subtree s on t.parent_team_id = s.team_id
    ),
    below as (
      select distinct s.manager_id, u.id as user_id
      from subtree s join users u on u.team_id = s.team_id
      where u.id <> s.manager_id
    ),
    all_credits as (
      select c.user_id, c.id, c.share_bp, c.credited_minor, c.role from credits c
      where c.user_id = any(${idArray(args.userIds)})
      union all
      select b.manager_id, c.id, sum(c.share_bp), sum(c.credited_minor), 'roll_up'
      from credits c join below b on b.user_id = c.user_id
      where b.manager_id = any(${idArray(args.userIds)})
      group by b.manager_id, c.id
    )
    select a.user_id, a.id as opportunity_id, w.name, w.credited_on, w.type, w.product, w.currency,
      w.amount_minor, w.own_currency, w.own_amount_minor, a.share_bp, a.credited_minor, a.role
    from all_credits a join won w on w.id = a.id
    order by a.user_id, w.credited_on, a.id, a.role = 'roll_up'`.execute(db);
  for (const row of r.rows) {
    const own = row.own_currency.trim();
    const currency = row.currency.trim();
    result.get(Number(row.user_id))?.push({
      opportunityId: Number(row.opportunity_id),
      name: row.name,
      creditedOn: row.credited_on,
      type: row.type,
      product: row.product,
      currency,
      amountMinor: Number(row.amount_minor),
      ...(own !== currency
        ? { convertedFrom: { currency: own, amountMinor: Number(row.own_amount_minor) } }
        : {}),
      shareBp: Number(row.share_bp),
      creditedMinor: Number(row.credited_minor),
      role: row.role,
    });
  }
  return result;
}
