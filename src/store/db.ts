import type { PGlite } from '@electric-sql/pglite';
import { Kysely, PGliteDialect, PostgresDialect, sql } from 'kysely';
import { finishInterruptedRestore } from './backup/swap-data-dir.ts';
import { lockDataDir } from './data-dir-lock.ts';
import { initPgliteDataDir, needsInitdb } from './pglite-new-dir.ts';
import { forgetPgSession, registerPglite, tagPgSession } from './bulk/raw-clients.ts';
import type { Database } from './schema.ts';

export type Db = Kysely<Database>;

/**
 * Where the store lives: an embedded PGlite directory (or memory) or a PostgreSQL URL. `loadDataDir` starts a
 * PGlite store from a dumped data directory (PGlite's dumpDataDir) instead of an empty one: the tests open their
 * in-memory stores from one migrated dump rather than running initdb and every migration each time.
 */
export type StoreTarget =
  { kind: 'pglite'; dataDir: string | null; loadDataDir?: Blob } | { kind: 'postgres'; url: string };

const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;

// bigint ids and minor-unit amounts stay far below 2^53, so numbers are safer to pass around than strings;
// dates stay 'YYYY-MM-DD' strings because a JS Date would shift them by the server's time zone.
const toNumber = (v: string) => Number(v);
const asText = (v: string) => v;

/**
 * Opens a Kysely handle on the target; the caller owns it and must call destroy(). A PGlite directory is locked
 * for this process until then (see data-dir-lock.ts): a second process gets a `conflict` AppError.
 */
export async function openDb(target: StoreTarget): Promise<Db> {
  // Each engine's driver loads only when used: a CLI command on PGlite does not pay for pg, nor one on
  // PostgreSQL for PGlite.
  if (target.kind === 'postgres') {
    const { default: pg } = await import('pg');
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
  const { PGlite: PGliteClass } = await import('@electric-sql/pglite');
  // The directory lock comes first: PGlite must not read or write a directory another process has open.
  const lock = target.dataDir ? lockDataDir(target.dataDir) : null;
  let client: PGlite;
  try {
    // A restore killed mid-swap is completed before anything reads the directory (backup/swap-data-dir.ts).
    if (target.dataDir) finishInterruptedRestore(target.dataDir);
    // A new directory is initialised in a child process, whose memory goes back to the system when it exits.
    if (target.dataDir && needsInitdb(target.dataDir)) await initPgliteDataDir(target.dataDir);
    client = await PGliteClass.create(target.dataDir ?? undefined, {
      loadDataDir: target.loadDataDir,
      parsers: { [INT8]: toNumber, [NUMERIC]: toNumber, [DATE]: asText },
      serializers: {},
      // An embedded store has no replicas or WAL archive, so the log needs only what crash recovery needs:
      // then a table filled in the transaction that created or truncated it (the demo, a first bulk load) is
      // written without WAL, and so are its index builds. See docs/performance.md (demo load).
      // Its buffer pool is this process's memory: see PGLITE_SHARED_BUFFERS.
      startParams: [
        ...PGliteClass.defaultStartParams,
        '-c',
        'wal_level=minimal',
        '-c',
        'max_wal_senders=0',
        '-c',
        `shared_buffers=${PGLITE_SHARED_BUFFERS}`,
      ],
    });
    await registerPglite(client);
  } catch (err) {
    lock?.release();
    throw err;
  }
  if (lock) {
    // Kysely's destroy() ends in client.close(); the lock goes with the last write.
    const close = client.close.bind(client);
    client.close = async () => {
      try {
        await close();
      } finally {
        lock.release();
      }
    };
  }
  return new Kysely<Database>({ dialect: new PGliteDialect({ pglite: client }) });
}

/**
 * PGlite's buffer pool, inside its WebAssembly memory, which is this process's and never shrinks: PostgreSQL's
 * default of 128 MB (initdb's) is resident as soon as a query has read that much, for every PGlite process
 * (server, CLI command, test worker). Reads it misses go to the operating system's page cache (PGlite's file
 * system is the host's), and the large scans of the 200-rep store go through a 256 kB ring whatever the pool's
 * size. At 32 MB the query process on the 200-rep store peaked about 100 MB lower with the same CPU for its
 * queries, and so did an import of a million rows (docs/performance.md, "PGlite memory: a 32 MB buffer pool").
 */
export const PGLITE_SHARED_BUFFERS = '32MB';

/** Which engine a handle talks to; some maintenance statements differ. */
export async function serverVersion(db: Db): Promise<string> {
  const r = await sql<{ v: string }>`select version() as v`.execute(db);
  return r.rows[0]?.v ?? '';
}
