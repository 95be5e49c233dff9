/**
 * The demo's generator child alone (issue 12: the 200-rep demo within 1 GB): runs pregenerateDemo for a new
 * store, as `pacesetter demo` does before opening the store, and prints the child's peak RSS (VmHWM), its time
 * generating and writing the COPY files, its CPU time, and the rows per table; then removes the files.
 * Usage: node bench/demo-generate-child.ts <reps> <months> [seed] [until]
 */
import { disposePregenerated, pregenerateDemo } from '../src/demo/pregenerate.ts';

const reps = Number(process.argv[2] ?? 200);
const months = Number(process.argv[3] ?? 24);
const seed = Number(process.argv[4] ?? 42);
const until = process.argv[5] ?? '2026-11-20';
const pre = await pregenerateDemo({ seed, until, reps, months });
const children = process.resourceUsage();
const self = process.cpuUsage();
const c = pre.child;
console.log(
  `${reps} x ${months}: child peak RSS ${Math.round(c.peakRssBytes / 2 ** 20)} MB, generate ${(c.generateMs / 1000).toFixed(1)} s, ` +
    `COPY files ${(c.encodeMs / 1000).toFixed(1)} s, wall ${(pre.ms / 1000).toFixed(1)} s; ` +
    `this process's CPU ${((self.user + self.system) / 1e6).toFixed(1)} s, its peak RSS ${Math.round(children.maxRSS / 1024)} MB`,
);
console.log(JSON.stringify(c.counts));
await disposePregenerated(pre);
