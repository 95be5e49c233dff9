import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// Every CLI command is a new process, so what it imports before doing anything is paid on every call: `--help`
// must load commander and the command registrations only, and each command's action loads the store, the
// server or the importer itself (docs/performance.md). These checks list modules, not times, so they hold on a
// loaded machine.
const dir = mkdtempSync(join(tmpdir(), 'pacesetter-cli-startup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The module URLs `pacesetter <args>` loaded, recorded by a loader hook in the child process. */
function modulesLoadedBy(args: string[]): string[] {
  const file = join(dir, `loads-${args.join('-').replace(/[^a-z-]/gi, '')}.txt`);
  const r = spawnSync(
    process.execPath,
    ['--import', './test/support/record-loads.mjs', 'bin/pacesetter.js', ...args],
    {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', RECORD_LOADS_FILE: file },
      encoding: 'utf8',
      timeout: 60_000,
    },
  );
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return readFileSync(file, 'utf8').split('\n').filter(Boolean);
}

/** Packages but commander, and the store, server, jobs, webhooks and config modules: what an action loads. */
function heavyModules(urls: string[]): string[] {
  const heavy = urls.flatMap((u) => {
    const pkg = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(u)?.[1];
    if (pkg) return pkg === 'commander' ? [] : [pkg];
    const layer = /\/(src\/(?:store|server|jobs|webhooks)\/|src\/config\.ts$)/.exec(u)?.[1];
    return layer ? [layer] : [];
  });
  return [...new Set(heavy)].sort();
}

describe('CLI start-up loads only what the command needs', () => {
  it.each(['--help', 'report --help', 'import --help', 'users add --help', 'serve --help'])(
    '`pacesetter %s` loads no package but commander, and no store, server or config module',
    (command) => {
      const urls = modulesLoadedBy(command.split(' '));
      // The hook saw the CLI itself: an empty list would make the next assertion pass for the wrong reason.
      expect(urls.some((u) => u.endsWith('/src/cli/main.ts'))).toBe(true);
      expect(urls.some((u) => u.endsWith('/src/cli/commands/report.ts'))).toBe(true);
      expect(urls.some((u) => u.includes('/node_modules/commander/'))).toBe(true);
      expect(heavyModules(urls)).toEqual([]);
    },
  );
});
