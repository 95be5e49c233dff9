/**
 * The demo generator as a child process (see generate-in-child.ts): receives the generator's input over the IPC
 * channel, generates the dataset, writes each table as a COPY text file into the directory it was given, sends
 * back what the writer needs besides the rows (counts, rep profiles, team managers) and exits, returning its
 * memory to the system before the parent writes.
 * Usage (by generateInChild only): node src/demo/generate-child.ts, then one message { input, dir }.
 */
import { readFileSync } from 'node:fs';
import module from 'node:module';
import { datasetCounts } from './dataset.ts';
import { teamManagers, writeCopyFiles } from './dataset-copy-text.ts';
import { generateDemo, type GenerateInput } from './generate.ts';
import { releaseGarbage } from './release-garbage.ts';
import type { ChildGenerated } from './generate-in-child.ts';

// Like bin/pacesetter.js: the generator's modules compiled once, not at every demo load.
module.enableCompileCache?.();

/** This process's peak resident memory in bytes (Linux), 0 elsewhere. */
function peakRss(): number {
  try {
    return Number(/VmHWM:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0) * 1024;
  } catch {
    return 0;
  }
}

process.once('message', (message: { input: GenerateInput; dir: string }) => {
  const t0 = performance.now();
  const { dataset, reps, start } = generateDemo(message.input);
  const generateMs = performance.now() - t0;
  const result: ChildGenerated = {
    counts: datasetCounts(dataset),
    reps,
    start,
    teamManagers: teamManagers(dataset),
    generateMs,
    encodeMs: 0,
    peakRssBytes: 0,
  };
  const t1 = performance.now();
  // The generator's working data is garbage now; V8 left alone would keep it under the files' encoding, and
  // this process's peak adds to the parent's (see pregenerate.ts).
  releaseGarbage();
  writeCopyFiles(dataset, message.dir);
  result.encodeMs = performance.now() - t1;
  result.peakRssBytes = peakRss();
  process.send?.(result, () => process.disconnect());
});
