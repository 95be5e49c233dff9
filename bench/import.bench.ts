/**
 * Benchmark: `pacesetter import` of a generated Pipedrive activities export (default 200,000 rows) into an empty
 * store, then the same file again (every row unchanged). PGlite in memory always; PostgreSQL too when
 * DATABASE_URL is set (in a private schema, dropped afterwards). Prints rows/s, and the CPU time of this process
 * (for PGlite that includes the database, so it tells the cost apart from waiting on a busy machine).
 * Usage: node bench/import.bench.ts [rows=200000]
 */
import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { sql } from 'kysely';
import { SYSTEM_VIEWER } from '../src/domain/access/viewer.ts';
import { seededRandom } from '../src/domain/random/seeded-random.ts';
import { runImport } from '../src/import/run-import.ts';
import { openDb, type Db } from '../src/store/db.ts';
import { migrateToLatest } from '../src/store/migrate.ts';

const rows = Number(process.argv[2] ?? 200_000);
const dir = mkdtempSync(join(tmpdir(), 'pacesetter-import-bench-'));
const file = join(dir, 'activities.csv');

/** Writes a Pipedrive-style activities export: 40 reps, 2,000 organizations, 20,000 people, 5% planned (undone). */
async function generate(): Promise<void> {
  const rnd = seededRandom(42);
  const out = createWriteStream(file);
  const types = ['call', 'call', 'call', 'email', 'email', 'meeting'];
  out.write(
    'Activity - ID,Activity - Subject,Activity - Type,Activity - Due date,Activity - Due time,Activity - Duration,' +
      'Activity - Done,Activity - Assigned to user,Activity - Organization,Activity - Person,Activity - Deal\n',
  );
  const start = Date.UTC(2024, 0, 1);
  for (let i = 1; i <= rows; i++) {
    const person = Math.floor(rnd.next() * 20_000);
    const when = new Date(start + Math.floor(rnd.next() * 365 * 86_400_000));
    const type = types[Math.floor(rnd.next() * types.length)]!;
    const line =
      `${i},"${type} #${i}",${type},${when.toISOString().slice(0, 10)},${when.toISOString().slice(11, 16)},` +
      `00:${String(5 + Math.floor(rnd.next() * 50)).padStart(2, '0')},${rnd.next() < 0.05 ? 'Undone' : 'Done'},` +
      `Rep ${1 + (person % 40)},Org ${person % 2000},Person ${person},\n`;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

async function run(db: Db, store: string): Promise<void> {
  for (const pass of ['first import', 're-import (unchanged)']) {
    const cpu = process.cpuUsage();
    const s = await runImport(db, SYSTEM_VIEWER, {
      fileName: file,
      input: createReadStream(file),
      source: 'pipedrive',
      entity: 'activities',
      createMissing: true,
    });
    console.log(
      `${store.padEnd(10)} ${pass.padEnd(22)} ${s.rowsRead} rows in ${s.seconds.toFixed(2)} s = ` +
        `${Math.round(s.rowsPerSecond).toLocaleString('en-US')} rows/s (created ${s.created}, unchanged ${s.unchanged}, skipped ${s.skipped}); ` +
        `this process used ${((process.cpuUsage(cpu).user + process.cpuUsage(cpu).system) / 1e6).toFixed(1)} s CPU`,
    );
  }
}

await generate();
console.log(`generated ${rows} rows (${(statSync(file).size / 1e6).toFixed(1)} MB)`);
try {
  const pglite = await openDb({ kind: 'pglite', dataDir: null });
  await migrateToLatest(pglite);
  await run(pglite, 'pglite');
  await pglite.destroy();

  const url = process.env.DATABASE_URL;
  if (url) {
    const schema = `bench_import_${randomBytes(4).toString('hex')}`;
    const admin = await openDb({ kind: 'postgres', url });
    await sql`create schema ${sql.id(schema)}`.execute(admin);
    const u = new URL(url);
    u.searchParams.set('options', `-c search_path=${schema}`);
    const pg = await openDb({ kind: 'postgres', url: u.toString() });
    try {
      await migrateToLatest(pg);
      await run(pg, 'postgres');
    } finally {
      await pg.destroy();
      await sql`drop schema ${sql.id(schema)} cascade`.execute(admin);
      await admin.destroy();
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
