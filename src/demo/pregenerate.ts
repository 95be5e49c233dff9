import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hashPassword } from '../auth/password.ts';
import { newStoreDemoInput } from './demo-input.ts';
import type { GenerateInput } from './generate.ts';
import { generateInChild, type ChildGenerated } from './generate-in-child.ts';
import { DEMO_LOGINS, type DemoOptions } from './options.ts';

/**
 * Where the demo is generated: in this process, or in a child process that hands over COPY files (see
 * generate-in-child.ts). The child costs a process start (about half a second) and the files, and saves its
 * generator's memory from sitting under the writes: worth it from this size on (reps x months; the default demo,
 * 12 x 12, stays in process). Only with COPY: the INSERT path needs the rows as values.
 */
export const CHILD_FROM_REP_MONTHS = 480;

/** Whether a demo of this size is generated in a child process (with COPY). */
export function generatesInChild(options: DemoOptions): boolean {
  return options.reps * options.months >= CHILD_FROM_REP_MONTHS;
}

/** A demo generated before its store was opened: the input it was generated from and its COPY files. */
export interface PregeneratedDemo {
  input: GenerateInput;
  dir: string;
  child: ChildGenerated;
  /** Wall time from the password's hash to the child's exit. */
  ms: number;
}

/**
 * Generates the demo for a new (or reset) store in a child process before the store is opened, and resolves
 * when the child has written its files and exited. The generator's peak (about 800 MB for 200 reps x 24 months)
 * and a PGlite store's own (its migrations, about 750 MB) then come one after the other instead of adding up.
 * Pass the result to loadDemo (flag `pregenerated`), which uses the files when its store gives the same input
 * (see newStoreDemoInput), and disposePregenerated after it.
 */
export async function pregenerateDemo(options: DemoOptions): Promise<PregeneratedDemo> {
  const t0 = performance.now();
  const input = newStoreDemoInput(options, await hashPassword(DEMO_LOGINS.password));
  const dir = await mkdtemp(join(tmpdir(), 'pacesetter-demo-'));
  try {
    const child = await generateInChild(input, dir);
    return { input, dir, child, ms: performance.now() - t0 };
  } catch (err) {
    await rm(dir, { recursive: true, force: true });
    throw err;
  }
}

/** Removes a pregenerated demo's files. */
export async function disposePregenerated(pre: PregeneratedDemo): Promise<void> {
  await rm(pre.dir, { recursive: true, force: true });
}
