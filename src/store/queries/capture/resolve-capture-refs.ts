import { sql, type Transaction } from 'kysely';
import type { CapturedActivity } from '../../../domain/capture/captured-activity.ts';
import type { Database } from '../../schema.ts';

type Tx = Transaction<Database>;

/** The ids and owners a batch refers to, loaded with one query per kind. */
export interface CaptureRefs {
  usersById: Map<number, { active: boolean }>;
  usersByEmail: Map<string, number>;
  contactsById: Set<number>;
  contactsByEmail: Map<string, number>;
  /** Owner of each named lead / deal (null = unassigned). */
  leadOwners: Map<number, number | null>;
  opportunityOwners: Map<number, number | null>;
  accounts: Set<number>;
  /** Owner and person of each stored row the batch matches by external id. */
  existing: Map<string, { userId: number | null; contactId: number | null; leadId: number | null }>;
}

const lower = (s: string) => s.trim().toLowerCase();

/** Loads everything `items` names; unknown references are simply absent from the maps. */
export async function resolveCaptureRefs(tx: Tx, items: readonly CapturedActivity[]): Promise<CaptureRefs> {
  const userIds = new Set<number>();
  const userEmails = new Set<string>();
  const contactIds = new Set<number>();
  const contactEmails = new Set<string>();
  const leadIds = new Set<number>();
  const oppIds = new Set<number>();
  const accountIds = new Set<number>();
  const externalIds = new Set<string>();
  for (const a of items) {
    if (a.user && 'id' in a.user) userIds.add(a.user.id);
    if (a.user && 'email' in a.user) userEmails.add(lower(a.user.email));
    if (a.contact && 'id' in a.contact) contactIds.add(a.contact.id);
    if (a.contact && 'email' in a.contact) contactEmails.add(lower(a.contact.email));
    if (a.leadId !== null) leadIds.add(a.leadId);
    if (a.opportunityId !== null) oppIds.add(a.opportunityId);
    if (a.accountId !== null) accountIds.add(a.accountId);
    if (a.externalId !== null) externalIds.add(a.externalId);
  }
  const none = Promise.resolve([]);
  const [users, usersByMail, contacts, contactsByMail, leads, opps, accounts, existing] = await Promise.all([
    userIds.size === 0
      ? none
      : tx
          .selectFrom('users')
          .select(['id', 'active'])
          .where('id', 'in', [...userIds])
          .execute(),
    userEmails.size === 0
      ? none
      : tx
          .selectFrom('users')
          .select(['id', sql<string>`lower(email)`.as('email')])
          .where(sql<string>`lower(email)`, 'in', [...userEmails])
          .where('active', '=', true)
          .execute(),
    contactIds.size === 0
      ? none
      : tx
          .selectFrom('contacts')
          .select('id')
          .where('id', 'in', [...contactIds])
          .execute(),
    // The oldest contact with the address wins when a CRM import left duplicates.
    contactEmails.size === 0
      ? none
      : tx
          .selectFrom('contacts')
          .select(['id', sql<string>`lower(email)`.as('email')])
          .where(sql<string>`lower(email)`, 'in', [...contactEmails])
          .orderBy('id', 'desc')
          .execute(),
    leadIds.size === 0
      ? none
      : tx
          .selectFrom('leads')
          .select(['id', 'owner_id'])
          .where('id', 'in', [...leadIds])
          .execute(),
    oppIds.size === 0
      ? none
      : tx
          .selectFrom('opportunities')
          .select(['id', 'owner_id'])
          .where('id', 'in', [...oppIds])
          .execute(),
    accountIds.size === 0
      ? none
      : tx
          .selectFrom('accounts')
          .select('id')
          .where('id', 'in', [...accountIds])
          .execute(),
    externalIds.size === 0
      ? none
      : tx
          .selectFrom('activities')
          .select(['external_id', 'user_id', 'contact_id', 'lead_id'])
          .where('external_id', 'in', [...externalIds])
          .execute(),
  ]);
  return {
    usersById: new Map(users.map((u) => [u.id, { active: u.active }])),
    usersByEmail: new Map(usersByMail.map((u) => [u.email, u.id])),
    contactsById: new Set(contacts.map((c) => c.id)),
    contactsByEmail: new Map(contactsByMail.map((c) => [c.email, c.id])),
    leadOwners: new Map(leads.map((l) => [l.id, l.owner_id])),
    opportunityOwners: new Map(opps.map((o) => [o.id, o.owner_id])),
    accounts: new Set(accounts.map((a) => a.id)),
    existing: new Map(
      existing.map((e) => [
        e.external_id as string,
        { userId: e.user_id, contactId: e.contact_id, leadId: e.lead_id },
      ]),
    ),
  };
}
