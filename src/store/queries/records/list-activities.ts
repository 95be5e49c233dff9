import type { Viewer } from '../../../domain/access/viewer.ts';
import type { ActivityOutcome, ActivityType } from '../../schema.ts';
import { visibleOwner } from '../../access/visible-owner.ts';
import type { Db } from '../../db.ts';
import { fetchPage, iterateById, type Page, type PageRequest } from './paged-list.ts';
import type { PeriodWindow } from './period-window.ts';

/** An activity (call, email, meeting, ...) as lists, detail and export show it. */
export interface ActivityRecord {
  id: number;
  externalId: string | null;
  type: ActivityType;
  direction: 'outbound' | 'inbound';
  outcome: ActivityOutcome | null;
  durationSeconds: number | null;
  userId: number | null;
  userName: string | null;
  leadId: number | null;
  contactId: number | null;
  accountId: number | null;
  opportunityId: number | null;
  subject: string | null;
  occurredAt: Date;
  isNewProspect: boolean;
}

/** Filters for activity lists and exports; all optional, combined with AND. The period applies to occurred_at. */
export interface ActivityFilter {
  id?: number;
  userId?: number;
  type?: ActivityType;
  outcome?: ActivityOutcome;
  leadId?: number;
  contactId?: number;
  opportunityId?: number;
  period?: PeriodWindow;
  afterId?: number;
}

// The activity's performer (user_id) is its owner for access control.
function select(db: Db, viewer: Viewer, f: ActivityFilter) {
  let q = db
    .selectFrom('activities as x')
    .leftJoin('users as u', 'u.id', 'x.user_id')
    .where(visibleOwner(viewer, 'x.user_id'));
  if (f.id !== undefined) q = q.where('x.id', '=', f.id);
  if (f.userId !== undefined) q = q.where('x.user_id', '=', f.userId);
  if (f.type !== undefined) q = q.where('x.type', '=', f.type);
  if (f.outcome !== undefined) q = q.where('x.outcome', '=', f.outcome);
  if (f.leadId !== undefined) q = q.where('x.lead_id', '=', f.leadId);
  if (f.contactId !== undefined) q = q.where('x.contact_id', '=', f.contactId);
  if (f.opportunityId !== undefined) q = q.where('x.opportunity_id', '=', f.opportunityId);
  if (f.afterId !== undefined) q = q.where('x.id', '>', f.afterId);
  if (f.period) q = q.where('x.occurred_at', '>=', f.period.from).where('x.occurred_at', '<', f.period.to);
  return q;
}

function withColumns(db: Db, viewer: Viewer, f: ActivityFilter) {
  return select(db, viewer, f).select([
    'x.id',
    'x.external_id',
    'x.type',
    'x.direction',
    'x.outcome',
    'x.duration_seconds',
    'x.user_id',
    'u.name as user_name',
    'x.lead_id',
    'x.contact_id',
    'x.account_id',
    'x.opportunity_id',
    'x.subject',
    'x.occurred_at',
    'x.is_new_prospect',
  ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof withColumns>['execute']>>[number];

function toRecord(r: Row): ActivityRecord {
  return {
    id: r.id,
    externalId: r.external_id,
    type: r.type,
    direction: r.direction,
    outcome: r.outcome,
    durationSeconds: r.duration_seconds,
    userId: r.user_id,
    userName: r.user_name,
    leadId: r.lead_id,
    contactId: r.contact_id,
    accountId: r.account_id,
    opportunityId: r.opportunity_id,
    subject: r.subject,
    occurredAt: r.occurred_at,
    isNewProspect: r.is_new_prospect,
  };
}

/** A page of the activities the viewer may see, most recent first, with the filtered total. */
export async function listActivities(
  db: Db,
  viewer: Viewer,
  filter: ActivityFilter,
  page: PageRequest,
): Promise<Page<ActivityRecord>> {
  const ordered = withColumns(db, viewer, filter).orderBy('x.occurred_at', 'desc').orderBy('x.id', 'desc');
  return fetchPage(ordered, select(db, viewer, filter), page, toRecord);
}

/** One activity, or undefined when it does not exist or the viewer may not see it. */
export async function getActivity(db: Db, viewer: Viewer, id: number): Promise<ActivityRecord | undefined> {
  const row = await withColumns(db, viewer, { id }).executeTakeFirst();
  return row ? toRecord(row) : undefined;
}

/** Every matching activity the viewer may see, in id order, in batches (for streaming exports). */
export async function* iterateActivities(
  db: Db,
  viewer: Viewer,
  filter: ActivityFilter,
  batchSize = 1000,
): AsyncGenerator<ActivityRecord[]> {
  yield* iterateById(
    (afterId) =>
      withColumns(db, viewer, { ...filter, afterId })
        .orderBy('x.id')
        .limit(batchSize)
        .execute(),
    toRecord,
    batchSize,
  );
}
