import { sql, type RawBuilder } from 'kysely';
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
   * stored first touch is null, or dated ahead of now; a scheduled next step is no touch at all), else 'follow_up'. It reads the same
   * derived column the new-prospect flag is computed with, so the picker and the logged flag cannot disagree.
   */
  nextTouch: 'new_prospect' | 'follow_up';
}

/**
 * The smallest text after every text starting with `prefix`: its last character plus one code point ('pat' ->
 * 'pau'). `lower(col) >= prefix and lower(col) < next` is a range the lower(name) / lower(email) btree indexes
 * answer; an exact left(...) = prefix check on the rows found keeps the match exact whatever the collation.
 */
function nextPrefix(prefix: string): string {
  const chars = [...prefix];
  const last = chars.pop() as string;
  return chars.join('') + String.fromCodePoint(Math.min((last.codePointAt(0) as number) + 1, 0x10ffff));
}

/** Ranks, best first (the order the picker lists matches in). */
const RANK = { namePrefix: 0, emailPrefix: 1, nameWord: 2, accountPrefix: 3, anywhere: 4 } as const;

interface Row {
  id: number;
  rank: number;
}

/**
 * Contacts matching `q` (case-insensitive) among the contacts the viewer may see by the row-level rule on
 * contacts.owner_id (visibleOwner: a rep their own, a manager their subtree's and unassigned ones, an admin all):
 * name or e-mail containing q, or account name starting with q. Ranked: name starts with q, e-mail starts with q,
 * a later word of the name starts with q, account name starts with q, then q anywhere in name or e-mail; ties by
 * name and id. strpos and ranges, not LIKE, so `%` and `_` in q are plain characters.
 *
 * Two steps, so typing mostly costs index lookups: the prefix matches (name, e-mail, account name) come from the
 * lower(...) btree indexes; only when they are fewer than `limit` are the visible contacts scanned for q inside a
 * name or e-mail (docs/capture.md, "Quick log", has the timings; a trigram index would remove the scan).
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
  const upper = nextPrefix(needle);
  const n = [...needle].length;
  // The range alone inside (the planner then walks the index in order and stops), the exact check outside: with
  // both inside it guessed 14 rows for 28k and sorted them all (120 ms for 'isa').
  const inRange = (col: RawBuilder<unknown>) => sql<boolean>`(${col} >= ${needle} and ${col} < ${upper})`;
  const name = sql`lower(c.name)`;
  const email = sql`lower(c.email)`;
  const visible = visibleOwner(viewer, 'c.owner_id');
  const prefixed = await sql<Row>`
    -- Each branch in its index's order alone (no id tie-break), so the scan stops after \`limit\` rows.
    select id, min(rank) as rank from (
      (select id, ${RANK.namePrefix} as rank from (select c.id, ${name} as v from contacts c
        where ${inRange(name)} and ${visible} order by ${name} limit ${limit}) x where left(v, ${n}) = ${needle})
      union all
      (select id, ${RANK.emailPrefix} from (select c.id, ${email} as v from contacts c
        where ${inRange(email)} and ${visible} order by ${email} limit ${limit}) x where left(v, ${n}) = ${needle})
      union all
      -- The first accounts by name, then their contacts by index: a join of every matching account was planned as
      -- a hash of all contacts (0.9 s for 'a' at 569k contacts).
      (select c.id, ${RANK.accountPrefix}
        from (select a.id, lower(a.name) as lname from accounts a where ${inRange(sql`lower(a.name)`)}
          order by lower(a.name) limit ${limit}) a
        join contacts c on c.account_id = a.id and left(a.lname, ${n}) = ${needle}
        where ${visible} order by a.lname, c.id limit ${limit})
    ) m group by id`.execute(db);
  const found = new Map(prefixed.rows.map((r) => [Number(r.id), Number(r.rank)]));
  if (found.size < limit) {
    const inside = await sql<Row>`
      select c.id, case when strpos(' ' || ${name}, ' ' || ${needle}) > 0 then ${RANK.nameWord}
        else ${RANK.anywhere} end as rank
      from contacts c
      where ${visible} and (strpos(${name}, ${needle}) > 0 or strpos(coalesce(${email}, ''), ${needle}) > 0)
      order by 2, lower(c.name), c.id
      limit ${limit * 2}`.execute(db);
    for (const r of inside.rows) if (!found.has(Number(r.id))) found.set(Number(r.id), Number(r.rank));
  }
  if (found.size === 0) return [];
  const rows = await db
    .selectFrom('contacts as c')
    .leftJoin('accounts as a', 'a.id', 'c.account_id')
    .select(['c.id', 'c.name', 'c.email', 'a.name as account_name', 'c.first_touch_at'])
    .where('c.id', 'in', [...found.keys()])
    .execute();
  return rows
    .map((r) => {
      const first = r.first_touch_at === null ? null : new Date(r.first_touch_at);
      const match: ContactMatch = {
        id: Number(r.id),
        name: r.name,
        email: r.email,
        accountName: r.account_name,
        firstTouchAt: first,
        nextTouch: first === null || first.getTime() > now.getTime() ? 'new_prospect' : 'follow_up',
      };
      return { match, rank: found.get(Number(r.id)) as number };
    })
    .sort(
      (x, y) =>
        x.rank - y.rank ||
        (x.match.name < y.match.name ? -1 : x.match.name > y.match.name ? 1 : 0) ||
        x.match.id - y.match.id,
    )
    .slice(0, limit)
    .map((x) => x.match);
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
