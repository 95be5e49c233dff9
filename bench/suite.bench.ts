/**
 * The 200-rep benchmark suite (issue 12): `npm run bench` (or `node bench/suite.bench.ts [--quick]
 * [--only=pglite|postgres] [--no-import]`). Builds or reuses the cached workspace on PGlite and, when
 * BENCH_DATABASE_URL is set, on PostgreSQL; measures each engine in its own process (bench/suite/run-engine.ts),
 * then the CSV import through the CLI; writes bench/results/latest.json and, for a full run, the figures table
 * in docs/performance.md. `--quick` (fewer runs, 5 s of load, a 50,000-row import) is for working on the suite
 * itself: it writes bench/results/quick.json and leaves the docs alone.
 */
import { spawnSync } from 'node:child_process';
import { execSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchImport } from './suite/import-csv.ts';
import { renderTable, replaceSection } from './suite/report.ts';
import { checkTargets } from './suite/targets.ts';
import { ROOT, storeKey, WORKSPACE_DEMO, LEAF_TEAMS, DASHBOARD_QUARTER, YEAR } from './suite/workspace.ts';

const quick = process.argv.includes('--quick');
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const withImport = !process.argv.includes('--no-import');
const url = process.env.BENCH_DATABASE_URL;
const engines = (['pglite', 'postgres'] as const).filter(
  (e) => (!only || only === e) && (e === 'pglite' || Boolean(url)),
);
if (!url) console.log('BENCH_DATABASE_URL is not set: PGlite only.');

const started = performance.now();
const load0 = loadavg()[0];
const figures: Record<string, Record<string, unknown>> = {};
for (const engine of engines) {
  console.log(`\n== ${engine}`);
  const out = join(tmpdir(), `pacesetter-bench-${engine}-${process.pid}.json`);
  const r = spawnSync(
    process.execPath,
    [join(ROOT, 'bench', 'suite', 'run-engine.ts'), engine, out, ...(quick ? ['--quick'] : [])],
    { cwd: ROOT, stdio: 'inherit' },
  );
  if (r.status !== 0) throw new Error(`measuring ${engine} failed (exit ${r.status})`);
  figures[engine] = JSON.parse(readFileSync(out, 'utf8'));
  rmSync(out, { force: true });
  if (withImport) {
    const rows = quick ? 50_000 : 1_000_000;
    console.log(`[${engine}] import of a ${rows.toLocaleString('en-US')}-row activities CSV (CLI)`);
    figures[engine]!.import = await benchImport(
      engine,
      url,
      { rows, probeRows: quick ? rows : 100_000, runs: quick ? 1 : 3, timeoutS: quick ? 300 : 480 },
      (s) => console.log(`[${engine}] ${s}`),
    );
  }
}

let commit = 'unknown';
try {
  commit = execSync('git rev-parse --short HEAD', { cwd: ROOT, encoding: 'utf8' }).trim();
} catch {
  // not a git checkout
}
const dashboard = Object.fromEntries(
  Object.entries(figures).map(([engine, f]) => {
    const d = f.dashboard as {
      engine_ms: { median: number };
      raw_sql_ms: { median: number };
      speedup: number;
    };
    return [engine, { engine_ms: d.engine_ms.median, raw_sql_ms: d.raw_sql_ms.median, speedup: d.speedup }];
  }),
);
const result = {
  generated_at: new Date().toISOString(),
  commit,
  quick,
  store_key: storeKey(),
  machine: { cpus: cpus().length, load_average_start: load0, load_average_end: loadavg()[0] },
  workspace: {
    demo: WORKSPACE_DEMO,
    leaf_teams: LEAF_TEAMS,
    dashboard_quarter: DASHBOARD_QUARTER,
    report_year: YEAR,
  },
  total_seconds: Math.round((performance.now() - started) / 1000),
  dashboard,
  engines: figures,
  targets: checkTargets(figures),
};
mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
const file = join(ROOT, 'bench', 'results', quick ? 'quick.json' : 'latest.json');
writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
console.log(`\nwrote ${file}`);
const table = renderTable(result);
console.log(`\n${table}`);
if (!quick && engines.length === 2) {
  const doc = join(ROOT, 'docs', 'performance.md');
  // Formatted as the repository's prettier would, so `npm run format:check` passes after a run.
  const prettier = await import('prettier');
  const text = replaceSection(readFileSync(doc, 'utf8'), table);
  const options = (await prettier.resolveConfig(doc)) ?? {};
  writeFileSync(doc, await prettier.format(text, { ...options, filepath: doc }));
  console.log('updated docs/performance.md');
}
