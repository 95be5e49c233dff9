import { sql } from 'kysely';
import type { Viewer } from '../../../domain/access/viewer.ts';
import { addDays } from '../../../domain/calendar/local-date.ts';
import {
  parsePeriod,
  periodContaining,
  type Period,
  type PeriodCalendar,
} from '../../../domain/calendar/period.ts';
import { currentPeriod } from '../../../domain/calendar/current-period.ts';
import { localDateToInstant } from '../../../domain/calendar/zoned.ts';
import {
  classifyDeal,
  DEFAULT_STALLED_DAYS,
  reconcile,
  type CurrencyReconciliation,
  type DealChange,
  type DealState,
  type DealWeekFacts,
  type PipelineCategory,
} from '../../../domain/coaching/pipeline-changes.ts';
import { AppError } from '../../../errors.ts';
import type { Db } from '../../db.ts';
import { inList } from '../../sql/lists.ts';
import { getSettings } from '../../tables/settings.ts';
import { rateNotice } from '../money/listed-amounts.ts';
import { toWorkspaceCurrency } from '../money/to-workspace-currency.ts';
import { pipelineAtDateSql } from '../pipeline-at-date.ts';
import { resolveCoachingSubject, type CoachingSubject } from './coaching-subject.ts';

/** What GET /api/pipeline-changes returns and `pacesetter pipeline changes --json` prints. */
export interface PipelineChangesReport {
  week: { key: string; from: string; to: string };
  /** Deals count when their expected close date is in this period ('all': any or none). */
  closePeriod: { key: string; from: string | null; to: string | null };
  subject: { type: CoachingSubject['type']; id: number | null; name: string };
  stalledDays: number;
  /** One reconciliation per currency, the workspace currency first, in each deal's own currency. */
  totals: CurrencyReconciliation[];
  /**
   * Every deal in the workspace currency, one reconciliation: both snapshots converted by the rate of the week's
   * as-of date (its end, or now for the current week) so a rate change in the week is no deal's change, a closing
   * amount by the rate of its close date; deals without a rate are left out (currenciesWithoutRate).
   */
  workspaceTotals: CurrencyReconciliation;
  currenciesWithoutRate: string[];
  warnings: string[];
  /**
   * Classified deals (of `category` when asked), largest effect in the workspace currency first (deals without a
   * rate after them), at most `limit` of them.
   */
  deals: ListedChange[];
  /** How many deals match before the limit. */
  dealCount: number;
}

/** A listed deal: its change in its own currency and, when it converts, in the workspace currency. */
export type ListedChange = DealChange & {
  ownerId: number | null;
  ownerName: string | null;
  workspace: Pick<DealChange, 'startAmountMinor' | 'endAmountMinor' | 'effectMinor' | 'amountMinor'> | null;
};

export interface PipelineChangesRequest {
  /** Week key, e.g. '2026-W47': the workspace week holding that ISO week's Monday (default: the current week). */
  week?: string | undefined;
  userId?: number | undefined;
  teamId?: number | undefined;
  /** Period key for the close dates, or 'all' (default: the quarter containing the week's last day). */
  closePeriod?: string | undefined;
  stalledDays?: number | undefined;
  /** Only list deals of this category (totals always cover every deal). */
  category?: PipelineCategory | undefined;
  /** List at most this many deals (default: all). */
  limit?: number | undefined;
}

interface Row {
  opportunity_id: number;
  name: string;
  currency: string;
  owner_id: number | null;
  owner_name: string | null;
  created_in_week: boolean;
  closed_in_week: 'won' | 'lost' | null;
  closed_amount: number | null;
  closed_ws: string | null;
  stalled: boolean;
  s_open: boolean;
  s_position: number | null;
  s_amount: number | null;
  s_ws: string | null;
  s_close: string | null;
  s_owner: number | null;
  s_in_scope: boolean | null;
  s_in_period: boolean | null;
  e_open: boolean;
  e_position: number | null;
  e_amount: number | null;
  e_ws: string | null;
  e_close: string | null;
  e_owner: number | null;
  e_in_scope: boolean | null;
  e_in_period: boolean | null;
}

/**
 * Week-over-week pipeline changes for a rep, a team or everything the viewer sees (rules in
 * src/domain/coaching/pipeline-changes.ts). One set-based query reads each deal's state at the week's start and
 * end from opportunity_stage_spans (pipelineAtDateSql), the deals closed in the week, and for "stalled" the last
 * stage entry and the last activity on the deal before the end; only the deals that changed or stayed in the
 * pipeline come back to be classified.
 */
export async function pipelineChanges(
  db: Db,
  viewer: Viewer,
  req: PipelineChangesRequest,
  now: Date = new Date(),
): Promise<PipelineChangesReport> {
  const settings = await getSettings(db);
  const tz = settings.timeZone;
  const periodCal: PeriodCalendar = settings;
  const week = resolveWeek(req.week, now, tz, periodCal);
  const stalledDays = req.stalledDays ?? DEFAULT_STALLED_DAYS;
  if (!Number.isInteger(stalledDays) || stalledDays < 1 || stalledDays > 365) {
    throw new AppError('validation', 'stalledDays must be a whole number of days from 1 to 365', [
      { field: 'stalledDays', value: String(stalledDays), reason: 'expected 1-365' },
    ]);
  }
  const closePeriod = resolveClosePeriod(req.closePeriod, week, periodCal);
  const subject = await resolveCoachingSubject(db, viewer, req);

  const startAt = localDateToInstant(week.start, tz);
  const endAt = localDateToInstant(week.end, tz);
  if (startAt.getTime() > now.getTime()) {
    throw new AppError('validation', `Week ${week.key} has not started yet`, [
      { field: 'week', value: week.key, reason: 'in the future', rule: 'in_future' },
    ]);
  }
  // Stalled is judged at the end of the week, or now for the current week.
  const asOf = endAt.getTime() < now.getTime() ? endAt : now;
  const stalledBefore = new Date(asOf.getTime() - stalledDays * 86_400_000);

  const ownerTest = (col: string) =>
    subject.ownerIds === null ? sql<boolean>`true` : inList(sql.ref(col), subject.ownerIds);
  const periodTest = (col: string) =>
    closePeriod === null
      ? sql<boolean>`true`
      : sql<boolean>`coalesce(${sql.ref(col)} >= ${closePeriod.start}::date and ${sql.ref(col)} < ${closePeriod.end}::date, false)`;
  const startIso = startAt.toISOString();
  const endIso = endAt.toISOString();
  const rateDate = sql`(${asOf.toISOString()}::timestamptz at time zone ${tz})::date`;
  const ws = (amount: string, on = rateDate) =>
    sql`${toWorkspaceCurrency(sql.ref(amount), sql`o.currency`, on, settings.currency)}::text`;

  const r = await sql<Row>`
    with s as (
      select p.opportunity_id, p.stage_id, p.amount_minor, p.expected_close_date, p.owner_id,
        ${ownerTest('p.owner_id')} as in_scope, ${periodTest('p.expected_close_date')} as in_period
      from ${pipelineAtDateSql(startAt, now)} p
    ), e as (
      select p.opportunity_id, p.stage_id, p.amount_minor, p.expected_close_date, p.owner_id,
        ${ownerTest('p.owner_id')} as in_scope, ${periodTest('p.expected_close_date')} as in_period
      from ${pipelineAtDateSql(endAt, now)} p
    ), ids as (
      select opportunity_id from s where in_scope and in_period
      union
      select opportunity_id from e where in_scope and in_period
      union
      select o.id from opportunities o
      where o.status in ('won', 'lost') and o.closed_at >= ${startIso}::timestamptz
        and o.closed_at < ${endIso}::timestamptz and ${ownerTest('o.owner_id')}
    )
    select o.id as opportunity_id, o.name, o.currency, o.owner_id, u.name as owner_name,
      o.created_at >= ${startIso}::timestamptz and o.created_at < ${endIso}::timestamptz as created_in_week,
      case when o.status in ('won', 'lost') and o.closed_at >= ${startIso}::timestamptz
        and o.closed_at < ${endIso}::timestamptz then o.status end as closed_in_week,
      case when o.status in ('won', 'lost') then o.amount_minor end as closed_amount,
      case when o.status in ('won', 'lost')
        then ${ws('o.amount_minor', sql`(o.closed_at at time zone ${tz})::date`)} end as closed_ws,
      e.opportunity_id is not null and ${stalledSql('o', asOf, stalledBefore)} as stalled,
      s.opportunity_id is not null as s_open, ss.position as s_position, s.amount_minor as s_amount,
      ${ws('s.amount_minor')} as s_ws,
      s.expected_close_date::text as s_close, s.owner_id as s_owner, s.in_scope as s_in_scope,
      s.in_period as s_in_period,
      e.opportunity_id is not null as e_open, es.position as e_position, e.amount_minor as e_amount,
      ${ws('e.amount_minor')} as e_ws,
      e.expected_close_date::text as e_close, e.owner_id as e_owner, e.in_scope as e_in_scope,
      e.in_period as e_in_period
    from ids
    join opportunities o on o.id = ids.opportunity_id
    left join users u on u.id = o.owner_id
    left join s on s.opportunity_id = o.id
    left join stages ss on ss.id = s.stage_id
    left join e on e.opportunity_id = o.id
    left join stages es on es.id = e.stage_id`.execute(db);

  const deals = r.rows
    .map((row): ListedChange | null => {
      const change = classifyDeal(toFacts(row));
      if (!change) return null;
      const converted = convertedFacts(row);
      const inWorkspace = converted && classifyDeal(converted);
      const workspace = inWorkspace
        ? {
            startAmountMinor: inWorkspace.startAmountMinor,
            endAmountMinor: inWorkspace.endAmountMinor,
            effectMinor: inWorkspace.effectMinor,
            amountMinor: inWorkspace.amountMinor,
          }
        : null;
      return { ...change, ownerId: row.owner_id, ownerName: row.owner_name, workspace };
    })
    .filter((d): d is ListedChange => d !== null)
    .sort(byWorkspaceEffect);
  const listed = req.category === undefined ? deals : deals.filter((d) => d.category === req.category);
  return {
    week: { key: week.key, from: week.start, to: addDays(week.end, -1) },
    closePeriod:
      closePeriod === null
        ? { key: 'all', from: null, to: null }
        : { key: closePeriod.key, from: closePeriod.start, to: addDays(closePeriod.end, -1) },
    subject: { type: subject.type, id: subject.id, name: subject.name },
    stalledDays,
    totals: reconcile(deals, settings.currency),
    workspaceTotals: reconcile(
      deals.flatMap((d) => (d.workspace ? [{ ...d, ...d.workspace, currency: settings.currency }] : [])),
      settings.currency,
    )[0] as CurrencyReconciliation,
    ...rateNotice(
      deals.map((d) => ({ currency: d.currency, workspaceAmountMinor: d.workspace?.amountMinor ?? null })),
    ),
    deals: listed.slice(0, req.limit ?? listed.length),
    dealCount: listed.length,
  };
}

/**
 * The stalled rule as SQL over the opportunities row aliased `o` (open at `asOf` is the caller's test): created
 * at or before `stalledBefore`, no stage entry after it and no activity on the deal after it, up to `asOf`.
 * Shared with the meeting pack (src/store/queries/meeting-pack/), so both name the same deals stalled.
 */
export function stalledSql(o: string, asOf: Date, stalledBefore: Date) {
  const before = stalledBefore.toISOString();
  const at = asOf.toISOString();
  const id = sql.ref(`${o}.id`);
  return sql<boolean>`(${sql.ref(`${o}.created_at`)} <= ${before}::timestamptz
        and coalesce((select max(sp.changed_at) from opportunity_stage_spans sp
          where sp.opportunity_id = ${id} and sp.is_entry and sp.changed_at <= ${at}::timestamptz)
          <= ${before}::timestamptz, true)
        and not exists (select 1 from activities a where a.opportunity_id = ${id}
          and a.occurred_at > ${before}::timestamptz and a.occurred_at <= ${at}::timestamptz))`;
}

function toFacts(row: Row): DealWeekFacts {
  const state = (
    open: boolean,
    position: number | null,
    amount: number | null,
    close: string | null,
    owner: number | null,
    inScope: boolean | null,
    inPeriod: boolean | null,
  ): DealState | null =>
    open
      ? {
          stagePosition: Number(position),
          amountMinor: Number(amount),
          expectedCloseDate: close,
          ownerId: owner === null ? null : Number(owner),
          ownerInScope: inScope === true,
          closeInPeriod: inPeriod === true,
        }
      : null;
  return {
    opportunityId: Number(row.opportunity_id),
    name: row.name,
    currency: row.currency.trim(),
    start: state(
      row.s_open,
      row.s_position,
      row.s_amount,
      row.s_close,
      row.s_owner,
      row.s_in_scope,
      row.s_in_period,
    ),
    end: state(
      row.e_open,
      row.e_position,
      row.e_amount,
      row.e_close,
      row.e_owner,
      row.e_in_scope,
      row.e_in_period,
    ),
    createdInWeek: row.created_in_week,
    closedInWeek: row.closed_in_week,
    closedAmountMinor: row.closed_amount === null ? null : Number(row.closed_amount),
    stalledAtEnd: row.stalled,
  };
}

/** Largest effect in the workspace currency first, then larger amount, then lower id; unconverted deals last. */
function byWorkspaceEffect(a: ListedChange, b: ListedChange): number {
  if (!a.workspace || !b.workspace) {
    return (
      (a.workspace ? 0 : 1) - (b.workspace ? 0 : 1) ||
      Math.abs(b.effectMinor) - Math.abs(a.effectMinor) ||
      a.opportunityId - b.opportunityId
    );
  }
  return (
    Math.abs(b.workspace.effectMinor) - Math.abs(a.workspace.effectMinor) ||
    b.workspace.amountMinor - a.workspace.amountMinor ||
    a.opportunityId - b.opportunityId
  );
}

/**
 * The deal's facts with every amount in the workspace currency, or null when one it needs has no rate (the
 * snapshot amounts by the as-of date's rate, the closing amount by the close date's).
 */
function convertedFacts(row: Row): DealWeekFacts | null {
  const missing = (open: boolean, ws: string | null) => open && ws === null;
  if (missing(row.s_open, row.s_ws) || missing(row.e_open, row.e_ws)) return null;
  if (row.closed_amount !== null && row.closed_ws === null) return null;
  return toFacts({
    ...row,
    s_amount: row.s_ws === null ? null : Number(row.s_ws),
    e_amount: row.e_ws === null ? null : Number(row.e_ws),
    closed_amount: row.closed_ws === null ? null : Number(row.closed_ws),
  });
}

/** The week asked for (a 'YYYY-Www' key), or the week containing `now`, in the workspace's zone and weeks. */
function resolveWeek(key: string | undefined, now: Date, tz: string, periodCal: PeriodCalendar): Period {
  if (key === undefined) return currentPeriod(now, 'week', { ...periodCal, timeZone: tz });
  if (!/^\d{4}-W\d{2}$/.test(key.trim())) {
    throw new AppError('validation', `Invalid week '${key}': expected a week such as 2026-W47`, [
      { field: 'week', value: key, reason: 'expected YYYY-Www' },
    ]);
  }
  return parsePeriod(key, periodCal);
}

/** The close-date period: a period key, 'all' (null: any close date), or by default the week's quarter. */
function resolveClosePeriod(key: string | undefined, week: Period, periodCal: PeriodCalendar): Period | null {
  if (key === 'all') return null;
  if (key === undefined) return periodContaining(addDays(week.end, -1), 'quarter', periodCal);
  try {
    return parsePeriod(key, periodCal);
  } catch (e) {
    if (e instanceof AppError) {
      throw new AppError('validation', `Invalid closePeriod '${key}': ${e.message}`, [
        { field: 'closePeriod', value: key, reason: 'expected a period key or all' },
      ]);
    }
    throw e;
  }
}
