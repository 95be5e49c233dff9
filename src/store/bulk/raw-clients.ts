import { randomBytes } from 'node:crypto';
import type { PGlite, Transaction as PGliteTransaction } from '@electric-sql/pglite';
import { sql, type Transaction } from 'kysely';
import type pg from 'pg';
import type { Database } from '../schema.ts';

/**
 * COPY needs the driver underneath Kysely (a pg client's protocol stream, PGlite's blob option), which Kysely
 * does not hand out. Each session therefore gets a random tag in a custom setting when it opens, and the tag maps
 * back to its driver object here; inside a Kysely transaction `current_setting` tells which one runs it. A
 * session whose tag is unknown (a pooler in front of PostgreSQL that shares server sessions, say) simply has no
 * raw client, and callers fall back to plain INSERTs.
 */

/** The driver object a COPY runs on: the pg client of the session, or PGlite's open transaction. */
export type RawClient =
  | { kind: 'postgres'; client: pg.ClientBase }
  | { kind: 'pglite'; transaction: () => PGliteTransaction | null };

const SETTING = 'pacesetter.session_tag';
const clients = new Map<string, RawClient>();
const pgTags = new WeakMap<pg.ClientBase, string>();

function newTag(): string {
  return randomBytes(12).toString('hex');
}

/**
 * Registers a new pool client and returns the statement that tags its session; the caller runs it with its other
 * session settings, before the pool hands the client out (one queued query, not several).
 */
export function tagPgSession(client: pg.ClientBase): string {
  const tag = newTag();
  pgTags.set(client, tag);
  clients.set(tag, { kind: 'postgres', client });
  return `select set_config('${SETTING}', '${tag}', false)`;
}

/** Forgets a client the pool dropped. */
export function forgetPgSession(client: pg.ClientBase): void {
  const tag = pgTags.get(client);
  if (tag) clients.delete(tag);
}

/**
 * Tags a PGlite instance and keeps a reference to its open transaction. Kysely's PGlite dialect runs each
 * transaction through `pglite.transaction()`, which holds PGlite's lock: a query on the instance itself would
 * wait for the transaction to end, so COPY has to go through the transaction object, captured here.
 */
export async function registerPglite(pglite: PGlite): Promise<void> {
  const tag = newTag();
  let open: PGliteTransaction | null = null;
  const begin = pglite.transaction.bind(pglite);
  pglite.transaction = <T>(callback: (tx: PGliteTransaction) => Promise<T>) =>
    begin(async (tx) => {
      open = tx;
      try {
        return await callback(tx);
      } finally {
        open = null;
      }
    });
  const close = pglite.close.bind(pglite);
  pglite.close = async () => {
    clients.delete(tag);
    await close();
  };
  await pglite.exec(`select set_config('${SETTING}', '${tag}', false)`);
  clients.set(tag, { kind: 'pglite', transaction: () => open });
}

/** The driver object running `tx`, or null when the session was not tagged by this process. */
export async function rawClientOf(tx: Transaction<Database>): Promise<RawClient | null> {
  const r = await sql<{ tag: string | null }>`select current_setting(${SETTING}, true) as tag`.execute(tx);
  const tag = r.rows[0]?.tag;
  return tag ? (clients.get(tag) ?? null) : null;
}
