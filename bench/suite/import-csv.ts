/**
 * Import of a 1,000,000-row activities CSV through the CLI (`pacesetter import`, a child process under
 * /usr/bin/time for its peak RSS) into an empty store. The file is a Pipedrive activities export shaped like
 * the workspace (200 reps, 2,000 organizations, 300,000 people, 5% planned), generated once and cached.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, renameSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { seededRandom } from '../../src/domain/random/seeded-random.ts';
import { measure } from './measure.ts';
import { CACHE_DIR, emptyStore } from './stores.ts';
import { ROOT } from './workspace.ts';

const REPS = 200;
const ORGS = 2_000;
const PEOPLE = 300_000;

export interface ImportRun {
  seconds: number;
  rows_per_s: number;
  peak_rss_mb: number;
  finished: boolean;
}

export interface ImportResult {
  /** Rows of the file the figures come from (the probe's when the full run was skipped). */
  rows: number;
  probe_only: boolean;
  runs: ImportRun[];
  /** Best and median over the finished runs. */
  rows_per_s: { max: number; median: number } | null;
  peak_rss_mb: number | null;
  note?: string;
}

/** The cached CSV of `rows` rows (written to a temporary name first, so a killed run leaves no partial file). */
export async function activitiesCsv(rows: number): Promise<string> {
  const file = join(CACHE_DIR, `activities-${rows}-v1.csv`);
  if (existsSync(file)) return file;
  mkdirSync(CACHE_DIR, { recursive: true });
  const rnd = seededRandom(12);
  const tmp = `${file}.partial`;
  const out = createWriteStream(tmp);
  const types = ['call', 'call', 'call', 'email', 'email', 'meeting'];
  out.write(
    'Activity - ID,Activity - Subject,Activity - Type,Activity - Due date,Activity - Due time,Activity - Duration,' +
      'Activity - Done,Activity - Assigned to user,Activity - Organization,Activity - Person,Activity - Deal\n',
  );
  const start = Date.UTC(2025, 0, 1);
  for (let i = 1; i <= rows; i++) {
    const person = Math.floor(rnd.next() * PEOPLE);
    const when = new Date(start + Math.floor(rnd.next() * 365 * 86_400_000));
    const type = types[Math.floor(rnd.next() * types.length)]!;
    const iso = when.toISOString();
    const line =
      `${i},"${type} #${i}",${type},${iso.slice(0, 10)},${iso.slice(11, 16)},` +
      `00:${String(5 + Math.floor(rnd.next() * 50)).padStart(2, '0')},${rnd.next() < 0.05 ? 'Undone' : 'Done'},` +
      `Rep ${1 + (person % REPS)},Org ${person % ORGS},Person ${person},\n`;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  renameSync(tmp, file);
  return file;
}

/** The environment minus DATABASE_URL: the import's store comes from emptyStore() alone. */
function withoutDatabaseUrl(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.DATABASE_URL;
  return env;
}

/** One CLI import into a new empty store; killed after `timeoutS` seconds. */
async function importOnce(
  kind: 'pglite' | 'postgres',
  url: string | undefined,
  file: string,
  rows: number,
  timeoutS: number,
  log: (s: string) => void,
): Promise<ImportRun> {
  const store = await emptyStore(kind, url);
  try {
    const child = spawn(
      '/usr/bin/time',
      [
        '-f',
        'BENCH_TIME %e %M',
        process.execPath,
        join(ROOT, 'bin', 'pacesetter.js'),
        'import',
        file,
        '--source',
        'pipedrive',
        '--entity',
        'activities',
        '--create-missing',
      ],
      {
        cwd: ROOT,
        env: { ...withoutDatabaseUrl(), ...store.env, PACESETTER_LOG_LEVEL: 'warn' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stderr = '';
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const started = performance.now();
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutS * 1000);
    const [code] = (await once(child, 'exit')) as [number | null];
    clearTimeout(timer);
    const wall = (performance.now() - started) / 1000;
    const m = /BENCH_TIME ([\d.]+) (\d+)/.exec(stderr);
    if (code !== 0 || !m) {
      if (wall >= timeoutS) {
        log(`  import did not finish within ${timeoutS} s (killed)`);
        return { seconds: measure.round(wall), rows_per_s: 0, peak_rss_mb: 0, finished: false };
      }
      throw new Error(`import failed (exit ${code}):\n${stdout}\n${stderr}`);
    }
    const seconds = Number(m[1]);
    log(`  ${stdout.trim().split('\n').slice(-2).join(' ').trim()}`);
    return {
      seconds,
      rows_per_s: Math.round(rows / seconds),
      peak_rss_mb: Math.round(Number(m[2]) / 1024),
      finished: true,
    };
  } finally {
    await store.drop();
  }
}

/**
 * Imports the file up to `runs` times; after a run longer than a minute it stops (one run of a slow importer
 * already takes minutes, and the suite must finish in 30). A probe of `probeRows` rows runs first: when it
 * projects the full file past the time limit, the full import is skipped and the probe's figures are reported
 * (marked `probe_only`), so a slow importer still gets a rate instead of a killed run.
 */
export async function benchImport(
  kind: 'pglite' | 'postgres',
  url: string | undefined,
  o: { rows: number; probeRows: number; runs: number; timeoutS: number },
  log: (s: string) => void,
): Promise<ImportResult> {
  let rows = o.rows;
  let note: string | undefined;
  if (o.probeRows < o.rows) {
    const probe = await importOnce(kind, url, await activitiesCsv(o.probeRows), o.probeRows, o.timeoutS, log);
    log(`  probe of ${o.probeRows} rows: ${JSON.stringify(probe)}`);
    const projected = probe.finished ? (probe.seconds * o.rows) / o.probeRows : Infinity;
    if (projected > o.timeoutS) {
      note = `${o.rows.toLocaleString('en-US')}-row run skipped: the ${o.probeRows.toLocaleString('en-US')}-row probe projects ${Math.round(projected)} s, over the ${o.timeoutS} s limit; figures are the probe's`;
      return summary(o.probeRows, [probe], note, true);
    }
  }
  const file = await activitiesCsv(rows);
  const runs: ImportRun[] = [];
  for (let i = 0; i < o.runs; i++) {
    const r = await importOnce(kind, url, file, rows, o.timeoutS, log);
    runs.push(r);
    log(`  import run ${i + 1}: ${JSON.stringify(r)}`);
    if (!r.finished || r.seconds > 60) break;
  }
  if (runs.length < o.runs) note = `${runs.length} run(s): stopped after a run over 60 s or the time limit`;
  rows = o.rows;
  return summary(rows, runs, note, false);
}

function summary(
  rows: number,
  runs: ImportRun[],
  note: string | undefined,
  probeOnly: boolean,
): ImportResult {
  const done = runs.filter((r) => r.finished).map((r) => r.rows_per_s);
  const s = done.length ? measure.summarise(done) : null;
  return {
    rows,
    runs,
    probe_only: probeOnly,
    rows_per_s: s ? { max: Math.max(...done), median: s.median } : null,
    peak_rss_mb: runs.some((r) => r.finished)
      ? Math.max(...runs.filter((r) => r.finished).map((r) => r.peak_rss_mb))
      : null,
    ...(note ? { note } : {}),
  };
}
