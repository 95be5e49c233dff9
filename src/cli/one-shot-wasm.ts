import { setFlagsFromString } from 'node:v8';

/**
 * Keeps a one-shot command's WebAssembly (PGlite's Postgres) on V8's baseline compiler unless a function is
 * really hot. By default V8 recompiles a wasm function with its optimising compiler once it has run for a
 * budget of about 13 MB of code; PGlite's start-up alone spends that budget on dozens of large Postgres
 * functions, and a process cannot exit before those background compilations finish. Measured on a PGlite
 * store (docs/performance.md): `settings show` took 1.28 s of CPU and 640 MiB, and the process lingered
 * 0.6-0.9 s after its last line; with a 100 times larger budget, 0.85 s and 280 MiB, and a 12-month report
 * was no slower (it was faster: the compilations never paid off within one command). Long runs (demo, big
 * imports) still optimise what stays hot. `serve` keeps V8's default: it lives long enough to profit.
 * Only a heuristic of the JIT changes; results do not depend on which compiler ran.
 */
export function preferBaselineWasm(): void {
  setFlagsFromString('--wasm-tiering-budget=1300000000');
}
