import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PGliteDialect, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { forgetPgSession, registerPglite, tagPgSession } from './bulk/raw-clients.ts';
import type { Database } from './schema.ts';

export type Db = Kysely<Database>;

/** Where the store lives: an embedded PGlite directory (or memory) or a PostgreSQL URL. */
export type StoreTarget = { kind: 'pglite'; dataDir: string | null } | { kind: 'postgres'; url: string };

const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;

// bigint ids and minor-unit amounts stay far below 2^53, so numbers are safer to pass around than strings;
// dates stay 'YYYY-MM-DD' strings because a JS Date would shift them by the server's time zone.
const toNumber = (v: string) => Number(v);
const asText = (v: string) => v;

/** Opens a Kysely handle on the target; the caller owns it and must call destroy(). */
export async function openDb(target: StoreTarget): Promise<Db> {
  if (target.kind === 'postgres') {
    const pool = new pg.Pool({
      connectionString: target.url,
      max: 10,
      types: {
        getTypeParser: (oid: number, format?: 'text' | 'binary') => {
          if (oid === INT8 || oid === NUMERIC) return toNumber;
          if (oid === DATE) return asText;
          return pg.types.getTypeParser(oid, format);
        },
      },
    });
    // JIT makes short analytic queries ~1.5x slower at our sizes; see DEVELOPERS.md measurements.
    // The session tag lets COPY find this client under Kysely (see bulk/raw-clients.ts).
    pool.on('connect', (client) => {
      client.query(`set jit = off; ${tagPgSession(client)}`).catch(() => undefined);
    });
    pool.on('remove', forgetPgSession);
    return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  }
  if (target.dataDir) mkdirSync(target.dataDir, { recursive: true });
  const client = await PGlite.create(target.dataDir ?? undefined, {
    parsers: { [INT8]: toNumber, [NUMERIC]: toNumber, [DATE]: asText },
    serializers: {},
  });
  await registerPglite(client);
  return new Kysely<Database>({ dialect: new PGliteDialect({ pglite: client }) });
}

/** Which engine a handle talks to; some maintenance statements differ. */
export async function serverVersion(db: Db): Promise<string> {
  const r = await sql<{ v: string }>`select version() as v`.execute(db);
  return r.rows[0]?.v ?? '';
}
