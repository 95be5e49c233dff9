import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { DemoDataset } from './dataset.ts';
import type { GenerateInput } from './generate.ts';
import type { RepProfile } from './org.ts';

/** What the generator child sends back: everything the writer needs besides the rows, which are in the files. */
export interface ChildGenerated {
  counts: Record<keyof DemoDataset, number>;
  reps: RepProfile[];
  start: string;
  teamManagers: { id: number; managerId: number | null }[];
  /** The child's time generating, then encoding and writing the files. */
  generateMs: number;
  encodeMs: number;
  /** The child's peak resident memory (VmHWM), in bytes; 0 where /proc is not available. */
  peakRssBytes: number;
}

/**
 * Generates the demo in a child process that writes each table's COPY text into `dir` (see
 * dataset-copy-text.ts), and resolves when the child has exited. The 200-rep demo's generator holds 600-800 MB
 * of rows until its last step (activities are added on earlier days until the end, and ids follow the time order
 * of the whole window), so in the writing process it sat under PGlite's COPY: the peak was both at once. In a
 * child, that memory goes back to the system before the first row is written. Same generator, same input (the
 * calendar's holidays keep their order through the structured clone), so the same bytes.
 */
export function generateInChild(input: GenerateInput, dir: string): Promise<ChildGenerated> {
  const script = fileURLToPath(new URL('./generate-child.ts', import.meta.url));
  // No inherited flags (a test runner's loaders, the CLI's WebAssembly tiering): the child runs plain JavaScript.
  const child = fork(script, [], { serialization: 'advanced', execArgv: [], stdio: 'inherit' });
  return new Promise<ChildGenerated>((resolve, reject) => {
    let result: ChildGenerated | null = null;
    child.once('message', (m) => {
      result = m as ChildGenerated;
    });
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (result && code === 0) resolve(result);
      else reject(new Error(`The demo generator process failed (${signal ?? `exit code ${code}`})`));
    });
    child.send({ input, dir });
  });
}
