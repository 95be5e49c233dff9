import { sql, type Transaction } from 'kysely';
import { canSeeOwner, type Viewer } from '../../../domain/access/viewer.ts';
import type {
  CapturedActivity,
  CaptureResult,
  CaptureStatus,
  LoggedVia,
} from '../../../domain/capture/captured-activity.ts';
import { AppError, type ErrorDetail } from '../../../errors.ts';
import type { Db } from '../../db.ts';
import { refreshDerived } from '../../derived/refresh.ts';
import { inTransaction } from '../../in-transaction.ts';
import type { Database } from '../../schema.ts';
import { idArray } from '../../sql/lists.ts';
import { recordAudit } from '../../tables/audit-log.ts';
import { resolveCaptureRefs, type CaptureRefs } from './resolve-capture-refs.ts';
import { upsertCaptured, type ResolvedActivity } from './upsert-captured.ts';

/** Where an item sits in the request, for error details: `activities[3].` for a batch, '' for a single item. */
export type FieldPrefix = (index: number) => string;

export interface LogOptions {
  /** Create a contact for an e-mail no contact has (email capture, webhooks); else that is an error. */
  createContacts: boolean;
  /** What the audit log names as the channel ('api', 'webhook:aircall', 'email', 'calendar'). */
  channel: string;
  /** Stored as activities.logged_via (0032). */
  loggedVia: LoggedVia;
}

/** How far in the future an activity may be dated (clock skew); meetings from a calendar are checked by their path. */
const FUTURE_SLACK_MS = 5 * 60_000;

/**
 * The one way captured activities enter the store (API, inbound webhooks, email, calendar): all-or-nothing in one
 * transaction, idempotent by external id (a retry creates nothing and returns the same ids; a changed item
 * updates its row), every problem reported with the item's index and field. The viewer's row-level rule applies
 * to each item: a rep logs only their own activities, a manager those of the people below them, an admin (and
 * the system) anyone's. is_new_prospect is derived afterwards by refreshDerived, as for imports.
 */
export async function logActivities(
  db: Db,
  viewer: Viewer,
  items: readonly CapturedActivity[],
  prefix: FieldPrefix,
  options: LogOptions,
  now: Date = new Date(),
): Promise<CaptureResult> {
  return inTransaction(db, async (tx) => {
    const refs = await resolveCaptureRefs(tx, items);
    const errors: ErrorDetail[] = [];
    const resolved = items.map((item, i) =>
      resolveItem(viewer, item, refs, now, options, (field, reason, value) => {
        errors.push({ field: `${prefix(i)}${field}`, reason, ...(value === undefined ? {} : { value }) });
      }),
    );
    markDuplicates(items, prefix, errors);
    if (errors.length > 0)
      throw new AppError(
        'validation',
        `${errors.length} problem${errors.length === 1 ? '' : 's'} in the activities; nothing was logged`,
        errors,
      );
    const rows = resolved as ResolvedActivity[];
    if (options.createContacts) await createMissingContacts(tx, items, rows);
    const written = await upsertCaptured(tx, rows, options.loggedVia);
    const added = written.filter((w) => w.status === 'created').map((w) => w.id);
    const changed = written.filter((w) => w.status === 'updated').map((w) => w.id);
    // The people an updated row had before: the store no longer holds them (RefreshRequest.changedActivityIds).
    const before = items.flatMap((a) => (a.externalId === null ? [] : [refs.existing.get(a.externalId)]));
    if (added.length > 0 || changed.length > 0)
      await refreshDerived(tx, {
        addedActivityIds: added,
        changedActivityIds: changed,
        contactIds: before.flatMap((b) => (b?.contactId == null ? [] : [b.contactId])),
        leadIds: before.flatMap((b) => (b?.leadId == null ? [] : [b.leadId])),
      });
    const flags = await flagsOf(
      tx,
      written.map((w) => w.id),
    );
    const result: CaptureResult = {
      created: added.length,
      updated: changed.length,
      unchanged: written.length - added.length - changed.length,
      activities: written.map((w, index) => ({
        index,
        id: w.id,
        externalId: items[index]?.externalId ?? null,
        status: w.status,
        isNewProspect: flags.get(w.id)?.isNewProspect ?? false,
        contactId: flags.get(w.id)?.contactId ?? null,
      })),
    };
    if (result.created > 0 || result.updated > 0)
      await recordAudit(tx, viewer, {
        action: 'capture',
        entity: 'activities',
        entityId: null,
        after: {
          channel: options.channel,
          created: result.created,
          updated: result.updated,
          unchanged: result.unchanged,
        },
      });
    return result;
  });
}

type Report = (field: string, reason: string, value?: string) => void;

/** Checks one item against the references and the viewer's rule; returns its row values (contact may be pending). */
function resolveItem(
  viewer: Viewer,
  a: CapturedActivity,
  refs: CaptureRefs,
  now: Date,
  options: LogOptions,
  report: Report,
): ResolvedActivity | null {
  let userId: number | null = null;
  if (a.user === null) {
    if (viewer.userId === null) report('userEmail', 'name the rep (userId or userEmail)');
    else userId = viewer.userId;
  } else if ('id' in a.user) {
    const u = refs.usersById.get(a.user.id);
    if (!u) report('userId', 'no user with this id', String(a.user.id));
    else if (!u.active) report('userId', 'this user is deactivated', String(a.user.id));
    else userId = a.user.id;
  } else {
    userId = refs.usersByEmail.get(a.user.email.trim().toLowerCase()) ?? null;
    if (userId === null) report('userEmail', 'no active user with this e-mail', a.user.email);
  }
  if (userId !== null && !canSeeOwner(viewer, userId))
    report(
      a.user && 'email' in a.user ? 'userEmail' : 'userId',
      'you may log activities only for yourself and the people below you',
      String(userId),
    );
  if (a.externalId !== null) {
    const old = refs.existing.get(a.externalId);
    if (old && !canSeeOwner(viewer, old.userId))
      report(
        'externalId',
        'an activity with this external id belongs to a rep outside your teams',
        a.externalId,
      );
  }
  let contactId: number | null = null;
  if (a.contact && 'id' in a.contact) {
    if (refs.contactsById.has(a.contact.id)) contactId = a.contact.id;
    else report('contactId', 'no contact with this id', String(a.contact.id));
  } else if (a.contact) {
    contactId = refs.contactsByEmail.get(a.contact.email.trim().toLowerCase()) ?? null;
    if (contactId === null && !options.createContacts)
      report('contactEmail', 'no contact with this e-mail', a.contact.email);
  }
  if (a.leadId !== null) {
    if (!refs.leadOwners.has(a.leadId)) report('leadId', 'no lead with this id', String(a.leadId));
    else if (!canSeeOwner(viewer, refs.leadOwners.get(a.leadId) ?? null))
      report('leadId', 'this lead belongs to a rep outside your teams', String(a.leadId));
  }
  if (a.opportunityId !== null) {
    if (!refs.opportunityOwners.has(a.opportunityId))
      report('opportunityId', 'no deal with this id', String(a.opportunityId));
    else if (!canSeeOwner(viewer, refs.opportunityOwners.get(a.opportunityId) ?? null))
      report('opportunityId', 'this deal belongs to a rep outside your teams', String(a.opportunityId));
  }
  if (a.accountId !== null && !refs.accounts.has(a.accountId))
    report('accountId', 'no account with this id', String(a.accountId));
  if (a.occurredAt.getTime() > now.getTime() + FUTURE_SLACK_MS && a.outcome !== 'scheduled')
    report('occurredAt', "is in the future (only outcome 'scheduled' may be)", a.occurredAt.toISOString());
  return { ...a, userId, contactId };
}

/** Two items with the same external id in one request: ambiguous, and one statement cannot write a row twice. */
function markDuplicates(
  items: readonly CapturedActivity[],
  prefix: FieldPrefix,
  errors: ErrorDetail[],
): void {
  const first = new Map<string, number>();
  items.forEach((a, i) => {
    if (a.externalId === null) return;
    const seen = first.get(a.externalId);
    if (seen === undefined) first.set(a.externalId, i);
    else
      errors.push({
        field: `${prefix(i)}externalId`,
        value: a.externalId,
        reason: `repeats the external id of item ${seen}`,
      });
  });
}

/**
 * Creates a contact for each e-mail no contact has yet, owned by the item's rep. A transaction-scoped advisory
 * lock serialises creators, so two deliveries naming the same new address at once create it once (contacts.email
 * is not unique: CRM imports may hold duplicates).
 */
async function createMissingContacts(
  tx: Transaction<Database>,
  items: readonly CapturedActivity[],
  rows: ResolvedActivity[],
): Promise<void> {
  const wanted = new Map<string, { name: string | null; ownerId: number | null; accountId: number | null }>();
  items.forEach((a, i) => {
    const row = rows[i];
    if (row && row.contactId === null && a.contact && 'email' in a.contact) {
      const email = a.contact.email.trim().toLowerCase();
      if (!wanted.has(email))
        wanted.set(email, { name: a.contact.name, ownerId: row.userId, accountId: a.accountId });
    }
  });
  if (wanted.size === 0) return;
  await sql`select pg_advisory_xact_lock(hashtext('pacesetter.capture.contacts'))`.execute(tx);
  const already = await tx
    .selectFrom('contacts')
    .select(['id', sql<string>`lower(email)`.as('email')])
    .where(sql<string>`lower(email)`, 'in', [...wanted.keys()])
    .orderBy('id', 'desc')
    .execute();
  const ids = new Map(already.map((c) => [c.email, c.id]));
  const missing = [...wanted].filter(([email]) => !ids.has(email));
  if (missing.length > 0) {
    const inserted = await tx
      .insertInto('contacts')
      .values(
        missing.map(([email, c]) => ({
          email,
          name: c.name?.trim() || email,
          owner_id: c.ownerId,
          account_id: c.accountId,
        })),
      )
      .returning(['id', 'email'])
      .execute();
    for (const c of inserted) ids.set(c.email as string, c.id);
  }
  items.forEach((a, i) => {
    const row = rows[i];
    if (row && row.contactId === null && a.contact && 'email' in a.contact)
      row.contactId = ids.get(a.contact.email.trim().toLowerCase()) ?? null;
  });
}

async function flagsOf(
  tx: Transaction<Database>,
  ids: number[],
): Promise<Map<number, { isNewProspect: boolean; contactId: number | null }>> {
  if (ids.length === 0) return new Map();
  const r = await sql<{ id: number; is_new_prospect: boolean; contact_id: number | null }>`
    select id, is_new_prospect, contact_id from activities where id = any(${idArray(ids)})`.execute(tx);
  return new Map(
    r.rows.map((x) => [Number(x.id), { isNewProspect: x.is_new_prospect, contactId: x.contact_id }]),
  );
}

export type { CaptureStatus };
