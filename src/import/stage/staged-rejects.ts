import { parse } from 'csv-parse/sync';
import { sql } from 'kysely';
import { visibleOwner } from '../../store/access/visible-owner.ts';
import type { Db } from '../../store/db.ts';
import type { FieldError } from '../mapping/compile.ts';
import type { RejectedRow } from '../run/import-request.ts';
import { unknownAccount, unknownContact, unknownRep, type References } from '../write/references.ts';
import { OUTSIDE_TEAMS, ownerOutsideTeams } from '../write/row-access.ts';
import { STAGING_TABLE } from './activity-staging.ts';

interface ProblemRow {
  line: number;
  raw: string;
  external_id: string;
  owner_key: string | null;
  owner_name: string | null;
  owner_email: string | null;
  account_name: string | null;
  contact_name: string | null;
  contact_email: string | null;
  no_user: boolean;
  no_account: boolean;
  no_contact: boolean;
  outside_existing: boolean;
  outside_owner: boolean;
}

/** The cells of a staged row, read back from its raw text with the reader's own options. */
function cellsOf(raw: string, delimiter: string): string[] {
  const records = parse(raw, { delimiter, relax_column_count: true, relax_quotes: true }) as string[][];
  return records[0] ?? [];
}

/** Whether a rep, account or contact key of the file resolved to no id (import_users/accounts/contacts). */
async function someKeyUnresolved(tx: Db): Promise<boolean> {
  const r = await sql<{ any: boolean }>`
    select exists (select 1 from import_users where id is null)
      or exists (select 1 from import_accounts where id is null)
      or exists (select 1 from import_contacts where id is null) as any`.execute(tx);
  return r.rows[0]?.any !== false;
}

/** The row's errors in the order the batched importer reports them: rep, account, contact, then access. */
function errorsOf(p: ProblemRow): FieldError[] {
  const owner = p.owner_key === null ? null : { name: p.owner_name, email: p.owner_email };
  const errors: FieldError[] = [];
  if (p.no_user && owner) errors.push(unknownRep(owner));
  if (p.no_account && p.account_name !== null) errors.push(unknownAccount(p.account_name));
  if (p.no_contact) errors.push(unknownContact({ name: p.contact_name, email: p.contact_email }));
  if (p.outside_existing)
    errors.push({ field: 'externalId', value: p.external_id, reason: OUTSIDE_TEAMS, rule: 'outside_scope' });
  if (p.outside_owner) errors.push(ownerOutsideTeams(owner));
  return errors;
}

/**
 * Every staged row that cannot be written, with the same reasons and wording as the batched importer: a repeated
 * external id, a rep, account or contact that did not resolve, and the row-level access rule (row-access.ts) on
 * the row as stored and as the file would leave it. One query over the staging table and the key tables; the
 * access part joins the store's activities only for viewers who do not see every row.
 */
export async function stagedRejects(tx: Db, refs: References, delimiter: string): Promise<RejectedRow[]> {
  const out: RejectedRow[] = [];
  const dups = await sql<{ line: number; first_line: number; external_id: string; raw: string }>`
    select d.line, d.first_line, d.external_id, s.raw
    from import_dups d join ${sql.table(STAGING_TABLE)} s using (line)`.execute(tx);
  for (const d of dups.rows)
    out.push({
      line: d.line,
      cells: cellsOf(d.raw, delimiter),
      errors: [
        { field: 'externalId', value: d.external_id, reason: `the same record as line ${d.first_line}` },
      ],
    });

  const checkAccess = refs.viewer.visibleUserIds !== null;
  // Without the access rule a row is refused only for a key that did not resolve; when every key did (always with
  // createMissing), the scan of the staging table below would find nothing.
  if (!checkAccess && !(await someKeyUnresolved(tx))) return out;
  // canSeeOwner: a rep may not own an ownerless row, so an unknown answer (null) counts as not visible.
  const outsideExisting = checkAccess
    ? sql`(ex.id is not null and not coalesce(${visibleOwner(refs.viewer, 'ex.user_id')}, false))`
    : sql`false`;
  const outsideOwner = checkAccess
    ? sql`((s.owner_key is null or u.id is not null) and not coalesce(${visibleOwner(refs.viewer, 'u.id')}, false))`
    : sql`false`;
  const existing = checkAccess ? sql`left join activities ex on ex.external_id = s.external_id` : sql``;
  const problems = await sql<ProblemRow>`
    select * from (
      select s.line, s.raw, s.external_id, s.owner_key, s.owner_name, s.owner_email, s.account_name,
        s.contact_name, s.contact_email,
        (s.owner_key is not null and u.id is null) as no_user,
        (s.account_key is not null and a.id is null) as no_account,
        (s.contact_key is not null and c.id is null) as no_contact,
        ${outsideExisting} as outside_existing,
        ${outsideOwner} as outside_owner
      from ${sql.table(STAGING_TABLE)} s
      left join import_users u on u.key = s.owner_key
      left join import_accounts a on a.key = s.account_key
      left join import_contacts c on c.key = s.contact_key
      ${existing}
      where not exists (select 1 from import_dups d where d.line = s.line)
    ) p
    where no_user or no_account or no_contact or outside_existing or outside_owner`.execute(tx);
  for (const p of problems.rows)
    out.push({ line: p.line, cells: cellsOf(p.raw, delimiter), errors: errorsOf(p) });
  return out;
}
