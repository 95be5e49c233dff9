import { spawnSync } from 'node:child_process';

/** What a finished `pacesetter` child process left behind. */
export interface CliResult {
  status: number | null;
  out: string;
  err: string;
}

/** Runs `bin/pacesetter.js` with only PATH, HOME, silenced logs and `env` (so the developer's variables never leak in). */
export function runCli(args: readonly string[], env: Record<string, string>, timeoutMs = 120_000): CliResult {
  const r = spawnSync(process.execPath, ['bin/pacesetter.js', ...args], {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      PACESETTER_LOG_LEVEL: 'silent',
      ...env,
    },
    encoding: 'utf8',
    timeout: timeoutMs,
  });
  return { status: r.status, out: r.stdout, err: r.stderr };
}
