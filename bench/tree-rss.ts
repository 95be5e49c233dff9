/**
 * Runs a command and samples the resident memory of its whole process tree every 50 ms (issue 12: a command
 * within 1 GB counts every process it runs at once, e.g. `pacesetter demo`'s generator child beside the store's
 * process). Prints the peak of the sum, with the processes at that moment, and each process's own peak; then
 * exits with the command's exit code. CPU: run it under `/usr/bin/time -v` (children's times are included).
 * With --trace, also prints the tree every second.
 * Usage: node bench/tree-rss.ts [--trace] <command> [args...]
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

const trace = process.argv[2] === '--trace';
const [command, ...args] = process.argv.slice(trace ? 3 : 2);
if (!command) throw new Error('usage: node bench/tree-rss.ts <command> [args...]');

/** A process's RSS in kB and its command name; null once it is gone. */
function status(pid: string): { rssKb: number; name: string } | null {
  try {
    const s = readFileSync(`/proc/${pid}/status`, 'utf8');
    return {
      rssKb: Number(/VmRSS:\s+(\d+)/.exec(s)?.[1] ?? 0),
      name: /Name:\s+(\S+)/.exec(s)?.[1] ?? '?',
    };
  } catch {
    return null;
  }
}

/** The pid and every descendant. */
function tree(pid: string): string[] {
  const out = [pid];
  let tasks: string[] = [];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return out;
  }
  for (const task of tasks) {
    try {
      for (const c of readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').split(' ').filter(Boolean))
        out.push(...tree(c));
    } catch {
      // The thread ended while listing.
    }
  }
  return out;
}

const t0 = performance.now();
const child = spawn(command, args, { stdio: 'inherit' });
let peak = { kb: 0, at: 0, parts: '' };
let lastTrace = -1;
const perProcess = new Map<string, { name: string; kb: number }>();
const timer = setInterval(() => {
  if (child.pid === undefined) return;
  let kb = 0;
  const parts: string[] = [];
  for (const pid of tree(String(child.pid))) {
    const s = status(pid);
    if (!s) continue;
    kb += s.rssKb;
    parts.push(`${pid} ${s.name} ${Math.round(s.rssKb / 1024)} MB`);
    const p = perProcess.get(pid);
    if (!p || p.kb < s.rssKb) perProcess.set(pid, { name: s.name, kb: s.rssKb });
  }
  const at = performance.now() - t0;
  if (kb > peak.kb) peak = { kb, at, parts: parts.join(', ') };
  if (trace && Math.floor(at / 1000) > lastTrace) {
    lastTrace = Math.floor(at / 1000);
    console.error(`tree-rss: ${lastTrace} s: ${Math.round(kb / 1024)} MB (${parts.join(', ')})`);
  }
}, 50);
child.on('exit', (code, signal) => {
  clearInterval(timer);
  console.error(
    `tree-rss: peak of the sum ${Math.round(peak.kb / 1024)} MB at ${(peak.at / 1000).toFixed(1)} s (${peak.parts}); ` +
      `each process's peak: ${[...perProcess].map(([pid, p]) => `${pid} ${p.name} ${Math.round(p.kb / 1024)} MB`).join(', ')}; ` +
      `wall ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  process.exitCode = code ?? (signal ? 1 : 0);
});
