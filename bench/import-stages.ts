/**
 * Benchmark: the bench suite's activities CSV (bench/suite/import-csv.ts) imported into an EMPTY store with
 * --create-missing through runImport, with wall and CPU time per stage (reading, checking, writing, refreshing).
 * On PostgreSQL the server's CPU is read from /proc for every backend of the store's database at each stage
 * boundary (the server must run on this machine), so a stage's database work is counted with it.
 *
 * Usage: node bench/import-stages.ts <pglite|postgres> [rows]
 *   postgres: BENCH_DATABASE_URL=postgres://user@host:port/db (a server database to create the store beside)
 * Run it under /usr/bin/time -v for the peak RSS.
 */
import { readdirSync, readFileSync, rmSync, createReadStream } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { preferBaselineWasm } from '../src/cli/one-shot-wasm.ts';
import { SYSTEM_VIEWER } from '../src/domain/access/viewer.ts';
import { runImport, type ImportStage } from '../src/import/run-import.ts';
import { openDb, type Db } from '../src/store/db.ts';
import { migrateToLatest } from '../src/store/migrate.ts';
import { activitiesCsv } from './suite/import-csv.ts';

const [kind = 'postgres', rowsArg = '100000'] = process.argv.slice(2);

const mb = (bytes: number) => Math.round(bytes / 2 ** 20);
/** This process's peak RSS so far (VmHWM) in bytes. */
const peakRss = () =>
  Number(/VmHWM:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0) * 1024;
// The store's PGlite instance, for the size of its WebAssembly memory (which grows and never shrinks).
let wasm: () => number = () => 0;
const create = PGlite.create.bind(PGlite);
PGlite.create = (async (...args: Parameters<typeof PGlite.create>) => {
  const pg = await create(...args);
  const mod = (pg as unknown as { mod: { HEAPU8: Uint8Array } }).mod;
  wasm = () => mod.HEAPU8.buffer.byteLength;
  return pg;
}) as typeof PGlite.create;
// As `pacesetter import` runs: the CLI raises V8's WebAssembly tiering budget for every one-shot command.
preferBaselineWasm();
const memory = () =>
  `rss ${mb(process.memoryUsage().rss)}  peak ${mb(peakRss())}  heap ${mb(process.memoryUsage().heapUsed)}  wasm ${mb(wasm())} MB`;
const rows = Number(rowsArg);
if (kind !== 'postgres' && kind !== 'pglite') throw new Error('kind: pglite | postgres');

/** Total CPU seconds (user + system) of the server processes serving `database`, found by their process title. */
function serverCpu(database: string): number {
  let total = 0;
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const title = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!title.startsWith(`postgres: `) || !title.includes(` ${database} `)) continue;
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      total += (Number(fields[11]) + Number(fields[12])) / 100;
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return total;
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function main(): Promise<void> {
  const file = await activitiesCsv(rows);
  // BENCH_DB_PREFIX: a prefix for the store database's name, for a server shared under naming rules.
  const database = `${process.env.BENCH_DB_PREFIX ?? 'import12'}_stages_${process.pid}`;
  const dir = join(tmpdir(), `import12-stages-${process.pid}`);
  let db: Db;
  const adminUrl = process.env.BENCH_DATABASE_URL;
  if (kind === 'postgres') {
    if (!adminUrl) throw new Error('BENCH_DATABASE_URL is not set');
    const admin = await openDb({ kind: 'postgres', url: adminUrl });
    await sql`create database ${sql.id(database)}`.execute(admin);
    await admin.destroy();
    db = await openDb({ kind: 'postgres', url: withDatabase(adminUrl, database) });
  } else {
    db = await openDb({ kind: 'pglite', dataDir: dir });
  }
  await migrateToLatest(db);
  const serverNow = () => (kind === 'postgres' ? serverCpu(database) : 0);
  const cpuNow = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1e6;
  };
  const marks: { stage: string; wall: number; cpu: number; server: number; memory: string }[] = [];
  const mark = (stage: string) =>
    marks.push({
      stage,
      wall: performance.now() / 1000,
      cpu: cpuNow(),
      server: serverNow(),
      memory: memory(),
    });
  console.log(`migrated: ${memory()}`);
  // Where the peak grows: every 50 MB more of it is printed with the stage it happened in.
  let lastPeak = peakRss();
  const watch = setInterval(() => {
    if (peakRss() < lastPeak + 50 * 2 ** 20) return;
    lastPeak = peakRss();
    console.log(`  peak grew during ${marks.at(-1)?.stage ?? 'start'}: ${memory()}`);
  }, 200);
  watch.unref();
  try {
    mark('start');
    const summary = await runImport(db, SYSTEM_VIEWER, {
      fileName: file,
      input: createReadStream(file),
      source: 'pipedrive',
      entity: 'activities',
      createMissing: true,
      onStage: (stage: ImportStage) => mark(stage),
    });
    mark('done');
    const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
    console.log(
      `${kind} ${rows} rows: imported ${summary.imported} (created ${summary.created}), ` +
        `${summary.seconds.toFixed(1)} s, ${Math.round(summary.rowsPerSecond)} rows/s (run), load ${load}`,
    );
    for (let i = 1; i < marks.length; i++) {
      const a = marks[i - 1]!;
      const b = marks[i]!;
      console.log(
        `  ${a.stage.padEnd(10)} wall ${(b.wall - a.wall).toFixed(1).padStart(6)} s  client CPU ${(
          b.cpu - a.cpu
        )
          .toFixed(1)
          .padStart(
            5,
          )} s  server CPU ${(b.server - a.server).toFixed(1).padStart(5)} s  at its end: ${b.memory}`,
      );
    }
    const first = marks[0]!;
    const last = marks[marks.length - 1]!;
    console.log(
      `  whole run  wall ${(last.wall - first.wall).toFixed(1).padStart(6)} s  client CPU ${(
        last.cpu - first.cpu
      )
        .toFixed(1)
        .padStart(5)} s  server CPU ${(last.server - first.server).toFixed(1).padStart(5)} s`,
    );
  } finally {
    await db.destroy();
    if (kind === 'postgres') {
      const admin = await openDb({ kind: 'postgres', url: adminUrl as string });
      await sql`drop database if exists ${sql.id(database)} with (force)`.execute(admin);
      await admin.destroy();
    } else {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}

await main();
