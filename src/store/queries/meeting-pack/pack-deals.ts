import { sql } from 'kysely';
import type { DealWindow } from '../../../domain/meeting-pack/meeting-pack.ts';
import type { Db } from '../../db.ts';
import { inList } from '../../sql/lists.ts';
import { localDateOf, minorOrNull } from '../money/listed-amounts.ts';
import { toWorkspaceCurrency, WORKSPACE_CURRENCY } from '../money/to-workspace-currency.ts';
import { stalledSql } from '../coaching/pipeline-changes.ts';
import { pipelineAtDateSql } from '../pipeline-at-date.ts';

/** Whose deals: these owners, or every owner (null, the company pack). */
type Owners = readonly number[] | null;

const ownerTest = (owners: Owners, col: string) =>
  owners === null ? sql<boolean>`true` : inList(sql.ref(col), owners);

const WORKSPACE_ZONE = sql`(select s.time_zone from settings s where s.id = 1)`;

/** An open deal's amount in the workspace currency by the rate of the as-of instant's local date. */
const openAmount = (p: string, asOf: Date) =>
  toWorkspaceCurrency(
    sql.ref(`${p}.amount_minor`),
    sql.ref(`${p}.currency`),
    localDateOf(asOf, WORKSPACE_ZONE),
    WORKSPACE_CURRENCY,
  );

/**
 * Every deal open at `asOf` owned in scope, with its state at `windowStart` (null when it was not open then), for
 * the hottest-deals rule (src/domain/meeting-pack). Both snapshots come from the maintained stage spans
 * (pipelineAtDateSql), as the pipeline changes and the weighted pipeline metric read them.
 */
export async function dealWindows(
  db: Db,
  owners: Owners,
  windowStart: Date,
  asOf: Date,
  now: Date,
): Promise<DealWindow[]> {
  const r = await sql<{
    opportunity_id: number;
    name: string;
    owner_id: number | null;
    owner_name: string | null;
    currency: string;
    stage_name: string;
    probability_pct: number;
    amount_minor: number;
    workspace_amount_minor: string | null;
    expected_close_date: string | null;
    end_position: number;
    s_open: boolean;
    s_position: number | null;
    s_amount: number | null;
    s_close: string | null;
  }>`
    select e.opportunity_id, e.name, e.owner_id, u.name as owner_name, e.currency, es.name as stage_name,
      e.probability_pct, e.amount_minor, ${openAmount('e', asOf)}::text as workspace_amount_minor,
      e.expected_close_date::text as expected_close_date,
      es.position as end_position, s.opportunity_id is not null as s_open, ss.position as s_position,
      s.amount_minor as s_amount, s.expected_close_date::text as s_close
    from ${pipelineAtDateSql(asOf, now)} e
    join stages es on es.id = e.stage_id
    left join users u on u.id = e.owner_id
    left join ${pipelineAtDateSql(windowStart, now)} s on s.opportunity_id = e.opportunity_id
    left join stages ss on ss.id = s.stage_id
    where ${ownerTest(owners, 'e.owner_id')}`.execute(db);
  return r.rows.map((row) => ({
    opportunityId: Number(row.opportunity_id),
    name: row.name,
    ownerId: row.owner_id === null ? null : Number(row.owner_id),
    ownerName: row.owner_name,
    currency: row.currency.trim(),
    stageName: row.stage_name,
    probabilityPct: Number(row.probability_pct),
    amountMinor: Number(row.amount_minor),
    workspaceAmountMinor: minorOrNull(row.workspace_amount_minor),
    expectedCloseDate: row.expected_close_date,
    endStagePosition: Number(row.end_position),
    start: row.s_open
      ? {
          stagePosition: Number(row.s_position),
          amountMinor: Number(row.s_amount),
          expectedCloseDate: row.s_close,
        }
      : null,
  }));
}

/** One deal as the pack lists it (stalled or won). */
export interface PackDeal {
  opportunityId: number;
  name: string;
  ownerId: number | null;
  ownerName: string | null;
  currency: string;
  amountMinor: number;
  /** In the workspace currency: stalled by the as-of date's rate, won by the close date's; null without a rate. */
  workspaceAmountMinor: number | null;
  stageName: string;
  /** Stalled: the expected close date; won: the local close date. */
  date: string | null;
  /** Stalled: days since the deal's last stage entry (or creation) at the as-of instant; won: null. */
  days: number | null;
}

/**
 * The deals stalled at `asOf` by the pipeline changes' rule (stalledSql: open, no stage change and no activity on
 * it for `stalledDays`), largest in the workspace currency first (deals without a rate last), at most `limit`,
 * with how many there are in all.
 */
export async function stalledDeals(
  db: Db,
  owners: Owners,
  asOf: Date,
  stalledDays: number,
  now: Date,
  limit: number,
): Promise<{ deals: PackDeal[]; total: number }> {
  const stalledBefore = new Date(asOf.getTime() - stalledDays * 86_400_000);
  const r = await sql<PackRow & { total: number }>`
    select e.opportunity_id, e.name, e.owner_id, u.name as owner_name, e.currency, e.amount_minor,
      ${openAmount('e', asOf)}::bigint as converted,
      st.name as stage_name, e.expected_close_date::text as date,
      floor(extract(epoch from (${asOf.toISOString()}::timestamptz - coalesce(
        (select max(sp.changed_at) from opportunity_stage_spans sp where sp.opportunity_id = o.id and sp.is_entry
          and sp.changed_at <= ${asOf.toISOString()}::timestamptz), o.created_at))) / 86400) as days,
      count(*) over () as total
    from ${pipelineAtDateSql(asOf, now)} e
    join opportunities o on o.id = e.opportunity_id
    join stages st on st.id = e.stage_id
    left join users u on u.id = e.owner_id
    where ${ownerTest(owners, 'e.owner_id')} and ${stalledSql('o', asOf, stalledBefore)}
    order by converted desc nulls last, e.amount_minor desc, e.opportunity_id
    limit ${limit}`.execute(db);
  return { deals: r.rows.map(toDeal), total: Number(r.rows[0]?.total ?? 0) };
}

/** Deals won in [start, end) owned in scope, largest in the workspace currency first (close date's rate), at most `limit`. */
export async function wonDeals(
  db: Db,
  owners: Owners,
  start: Date,
  end: Date,
  timeZone: string,
  limit: number,
): Promise<PackDeal[]> {
  const r = await sql<PackRow>`
    select o.id as opportunity_id, o.name, o.owner_id, u.name as owner_name, o.currency, o.amount_minor,
      ${toWorkspaceCurrency(sql`o.amount_minor`, sql`o.currency`, sql`(o.closed_at at time zone ${timeZone})::date`)}::bigint
        as converted,
      st.name as stage_name, (o.closed_at at time zone ${timeZone})::date::text as date, null as days
    from opportunities o
    join stages st on st.id = o.stage_id
    left join users u on u.id = o.owner_id
    where o.status = 'won' and o.closed_at >= ${start.toISOString()}::timestamptz
      and o.closed_at < ${end.toISOString()}::timestamptz and ${ownerTest(owners, 'o.owner_id')}
    order by converted desc nulls last, o.amount_minor desc, o.id
    limit ${limit}`.execute(db);
  return r.rows.map(toDeal);
}

interface PackRow {
  opportunity_id: number;
  name: string;
  owner_id: number | null;
  owner_name: string | null;
  currency: string;
  amount_minor: number;
  converted: string | null;
  stage_name: string;
  date: string | null;
  days: number | null;
}

function toDeal(row: PackRow): PackDeal {
  return {
    opportunityId: Number(row.opportunity_id),
    name: row.name,
    ownerId: row.owner_id === null ? null : Number(row.owner_id),
    ownerName: row.owner_name,
    currency: row.currency.trim(),
    amountMinor: Number(row.amount_minor),
    workspaceAmountMinor: minorOrNull(row.converted),
    stageName: row.stage_name,
    date: row.date,
    days: row.days === null ? null : Number(row.days),
  };
}
