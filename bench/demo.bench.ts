/**
 * Benchmark: the default demo (`pacesetter demo`: 12 reps, 12 months, seed 42, fixed end date) loaded into an
 * empty store, with the time of each phase (generate, write, derived columns) and the process CPU time. PGlite in
 * memory always; PostgreSQL too when DATABASE_URL is set (private schema, dropped afterwards). Target (issue 12): under 3 s of write time
 * on PGlite. Usage: node bench/demo.bench.ts [reps=12] [months=12] [runs=2]
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { loadDemo } from '../src/demo/load.ts';
import { openDb, type Db } from '../src/store/db.ts';
import { migrateToLatest } from '../src/store/migrate.ts';

const reps = Number(process.argv[2] ?? 12);
const months = Number(process.argv[3] ?? 12);
const runs = Number(process.argv[4] ?? 2);
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function bench(name: string, db: Db): Promise<void> {
  await migrateToLatest(db);
  for (let i = 0; i < runs; i += 1) {
    const cpu = process.cpuUsage();
    const r = await loadDemo(db, { seed: 42, until: '2026-11-20', reps, months }, { reset: true });
    const used = process.cpuUsage(cpu);
    console.log(
      `${name} run ${i + 1}: total ${s(r.totalMs)} (generate ${s(r.generateMs)}, write ${s(r.writeMs)}, ` +
        `derived ${s(r.derivedMs)}), this process's CPU ${s((used.user + used.system) / 1000)}; ` +
        `${r.counts.activities} activities, ${Object.values(r.counts).reduce((a, b) => a + b, 0)} rows`,
    );
    const staged = r.stages.reduce((a, st) => a + st.cpuMs, 0);
    console.log(`  stages (wall / this process's CPU), CPU ${s(staged)} in all:`);
    for (const st of r.stages) console.log(`    ${st.name.padEnd(22)} ${s(st.ms)} / ${s(st.cpuMs)}`);
  }
}

const pglite = await openDb({ kind: 'pglite', dataDir: null });
await bench('pglite', pglite);
await pglite.destroy();

if (process.env.DATABASE_URL) {
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  const admin = await openDb({ kind: 'postgres', url: process.env.DATABASE_URL });
  await sql`create schema ${sql.id(schema)}`.execute(admin);
  const url = new URL(process.env.DATABASE_URL);
  url.searchParams.set('options', `-c search_path=${schema}`);
  const db = await openDb({ kind: 'postgres', url: url.toString() });
  try {
    await bench('postgres', db);
  } finally {
    await db.destroy();
    await sql`drop schema ${sql.id(schema)} cascade`.execute(admin);
    await admin.destroy();
  }
}
