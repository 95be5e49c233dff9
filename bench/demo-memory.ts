/**
 * Where a demo load on PGlite holds its memory (issue 12: PGlite resident memory < 1 GB): loads the demo into a
 * new data directory in this process and prints, after opening and after each stage of the write, this process's
 * RSS and its peak so far (VmHWM), the JS heap used, external and array-buffer memory, and the size of PGlite's
 * WebAssembly memory; and the peak of this process's and its children's RSS together (the generator runs in a
 * child from 480 rep-months on), sampled every 50 ms. By default it runs as `pacesetter demo` does: a demo of that
 * size is generated before the store is opened (`pregenerate`); `child` generates it in a child with the store
 * open, `process` in this process.
 * Usage: node bench/demo-memory.ts <reps> <months> <new data dir> [process|child|pregenerate]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { loadDemo } from '../src/demo/load.ts';
import { StageTimer } from '../src/demo/stage-timer.ts';
import { preferBaselineWasm } from '../src/cli/one-shot-wasm.ts';
import { openDb } from '../src/store/db.ts';
import { migrateToLatest } from '../src/store/migrate.ts';
import { disposePregenerated, generatesInChild, pregenerateDemo } from '../src/demo/pregenerate.ts';

const reps = Number(process.argv[2] ?? 12);
const months = Number(process.argv[3] ?? 12);
const dataDir = process.argv[4];
const mode =
  process.argv[5] ??
  (generatesInChild({ seed: 42, until: '2026-11-20', reps, months }) ? 'pregenerate' : undefined);
if (!dataDir || (mode && mode !== 'process' && mode !== 'child' && mode !== 'pregenerate'))
  throw new Error(
    'usage: node bench/demo-memory.ts <reps> <months> <new data dir> [process|child|pregenerate]',
  );
const generateIn = mode === 'process' || mode === 'child' ? mode : undefined;

const mb = (bytes: number) => Math.round(bytes / 2 ** 20);
const peakRss = () =>
  Number(/VmHWM:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0) * 1024;
let wasm: () => number = () => 0;

/** RSS in bytes of a process, 0 once it is gone. */
function rssOf(pid: string): number {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;
  } catch {
    return 0;
  }
}
/** This process's children (the generator, PGlite's initdb). */
function childPids(): string[] {
  const pids: string[] = [];
  for (const task of readdirSync('/proc/self/task')) {
    try {
      pids.push(...readFileSync(`/proc/self/task/${task}/children`, 'utf8').split(' ').filter(Boolean));
    } catch {
      // The thread ended while listing.
    }
  }
  return pids;
}
let treePeak = 0;
const treeSampler = setInterval(() => {
  const total = rssOf('self') + childPids().reduce((sum, pid) => sum + rssOf(pid), 0);
  treePeak = Math.max(treePeak, total);
}, 50);
const t0 = performance.now();

function sample(label: string): void {
  const m = process.memoryUsage();
  const cpu = process.cpuUsage();
  console.log(
    `${label.padEnd(26)} cpu ${((cpu.user + cpu.system) / 1e6).toFixed(1).padStart(6)} s  wall ${((performance.now() - t0) / 1000).toFixed(1).padStart(6)} s  ` +
      `rss ${mb(m.rss)}  peak ${mb(peakRss())}  heapUsed ${mb(m.heapUsed)}  heapTotal ${mb(m.heapTotal)}  ` +
      `external ${mb(m.external)}  arrayBuffers ${mb(m.arrayBuffers)}  wasm ${mb(wasm())} MB  ` +
      `tree peak ${mb(treePeak)} MB`,
  );
}

// Every stage of the write and derived phases ends with a sample (the timer is the demo's own).
const time = StageTimer.prototype.time;
StageTimer.prototype.time = async function <T>(this: StageTimer, name: string, run: () => Promise<T>) {
  try {
    return (await time.call(this, name, run)) as T;
  } finally {
    sample(`after ${name}`);
  }
};

// The store's PGlite instance, for its WebAssembly memory (the Emscripten module's heap).
const create = PGlite.create.bind(PGlite);
PGlite.create = (async (...args: Parameters<typeof PGlite.create>) => {
  const pg = await create(...args);
  const mod = (pg as unknown as { mod: { HEAPU8: Uint8Array } }).mod;
  wasm = () => mod.HEAPU8.buffer.byteLength;
  return pg;
}) as typeof PGlite.create;
// As `pacesetter demo` runs: the CLI raises V8's WebAssembly tiering budget for every one-shot command.
preferBaselineWasm();
sample('start');
const options = { seed: 42, until: '2026-11-20', reps, months };
const pregenerated = mode === 'pregenerate' ? await pregenerateDemo(options) : undefined;
if (pregenerated) sample('pregenerated');
const db = await openDb({ kind: 'pglite', dataDir });
sample('opened');
await migrateToLatest(db);
sample('migrated');
let first = true;
const r = await loadDemo(db, options, {
  reset: false,
  generateIn,
  pregenerated,
  onProgress: () => {
    if (!first) return;
    first = false;
    sample('generated (first COPY)');
  },
});
if (pregenerated) await disposePregenerated(pregenerated);
sample('loaded');
console.log(
  (r.pregenerated ? `pregenerated: ${r.pregenerated}\n` : '') +
    (r.generator
      ? `generator process: generate ${(r.generator.generateMs / 1000).toFixed(1)} s, COPY files ${(r.generator.encodeMs / 1000).toFixed(1)} s, peak RSS ${mb(r.generator.peakRssBytes)} MB\n`
      : '') +
    `generate ${(r.generateMs / 1000).toFixed(1)} s, write ${(r.writeMs / 1000).toFixed(1)} s (CPU ${(r.writeCpuMs / 1000).toFixed(1)} s), derived ${(r.derivedMs / 1000).toFixed(1)} s; ${r.counts.activities} activities`,
);
await db.destroy();
clearInterval(treeSampler);
