import { Console } from 'node:console';
import { EventEmitter } from 'node:events';
import type { CliResult } from './cli.ts';

/*
 * The CLI run inside the test process, for tests about a command's wiring, validation messages and output. A
 * child process (runCli in cli.ts) costs a Node start-up, loading the sources and PGlite's WebAssembly each time:
 * about 2 s of CPU per command, which made the CLI test files the slowest of the suite. Here each run evaluates
 * a fresh copy of src/cli/main.ts (its own commander program and lazily read configuration) over the modules
 * this process already loaded, with process.env, process.argv, the console and process.exit swapped for the
 * run's own. What only a real process shows (the bin script, a signal, a kill, exit codes set by Node itself)
 * stays with runCli: each file that uses this keeps at least one real spawn of its command family.
 */

const MAIN = new URL('../../src/cli/main.ts', import.meta.url).href;

/** Thrown by the stand-in process.exit to stop the run where the real process would have ended. */
class Exit extends Error {
  readonly code: number;
  constructor(code: number) {
    super(`process.exit(${code})`);
    this.code = code;
  }
}

/** A stream stand-in that keeps what is written, synchronously (a Writable would buffer behind a tick). */
function sink(chunks: string[]): NodeJS.WritableStream {
  // An EventEmitter: Console listens for the stream's errors around each write.
  return Object.assign(new EventEmitter(), {
    write: (chunk: string | Uint8Array) => {
      chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      return true;
    },
  }) as unknown as NodeJS.WritableStream;
}

let runs = 0;
let queue: Promise<unknown> = Promise.resolve();

/**
 * Runs `pacesetter <args>` in this process with only PATH, HOME, silenced logs and `env` in process.env, like
 * runCli. Runs are serialised: they share the process's globals.
 */
export function runCliInProcess(args: readonly string[], env: Record<string, string>): Promise<CliResult> {
  const run = queue.then(() => runOnce(args, env));
  queue = run.catch(() => undefined);
  return run;
}

async function runOnce(args: readonly string[], env: Record<string, string>): Promise<CliResult> {
  const out: string[] = [];
  const err: string[] = [];
  const saved = {
    env: { ...process.env },
    argv: process.argv,
    console: globalThis.console,
    exit: process.exit,
    exitCode: process.exitCode,
    stdoutWrite: process.stdout.write,
    stderrWrite: process.stderr.write,
    stderrTty: process.stderr.isTTY,
  };
  for (const k of Object.keys(process.env)) delete process.env[k];
  Object.assign(process.env, {
    PATH: saved.env.PATH ?? '',
    HOME: saved.env.HOME ?? '',
    PACESETTER_LOG_LEVEL: 'silent',
    ...env,
  });
  process.argv = [process.execPath, 'bin/pacesetter.js', ...args];
  process.exitCode = undefined;
  globalThis.console = new Console({ stdout: sink(out), stderr: sink(err) });
  process.exit = ((code?: number | string | null) => {
    throw new Exit(Number(code ?? process.exitCode ?? 0));
  }) as typeof process.exit;
  // A child's stdout and stderr are pipes: no progress bars, output written as a whole.
  process.stdout.write = sink(out).write as typeof process.stdout.write;
  process.stderr.write = sink(err).write as typeof process.stderr.write;
  process.stderr.isTTY = false;
  let status: number;
  try {
    await import(/* @vite-ignore */ `${MAIN}?run=${++runs}`);
    status = Number(process.exitCode ?? 0);
  } catch (e) {
    if (e instanceof Exit) status = e.code;
    else {
      // An error main.ts does not handle: the real process prints it and exits 1.
      err.push(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      status = 1;
    }
  } finally {
    for (const k of Object.keys(process.env)) delete process.env[k];
    Object.assign(process.env, saved.env);
    process.argv = saved.argv;
    globalThis.console = saved.console;
    process.exit = saved.exit;
    process.exitCode = saved.exitCode;
    process.stdout.write = saved.stdoutWrite;
    process.stderr.write = saved.stderrWrite;
    process.stderr.isTTY = saved.stderrTty;
  }
  return { status, out: out.join(''), err: err.join('') };
}
