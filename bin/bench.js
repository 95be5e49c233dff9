#!/usr/bin/env node
// `npm run bench`: runs every bench/*.bench.ts one after another with this node (type stripping, no build).
// Extra arguments are passed to each benchmark; DATABASE_URL adds the PostgreSQL runs where a bench supports them.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { requireSupportedNode } from './node-version.js';

requireSupportedNode();

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const benches = readdirSync(join(root, 'bench'))
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();
let failed = 0;
for (const file of benches) {
  console.log(`\n== ${file}`);
  const r = spawnSync(process.execPath, [join(root, 'bench', file)], { stdio: 'inherit', cwd: root });
  if (r.status !== 0) failed += 1;
}
process.exit(failed > 0 ? 1 : 0);
