import { sql } from 'kysely';
import { visibleOwner } from '../../store/access/visible-owner.ts';
import type { Transaction } from 'kysely';
import { shouldDeferIndexes } from '../../store/bulk/defer-indexes.ts';
import { withIndexesDeferred } from '../../store/bulk/rebuild-after-load.ts';
import type { Database } from '../../store/schema.ts';
import type { References } from '../write/references.ts';
import { STAGING_TABLE } from './activity-staging.ts';
import { stagedFirstTouchByKey } from './fresh-first-touches.ts';

/*
 * Turns the names of the staged rows into ids, set-based: each kind of reference becomes a small temporary table
 * (one row per distinct key the file uses, with the id it resolves to, null when unknown), built by one join with
 * the store, so a million rows naming 20,000 contacts cost one scan of the staging table and one of contacts.
 * Matching follows references.ts: e-mail first, else the name, case-insensitively; the lowest id wins among
 * people of the same name or address; a deal is linked only when exactly one visible deal has the name.
 */

const staged = sql.table(STAGING_TABLE);
/** Rows that repeat an earlier row's external id: reported, never written, and they create nothing. */
const notDuplicate = sql`not exists (select 1 from import_dups d where d.line = s.line)`;

/** import_dups(line, first_line, external_id): every row whose external id an earlier row of the file has. */
export async function findDuplicates(tx: Transaction<Database>): Promise<void> {
  await sql`
    create temporary table import_dups on commit drop as
    select s.line, f.first_line, s.external_id
    from ${staged} s
    join (select external_id, min(line) as first_line from ${staged} group by external_id having count(*) > 1) f
      using (external_id)
    where s.line <> f.first_line`.execute(tx);
}

/**
 * Reps: few per file, so they go through References.loadUsers, which also creates the missing ones (with
 * createMissing) exactly as the batched importer does: placeholder e-mails and all.
 */
async function resolveUsers(tx: Transaction<Database>, refs: References): Promise<void> {
  const owners = await sql<{ key: string; name: string | null; email: string | null }>`
    select owner_key as key, min(owner_name) as name, min(owner_email) as email
    from ${staged} s where owner_key is not null and ${notDuplicate}
    group by owner_key`.execute(tx);
  const people = owners.rows.map((o) => ({ name: o.name, email: o.key.startsWith('e:') ? o.email : null }));
  await refs.loadUsers(people);
  const ids = people.map((p) => {
    const id = refs.user(p);
    return typeof id === 'number' ? id : null;
  });
  await sql`
    create temporary table import_users on commit drop as
    select * from unnest(${owners.rows.map((o) => o.key)}::text[], ${ids}::bigint[]) as t(key, id)`.execute(
    tx,
  );
}

/** Accounts by name (lowest id among equal names); createMissing adds the others under the file's spelling. */
async function resolveAccounts(tx: Transaction<Database>, createMissing: boolean): Promise<void> {
  await sql`
    create temporary table import_accounts on commit drop as
    select account_key as key, min(account_name) as name, null::bigint as id, false as created
    from ${staged} s where account_key is not null and ${notDuplicate}
    group by account_key`.execute(tx);
  await sql`analyze import_accounts`.execute(tx);
  await sql`
    update import_accounts k set id = m.id
    from (
      select k2.key, min(a.id) as id from import_accounts k2 join accounts a on lower(a.name) = k2.key
      group by k2.key
    ) m
    where m.key = k.key`.execute(tx);
  if (!createMissing) return;
  // Ids are drawn from the table's own sequence first, so the key table knows them without matching names back.
  await sql`
    update import_accounts set id = nextval(pg_get_serial_sequence('accounts', 'id')), created = true
    where id is null`.execute(tx);
  await sql`
    insert into accounts (id, name) select id, btrim(name) from import_accounts where created order by id`.execute(
    tx,
  );
}

/**
 * Contacts by e-mail when the row gives one, else by name. createMissing creates the others under the account
 * and rep of the first row naming them.
 */
async function resolveContacts(tx: Transaction<Database>, createMissing: boolean): Promise<void> {
  // The first row naming each contact comes along (distinct on), so creating it needs no join back to staging.
  await sql`
    create temporary table import_contacts on commit drop as
    select distinct on (contact_key collate "C") contact_key as key, line as first_line, contact_name, contact_email,
      account_key, owner_key, null::bigint as id, false as created
    from ${staged} s where contact_key is not null and ${notDuplicate}
    -- Byte order: which row comes first within a key is the line's business, the keys' order nobody's, and a
    -- million keys sort several times faster without the database's collation.
    order by contact_key collate "C", line`.execute(tx);
  await sql`analyze import_contacts`.execute(tx);
  for (const [prefix, column] of [
    ['e:', 'email'],
    ['n:', 'name'],
  ] as const) {
    await sql`
      update import_contacts k set id = m.id
      from (
        select k2.key, min(c.id) as id
        from import_contacts k2 join contacts c on lower(c.${sql.raw(column)}) = substr(k2.key, 3)
        where left(k2.key, 2) = ${prefix}
        group by k2.key
      ) m
      where m.key = k.key`.execute(tx);
  }
  if (!createMissing) return;
  await sql`
    update import_contacts set id = nextval(pg_get_serial_sequence('contacts', 'id')), created = true
    where id is null`.execute(tx);
  // Statistics taken before the ids were drawn say no key is created; the insert below planned on them (with a
  // join back to staging) took 107 s for 145k contacts on PostgreSQL under load.
  await sql`analyze import_contacts`.execute(tx);
  const created = await sql<{ n: number }>`
    select count(*)::int as n from import_contacts where created`.execute(tx);
  // Created with their first touch in the file (fresh-first-touches.ts), so the merge need not update them.
  const insert = () =>
    sql`
    insert into contacts (id, name, email, account_id, owner_id, first_touch_at)
    select k.id, coalesce(k.contact_name, k.contact_email), k.contact_email, a.id, u.id, t.first_touch
    from import_contacts k
    left join import_accounts a on a.key = k.account_key
    left join import_users u on u.key = k.owner_key
    left join ${stagedFirstTouchByKey} t on t.contact_key = k.key
    where k.created
    order by k.id`.execute(tx);
  // A first import creating most of the contacts rebuilds their indexes and foreign keys once (shouldDeferIndexes).
  if (await shouldDeferIndexes(tx, 'contacts', created.rows[0]?.n ?? 0))
    await withIndexesDeferred(tx, 'contacts', insert);
  else await insert();
}

/** Deals by exact (case-insensitive) name among those the viewer can see; never created. */
async function resolveOpportunities(tx: Transaction<Database>, refs: References): Promise<void> {
  await sql`
    create temporary table import_opps on commit drop as
    select k.key, case when count(o.id) = 1 then min(o.id) end as id
    from (select distinct opportunity_key as key from ${staged} where opportunity_key is not null) k
    left join opportunities o on lower(o.name) = k.key and ${visibleOwner(refs.viewer, 'o.owner_id')}
    group by k.key`.execute(tx);
}

/** Builds import_users, import_accounts, import_contacts and import_opps (key -> id) for the staged rows. */
export async function resolveStagedReferences(tx: Transaction<Database>, refs: References): Promise<void> {
  await resolveUsers(tx, refs);
  await resolveAccounts(tx, refs.createMissing);
  // Contacts are created under the row's account and rep, so those resolve first.
  await resolveContacts(tx, refs.createMissing);
  await resolveOpportunities(tx, refs);
  // The merge joins the staging table with these; their sizes decide between hash and index joins.
  for (const t of ['import_users', 'import_opps']) await sql`analyze ${sql.table(t)}`.execute(tx);
}
