#!/usr/bin/env node
// `npm run bench`: the 200-rep suite (bench/suite.bench.ts) by default; `npm run bench -- <name>...` runs the
// bench/*.bench.ts files whose names contain one of the names instead, one after another with this node (type
// stripping, no build). Arguments starting with '-' are passed to each benchmark (e.g. --quick). The suite reads
// BENCH_DATABASE_URL for PostgreSQL; the older benches read DATABASE_URL.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { requireSupportedNode } from './node-version.js';

requireSupportedNode();

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const flags = process.argv.slice(2).filter((a) => a.startsWith('-'));
const benches = readdirSync(join(root, 'bench'))
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => (only.length === 0 ? f === 'suite.bench.ts' : only.some((o) => f.includes(o))))
  .sort();
let failed = 0;
for (const file of benches) {
  console.log(`\n== ${file}`);
  const r = spawnSync(process.execPath, [join(root, 'bench', file), ...flags], {
    stdio: 'inherit',
    cwd: root,
  });
  if (r.status !== 0) failed += 1;
}
process.exit(failed > 0 ? 1 : 0);
