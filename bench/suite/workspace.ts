/**
 * The benchmark workspace: `pacesetter demo --reps 200 --months 24` with a fixed seed and end date, its reps
 * regrouped into 20 leaf teams. Everything the suite measures is defined relative to these constants.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The demo behind the workspace (the end date is fixed so the cache and the figures are reproducible). */
export const WORKSPACE_DEMO = { seed: 42, until: '2026-11-20', reps: 200, months: 24 } as const;
/** Leaf teams the reps are spread over (the demo makes three sub-teams under one root). */
export const LEAF_TEAMS = 20;
/** The dashboard's quarter (calendar Q3 2026, inside the data, with its quotas) and the instant taken as now. */
export const DASHBOARD_QUARTER = { from: '2026-07-01', to: '2026-09-30' } as const;
export const NOW = new Date('2026-11-21T05:00:00Z'); // the day after the last day of data, New York midnight
/** The 12-month report: the last twelve whole months of data, by month. */
export const YEAR = { from: '2025-11-01', to: '2026-10-31' } as const;

/** Bump when the way the workspace is built changes without a source change the key sees. */
const LAYOUT_VERSION = 1;

/**
 * Files whose content decides what a built store holds: the schema, the demo and every writer it calls (the
 * workspace constants enter the key by value, so changing a measured period does not rebuild the store).
 */
const KEY_SOURCES = [
  'src/store/migrations',
  'src/store/derived',
  'src/store/bulk',
  'src/store/aggregates',
  'src/demo',
  'bench/suite/build-store.ts',
];

function filesUnder(path: string): string[] {
  const abs = join(ROOT, path);
  let st;
  try {
    st = statSync(abs);
  } catch {
    return []; // e.g. src/store/aggregates before the aggregates exist
  }
  if (st.isFile()) return [path];
  return readdirSync(abs)
    .sort()
    .flatMap((f) => filesUnder(join(path, f)))
    .filter((f) => !f.endsWith('.test.ts'));
}

/** A short hash of the schema, demo and build code: a cached store is reused only while it is unchanged. */
export function storeKey(): string {
  const h = createHash('sha256');
  h.update(JSON.stringify({ WORKSPACE_DEMO, LEAF_TEAMS, LAYOUT_VERSION }));
  for (const f of KEY_SOURCES.flatMap(filesUnder)) {
    h.update(f);
    h.update(readFileSync(join(ROOT, f)));
  }
  return h.digest('hex').slice(0, 12);
}
