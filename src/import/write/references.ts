import { sql } from 'kysely';
import type { Viewer } from '../../domain/access/viewer.ts';
import { visibleOwner } from '../../store/access/visible-owner.ts';
import type { Db } from '../../store/db.ts';
import { DEFAULT_STAGES } from '../../store/tables/pipelines.ts';
import type { FieldError } from '../mapping/compile.ts';
import type { PersonRef } from '../records/common.ts';
import type { StageInfo } from '../records/opportunity-record.ts';

/** What the batch writers need to turn names into ids; caches span the whole file. */
export interface References {
  /** Who imports: every row must pass their row-level rule (see row-access.ts). */
  readonly viewer: Viewer;
  readonly createMissing: boolean;
  /** Loads (and with createMissing, creates) the reps named by a batch. */
  loadUsers(refs: ReadonlyArray<PersonRef | null>): Promise<void>;
  user(ref: PersonRef | null): number | null | FieldError;
  loadAccounts(names: ReadonlyArray<string | null>): Promise<void>;
  account(name: string | null): number | null | FieldError;
  loadContacts(
    refs: ReadonlyArray<{
      name: string | null;
      email: string | null;
      accountId: number | null;
      ownerId: number | null;
    } | null>,
  ): Promise<void>;
  contact(ref: { name: string | null; email: string | null } | null): number | null | FieldError;
  loadOpportunitiesByName(names: ReadonlyArray<string | null>): Promise<void>;
  /** A deal the viewer can see by exact (case-insensitive) name; null when none or several have it. */
  opportunityByName(name: string | null): number | null;
  /** Stage of the default pipeline by (mapped) name; creates it with createMissing. */
  stage(name: string, probability: number | null): Promise<StageInfo | FieldError>;
  readonly pipelineId: number;
  readonly closingStages: { won: number; lost: number };
  /** First open stage (Discovery in the default pipeline): where closed deals with no known open stage began. */
  readonly firstStageId: number;
}

const key = (s: string) => s.trim().toLowerCase();
const userKey = (r: PersonRef) => (r.email ? `e:${key(r.email)}` : `n:${key(r.name ?? '')}`);
const hint = ' (pass --create-missing to create it)';

/** A rep the row names that is not in the store (also the staged importer's wording). */
export function unknownRep(ref: PersonRef): FieldError {
  return {
    field: ref.email ? 'ownerEmail' : 'owner',
    value: ref.email ?? ref.name ?? '',
    reason: `unknown rep '${ref.email ?? ref.name}'${hint}`,
    rule: 'not_found',
  };
}

/** An account the row names that is not in the store. */
export function unknownAccount(name: string): FieldError {
  return { field: 'account', value: name, reason: `unknown account '${name}'${hint}`, rule: 'not_found' };
}

/** A contact the row names that is not in the store. */
export function unknownContact(ref: { name: string | null; email: string | null }): FieldError {
  return {
    field: ref.email ? 'contactEmail' : 'contact',
    value: ref.email ?? ref.name ?? '',
    reason: `unknown contact '${ref.email ?? ref.name}'${hint}`,
    rule: 'not_found',
  };
}

/** Placeholder address for a rep created from a name only: 'Alice Moreno' -> 'alice.moreno@imported.invalid'. */
export function placeholderEmail(name: string): string {
  const local = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '.')
    .replace(/^\.+|\.+$/g, '');
  return `${local || 'rep'}@imported.invalid`;
}

/**
 * The default pipeline, created inside the import transaction (ensureDefaultPipeline opens its own transaction), so
 * a rejected import into an empty store leaves no pipeline behind either.
 */
async function createDefaultPipeline(tx: Db): Promise<{ id: number }> {
  const p = await tx
    .insertInto('pipelines')
    .values({ name: 'Sales', is_default: true })
    .returning('id')
    .executeTakeFirstOrThrow();
  await tx
    .insertInto('stages')
    .values(
      DEFAULT_STAGES.map((st, i) => ({
        pipeline_id: p.id,
        name: st.name,
        position: i + 1,
        probability_pct: st.probability,
        is_won: st.isWon,
        is_lost: st.isLost,
      })),
    )
    .execute();
  return p;
}

/** Builds the resolver over an open transaction (creating the default pipeline when the store has none). */
export async function createReferences(tx: Db, viewer: Viewer, createMissing: boolean): Promise<References> {
  const pipeline =
    (await tx
      .selectFrom('pipelines')
      .select('id')
      .orderBy('is_default', 'desc')
      .orderBy('id')
      .executeTakeFirst()) ?? (await createDefaultPipeline(tx));
  const stageRows = await tx
    .selectFrom('stages')
    .select(['id', 'name', 'position', 'is_won', 'is_lost'])
    .where('pipeline_id', '=', pipeline.id)
    .orderBy('position')
    .execute();
  const stages = new Map<string, StageInfo>(
    stageRows.map((s) => [key(s.name), { id: s.id, isWon: s.is_won, isLost: s.is_lost }]),
  );
  const won = stageRows.find((s) => s.is_won);
  const lost = stageRows.find((s) => s.is_lost);
  const first = stageRows.find((s) => !s.is_won && !s.is_lost);
  if (!won || !lost || !first) throw new Error('The default pipeline needs an open, a won and a lost stage');
  let nextPosition = Math.max(...stageRows.map((s) => s.position)) + 1;

  const users = new Map<string, number>();
  const accounts = new Map<string, number>();
  const contacts = new Map<string, number>();
  const oppsByName = new Map<string, number | null>();

  return {
    viewer,
    createMissing,
    pipelineId: pipeline.id,
    closingStages: { won: won.id, lost: lost.id },
    firstStageId: first.id,

    async loadUsers(refs) {
      const wanted = new Map<string, PersonRef>();
      for (const r of refs) if (r && !users.has(userKey(r))) wanted.set(userKey(r), r);
      if (wanted.size === 0) return;
      const emails = [...wanted.values()].filter((r) => r.email).map((r) => key(r.email!));
      const names = [...wanted.values()].filter((r) => !r.email).map((r) => key(r.name!));
      const found = await tx
        .selectFrom('users')
        .select(['id', sql<string>`lower(email)`.as('e'), sql<string>`lower(name)`.as('n')])
        .where((eb) =>
          eb.or([
            ...(emails.length ? [eb(sql`lower(email)`, 'in', emails)] : []),
            ...(names.length ? [eb(sql`lower(name)`, 'in', names)] : []),
          ]),
        )
        .orderBy('id')
        .execute();
      for (const u of found) {
        if (!users.has(`e:${u.e}`)) users.set(`e:${u.e}`, u.id);
        if (!users.has(`n:${u.n}`)) users.set(`n:${u.n}`, u.id);
      }
      if (!createMissing) return;
      const missing = [...wanted.entries()].filter(([k]) => !users.has(k)).map(([, r]) => r);
      if (missing.length === 0) return;
      const rows = missing.map((r) => ({
        name: r.name ?? r.email!.split('@')[0]!,
        email: r.email ? key(r.email) : placeholderEmail(r.name!),
        role: 'rep' as const,
      }));
      await tx
        .insertInto('users')
        .values(rows)
        .onConflict((oc) => oc.column('email').doNothing())
        .execute();
      const created = await tx
        .selectFrom('users')
        .select(['id', sql<string>`lower(email)`.as('e')])
        .where(
          sql`lower(email)`,
          'in',
          rows.map((r) => r.email),
        )
        .execute();
      const byEmail = new Map(created.map((u) => [u.e, u.id]));
      missing.forEach((r, i) => {
        const id = byEmail.get(rows[i]!.email);
        if (id !== undefined) users.set(userKey(r), id);
      });
    },
    user(ref) {
      if (!ref) return null;
      const id = users.get(userKey(ref));
      if (id !== undefined) return id;
      return unknownRep(ref);
    },

    async loadAccounts(names) {
      const wanted = [...new Set(names.filter((n): n is string => !!n).map(key))].filter(
        (n) => !accounts.has(n),
      );
      if (wanted.length === 0) return;
      const found = await tx
        .selectFrom('accounts')
        .select(['id', sql<string>`lower(name)`.as('n')])
        .where(sql`lower(name)`, 'in', wanted)
        .orderBy('id', 'desc')
        .execute();
      for (const a of found) accounts.set(a.n, a.id);
      if (!createMissing) return;
      const original = new Map(names.filter((n): n is string => !!n).map((n) => [key(n), n.trim()]));
      const missing = wanted.filter((n) => !accounts.has(n));
      if (missing.length === 0) return;
      const created = await tx
        .insertInto('accounts')
        .values(missing.map((n) => ({ name: original.get(n) ?? n })))
        .returning(['id', 'name'])
        .execute();
      for (const a of created) accounts.set(key(a.name), a.id);
    },
    account(name) {
      if (!name) return null;
      const id = accounts.get(key(name));
      if (id !== undefined) return id;
      return unknownAccount(name);
    },

    async loadContacts(refs) {
      const wanted = new Map<string, NonNullable<(typeof refs)[number]>>();
      for (const r of refs) {
        if (!r) continue;
        const k = r.email ? `e:${key(r.email)}` : `n:${key(r.name ?? '')}`;
        if (!contacts.has(k)) wanted.set(k, r);
      }
      if (wanted.size === 0) return;
      const emails = [...wanted.values()].filter((r) => r.email).map((r) => key(r.email!));
      const names = [...wanted.values()].filter((r) => !r.email).map((r) => key(r.name!));
      const found = await tx
        .selectFrom('contacts')
        .select(['id', sql<string | null>`lower(email)`.as('e'), sql<string>`lower(name)`.as('n')])
        .where((eb) =>
          eb.or([
            ...(emails.length ? [eb(sql`lower(email)`, 'in', emails)] : []),
            ...(names.length ? [eb(sql`lower(name)`, 'in', names)] : []),
          ]),
        )
        .orderBy('id')
        .execute();
      for (const c of found) {
        if (c.e && !contacts.has(`e:${c.e}`)) contacts.set(`e:${c.e}`, c.id);
        if (!contacts.has(`n:${c.n}`)) contacts.set(`n:${c.n}`, c.id);
      }
      if (!createMissing) return;
      const missing = [...wanted.entries()].filter(([k]) => !contacts.has(k));
      if (missing.length === 0) return;
      const created = await tx
        .insertInto('contacts')
        .values(
          missing.map(([, r]) => ({
            name: r.name ?? r.email!,
            email: r.email ? key(r.email) : null,
            account_id: r.accountId,
            owner_id: r.ownerId,
          })),
        )
        .returning('id')
        .execute();
      missing.forEach(([k], i) => contacts.set(k, created[i]!.id));
    },
    contact(ref) {
      if (!ref) return null;
      const id = contacts.get(ref.email ? `e:${key(ref.email)}` : `n:${key(ref.name ?? '')}`);
      if (id !== undefined) return id;
      return unknownContact(ref);
    },

    async loadOpportunitiesByName(names) {
      const wanted = [...new Set(names.filter((n): n is string => !!n).map(key))].filter(
        (n) => !oppsByName.has(n),
      );
      if (wanted.length === 0) return;
      const found = await tx
        .selectFrom('opportunities')
        .select([
          sql<string>`lower(name)`.as('n'),
          sql<number>`min(id)`.as('id'),
          sql<number>`count(*)`.as('c'),
        ])
        .where(sql`lower(name)`, 'in', wanted)
        // Linking an activity to another team's deal would change numbers the importer cannot see.
        .where(visibleOwner(viewer, 'owner_id'))
        .groupBy(sql`lower(name)`)
        .execute();
      for (const n of wanted) oppsByName.set(n, null);
      for (const o of found) oppsByName.set(o.n, Number(o.c) === 1 ? o.id : null);
    },
    opportunityByName(name) {
      return name ? (oppsByName.get(key(name)) ?? null) : null;
    },

    async stage(name, probability) {
      const found = stages.get(key(name));
      if (found) return found;
      if (!createMissing) {
        return {
          field: 'stage',
          value: name,
          reason: `unknown stage '${name}'; map it in the mapping's stage values${hint}`,
          rule: 'not_found',
        };
      }
      const pct = probability === null ? 0 : Math.min(100, Math.max(0, probability));
      const { id } = await tx
        .insertInto('stages')
        .values({
          pipeline_id: pipeline.id,
          name: name.trim(),
          position: nextPosition++,
          probability_pct: pct,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const info = { id, isWon: false, isLost: false };
      stages.set(key(name), info);
      return info;
    },
  };
}
