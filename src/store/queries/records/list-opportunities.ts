import { sql } from 'kysely';
import type { Viewer } from '../../../domain/access/viewer.ts';
import type { ForecastCategory, OpportunityStatus, OpportunityType } from '../../schema.ts';
import { visibleOwner } from '../../access/visible-owner.ts';
import type { Db } from '../../db.ts';
import { dealRateDate, localDateOf, minorOrNull } from '../money/listed-amounts.ts';
import { toWorkspaceCurrency } from '../money/to-workspace-currency.ts';
import { fetchPage, iterateById, type Page, type PageRequest } from './paged-list.ts';
import type { PeriodWindow } from './period-window.ts';

/** An opportunity as lists, detail and export show it. */
export interface OpportunityRecord {
  id: number;
  externalId: string | null;
  name: string;
  accountId: number | null;
  accountName: string | null;
  ownerId: number | null;
  ownerName: string | null;
  pipelineId: number;
  stageId: number;
  stageName: string;
  status: OpportunityStatus;
  type: OpportunityType;
  amountMinor: number;
  currency: string;
  /**
   * amountMinor in the workspace currency: a won or lost deal by the rate of its close date, an open deal by
   * today's; null when no rate is in effect then.
   */
  workspaceAmountMinor: number | null;
  forecastCategory: ForecastCategory;
  leadSource: string | null;
  expectedCloseDate: string | null;
  createdAt: Date;
  closedAt: Date | null;
  lostReason: string | null;
}

/** Which date a period filter applies to. */
export type OpportunityDateField = 'created' | 'closed' | 'expected_close';

/** Filters for opportunity lists and exports; all optional, combined with AND. */
export interface OpportunityFilter {
  id?: number;
  ownerId?: number;
  stageId?: number;
  pipelineId?: number;
  status?: OpportunityStatus;
  type?: OpportunityType;
  period?: PeriodWindow;
  dateField?: OpportunityDateField;
  /** Keyset paging for exports: only ids above this. */
  afterId?: number;
}

function baseQuery(db: Db, viewer: Viewer, f: OpportunityFilter) {
  let q = db
    .selectFrom('opportunities as o')
    .innerJoin('stages as s', 's.id', 'o.stage_id')
    .leftJoin('users as u', 'u.id', 'o.owner_id')
    .leftJoin('accounts as a', 'a.id', 'o.account_id')
    .where(visibleOwner(viewer, 'o.owner_id'));
  if (f.id !== undefined) q = q.where('o.id', '=', f.id);
  if (f.ownerId !== undefined) q = q.where('o.owner_id', '=', f.ownerId);
  if (f.stageId !== undefined) q = q.where('o.stage_id', '=', f.stageId);
  if (f.pipelineId !== undefined) q = q.where('o.pipeline_id', '=', f.pipelineId);
  if (f.status !== undefined) q = q.where('o.status', '=', f.status);
  if (f.type !== undefined) q = q.where('o.type', '=', f.type);
  if (f.afterId !== undefined) q = q.where('o.id', '>', f.afterId);
  if (f.period) {
    const field = f.dateField ?? 'created';
    if (field === 'created')
      q = q.where('o.created_at', '>=', f.period.from).where('o.created_at', '<', f.period.to);
    else if (field === 'closed')
      q = q.where('o.closed_at', '>=', f.period.from).where('o.closed_at', '<', f.period.to);
    else
      q = q
        .where('o.expected_close_date', '>=', f.period.startDate)
        .where('o.expected_close_date', '<', f.period.endDate);
  }
  return q;
}

const ZONE = sql`(select st.time_zone from settings st where st.id = 1)`;

function select(db: Db, viewer: Viewer, f: OpportunityFilter, now: Date) {
  const converted = toWorkspaceCurrency(
    sql`o.amount_minor`,
    sql`o.currency`,
    dealRateDate('o', ZONE, localDateOf(now, ZONE)),
  );
  return baseQuery(db, viewer, f).select([
    sql<string | null>`${converted}::text`.as('workspace_amount_minor'),
    'o.id',
    'o.external_id',
    'o.name',
    'o.account_id',
    'a.name as account_name',
    'o.owner_id',
    'u.name as owner_name',
    'o.pipeline_id',
    'o.stage_id',
    's.name as stage_name',
    'o.status',
    'o.type',
    'o.amount_minor',
    'o.currency',
    'o.forecast_category',
    'o.lead_source',
    'o.expected_close_date',
    'o.created_at',
    'o.closed_at',
    'o.lost_reason',
  ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof select>['execute']>>[number];

function toRecord(r: Row): OpportunityRecord {
  return {
    id: r.id,
    externalId: r.external_id,
    name: r.name,
    accountId: r.account_id,
    accountName: r.account_name,
    ownerId: r.owner_id,
    ownerName: r.owner_name,
    pipelineId: r.pipeline_id,
    stageId: r.stage_id,
    stageName: r.stage_name,
    status: r.status,
    type: r.type,
    amountMinor: r.amount_minor,
    currency: r.currency.trim(),
    workspaceAmountMinor: minorOrNull(r.workspace_amount_minor),
    forecastCategory: r.forecast_category,
    leadSource: r.lead_source,
    expectedCloseDate: r.expected_close_date,
    createdAt: r.created_at,
    closedAt: r.closed_at,
    lostReason: r.lost_reason,
  };
}

/** A page of the opportunities the viewer may see, newest first, with the filtered total. */
export async function listOpportunities(
  db: Db,
  viewer: Viewer,
  filter: OpportunityFilter,
  page: PageRequest,
  now: Date = new Date(),
): Promise<Page<OpportunityRecord>> {
  const ordered = select(db, viewer, filter, now).orderBy('o.created_at', 'desc').orderBy('o.id', 'desc');
  return fetchPage(ordered, baseQuery(db, viewer, filter), page, toRecord);
}

/** One opportunity, or undefined when it does not exist or the viewer may not see it (callers answer 404 for both). */
export async function getOpportunity(
  db: Db,
  viewer: Viewer,
  id: number,
  now: Date = new Date(),
): Promise<OpportunityRecord | undefined> {
  const row = await select(db, viewer, { id }, now).executeTakeFirst();
  return row ? toRecord(row) : undefined;
}

/** Every matching opportunity the viewer may see, in id order, in batches (for streaming exports). */
export async function* iterateOpportunities(
  db: Db,
  viewer: Viewer,
  filter: OpportunityFilter,
  batchSize = 1000,
  now: Date = new Date(),
): AsyncGenerator<OpportunityRecord[]> {
  yield* iterateById(
    (afterId) =>
      select(db, viewer, { ...filter, afterId }, now)
        .orderBy('o.id')
        .limit(batchSize)
        .execute(),
    toRecord,
    batchSize,
  );
}
