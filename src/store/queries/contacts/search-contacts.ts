import { sql } from 'kysely';
import type { Viewer } from '../../../domain/access/viewer.ts';
import type { Db } from '../../db.ts';
import { visibleOwner } from '../../access/visible-owner.ts';

/** One contact as the quick log's picker shows it. */
export interface ContactMatch {
  id: number;
  name: string;
  email: string | null;
  accountName: string | null;
  /** When the person was first touched (contacts.first_touch_at, derived); null = never. */
  firstTouchAt: Date | null;
  /**
   * What the viewer's next touch would be: 'new_prospect' when the person has no touch at or before now (the
   * stored first touch is null, or a scheduled one still in the future), else 'follow_up'. It reads the same
   * derived column the new-prospect flag is computed with, so the picker and the logged flag cannot disagree.
   */
  nextTouch: 'new_prospect' | 'follow_up';
}

/**
 * Contacts whose name, e-mail or account name contains `q` (case-insensitive), among the contacts the viewer may
 * see by the row-level rule on contacts.owner_id (visibleOwner: a rep their own, a manager their subtree's and
 * unassigned ones, an admin all). Ranked: name starts with q, e-mail starts with q, a later word of the name starts
 * with q, account name starts with q, then any other match; ties by name and id. strpos, not LIKE, so `%` and `_`
 * in q are plain characters.
 */
export async function searchContacts(
  db: Db,
  viewer: Viewer,
  q: string,
  limit: number,
  now: Date = new Date(),
): Promise<ContactMatch[]> {
  const needle = q.trim().toLowerCase();
  if (needle === '') return [];
  const name = sql`lower(c.name)`;
  const email = sql`lower(coalesce(c.email, ''))`;
  const account = sql`lower(coalesce(a.name, ''))`;
  const rank = sql<number>`case
    when strpos(${name}, ${needle}) = 1 then 0
    when strpos(${email}, ${needle}) = 1 then 1
    when strpos(' ' || ${name}, ' ' || ${needle}) > 0 then 2
    when strpos(${account}, ${needle}) = 1 then 3
    else 4 end`;
  const rows = await db
    .selectFrom('contacts as c')
    .leftJoin('accounts as a', 'a.id', 'c.account_id')
    .select(['c.id', 'c.name', 'c.email', 'a.name as account_name', 'c.first_touch_at'])
    .select(rank.as('rank'))
    .where(visibleOwner(viewer, 'c.owner_id'))
    .where(
      sql<boolean>`(strpos(${name}, ${needle}) > 0 or strpos(${email}, ${needle}) > 0 or strpos(${account}, ${needle}) > 0)`,
    )
    .orderBy('rank')
    .orderBy('c.name')
    .orderBy('c.id')
    .limit(limit)
    .execute();
  return rows.map((r) => {
    const first = r.first_touch_at === null ? null : new Date(r.first_touch_at);
    return {
      id: Number(r.id),
      name: r.name,
      email: r.email,
      accountName: r.account_name,
      firstTouchAt: first,
      nextTouch: first === null || first.getTime() > now.getTime() ? 'new_prospect' : 'follow_up',
    };
  });
}

/** Whether the viewer may see (and so log a touch to) contact `id` by the same rule as the search. */
export async function contactVisible(db: Db, viewer: Viewer, id: number): Promise<boolean> {
  const row = await db
    .selectFrom('contacts as c')
    .select('c.id')
    .where('c.id', '=', id)
    .where(visibleOwner(viewer, 'c.owner_id'))
    .executeTakeFirst();
  return row !== undefined;
}
