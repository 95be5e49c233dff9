import { sql } from 'kysely';
import type { Viewer } from '../../../domain/access/viewer.ts';
import type { RuleHit } from '../../../domain/scoring/evaluate.ts';
import type { LeadStatus } from '../../schema.ts';
import { visibleOwner } from '../../access/visible-owner.ts';
import type { Db } from '../../db.ts';
import { fetchPage, iterateById, type Page, type PageRequest } from './paged-list.ts';
import type { PeriodWindow } from './period-window.ts';

/** A lead as lists, detail and export show it, with its response-time facts. */
export interface LeadRecord {
  id: number;
  externalId: string | null;
  name: string;
  email: string | null;
  company: string | null;
  source: string | null;
  ownerId: number | null;
  ownerName: string | null;
  status: LeadStatus;
  createdAt: Date;
  mqlAt: Date | null;
  sqlAt: Date | null;
  convertedAt: Date | null;
  firstTouchAt: Date | null;
  firstResponseAt: Date | null;
  responseBusinessMinutes: number | null;
  /** The lead's latest score (lead_scores) and every rule that fired; null before it was first scored. */
  score: number | null;
  scoreWhy: RuleHit[] | null;
}

/** Filters for lead lists and exports; all optional, combined with AND. The period applies to created_at. */
export interface LeadFilter {
  id?: number;
  ownerId?: number;
  status?: LeadStatus;
  source?: string;
  period?: PeriodWindow;
  afterId?: number;
  /** Newest first (default), or highest score first (unscored last). */
  sort?: 'created' | 'score';
}

function select(db: Db, viewer: Viewer, f: LeadFilter) {
  let q = db
    .selectFrom('leads as l')
    .leftJoin('users as u', 'u.id', 'l.owner_id')
    .leftJoin('lead_scores as ls', 'ls.lead_id', 'l.id')
    .where(visibleOwner(viewer, 'l.owner_id'));
  if (f.id !== undefined) q = q.where('l.id', '=', f.id);
  if (f.ownerId !== undefined) q = q.where('l.owner_id', '=', f.ownerId);
  if (f.status !== undefined) q = q.where('l.status', '=', f.status);
  if (f.source !== undefined) q = q.where('l.source', '=', f.source);
  if (f.afterId !== undefined) q = q.where('l.id', '>', f.afterId);
  if (f.period) q = q.where('l.created_at', '>=', f.period.from).where('l.created_at', '<', f.period.to);
  return q;
}

function withColumns(db: Db, viewer: Viewer, f: LeadFilter) {
  return select(db, viewer, f).select([
    'l.id',
    'l.external_id',
    'l.name',
    'l.email',
    'l.company',
    'l.source',
    'l.owner_id',
    'u.name as owner_name',
    'l.status',
    'l.created_at',
    'l.mql_at',
    'l.sql_at',
    'l.converted_at',
    'l.first_touch_at',
    'l.first_response_at',
    'l.response_business_minutes',
    'ls.score',
    'ls.why',
  ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof withColumns>['execute']>>[number];

function toRecord(r: Row): LeadRecord {
  return {
    id: r.id,
    externalId: r.external_id,
    name: r.name,
    email: r.email,
    company: r.company,
    source: r.source,
    ownerId: r.owner_id,
    ownerName: r.owner_name,
    status: r.status,
    createdAt: r.created_at,
    mqlAt: r.mql_at,
    sqlAt: r.sql_at,
    convertedAt: r.converted_at,
    firstTouchAt: r.first_touch_at,
    firstResponseAt: r.first_response_at,
    responseBusinessMinutes: r.response_business_minutes,
    score: r.score,
    scoreWhy: r.why === null ? null : (r.why as RuleHit[]),
  };
}

/** A page of the leads the viewer may see, newest first, with the filtered total. */
export async function listLeads(
  db: Db,
  viewer: Viewer,
  filter: LeadFilter,
  page: PageRequest,
): Promise<Page<LeadRecord>> {
  const base = withColumns(db, viewer, filter);
  const ordered =
    filter.sort === 'score'
      ? base.orderBy(sql`ls.score desc nulls last`).orderBy('l.id', 'desc')
      : base.orderBy('l.created_at', 'desc').orderBy('l.id', 'desc');
  return fetchPage(ordered, select(db, viewer, filter), page, toRecord);
}

/** One lead, or undefined when it does not exist or the viewer may not see it. */
export async function getLead(db: Db, viewer: Viewer, id: number): Promise<LeadRecord | undefined> {
  const row = await withColumns(db, viewer, { id }).executeTakeFirst();
  return row ? toRecord(row) : undefined;
}

/** Every matching lead the viewer may see, in id order, in batches (for streaming exports). */
export async function* iterateLeads(
  db: Db,
  viewer: Viewer,
  filter: LeadFilter,
  batchSize = 1000,
): AsyncGenerator<LeadRecord[]> {
  yield* iterateById(
    (afterId) =>
      withColumns(db, viewer, { ...filter, afterId })
        .orderBy('l.id')
        .limit(batchSize)
        .execute(),
    toRecord,
    batchSize,
  );
}
