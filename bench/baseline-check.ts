/**
 * Each hand-written baseline file on its own against the engine over the same metrics (DASHBOARD_QUARTER by rep)
 * on PostgreSQL (DATABASE_URL): the file's wall time, the engine's, and the values that differ (as the bench's
 * compareDashboard judges them). `node bench/baseline-check.ts [--only=<file name part>] [--timeout=60]`: for
 * writing a baseline file without waiting for the whole dashboard.
 */
import { SYSTEM_VIEWER } from '../src/domain/access/viewer.ts';
import { openDb } from '../src/store/db.ts';
import { runMetrics } from '../src/store/queries/metrics/run-metrics.ts';
import { BASELINE_FILES, baselineParams, toPositional } from './suite/baseline.ts';
import { compareDashboard } from './suite/dashboard.ts';
import { DASHBOARD_QUARTER, NOW } from './suite/workspace.ts';

const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is not set');
const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7);
const timeout = Number(process.argv.find((a) => a.startsWith('--timeout='))?.slice(10) ?? 60);
// The app's own handle (its type parsers: bigint ids as numbers), with a statement timeout on every connection.
const db = await openDb({
  kind: 'postgres',
  url: `${url}${url.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c statement_timeout=${timeout * 1000}`)}`,
});
const params = await baselineParams(db, DASHBOARD_QUARTER.from, DASHBOARD_QUARTER.to, NOW);
for (const f of BASELINE_FILES.filter((x) => !only || x.name.includes(only))) {
  let t = performance.now();
  const rows = (
    await db.executeQuery<{ rep_id: number | string; metric: string; value: number | string | null }>(
      toPositional(f.text, params),
    )
  ).rows;
  const rawMs = performance.now() - t;
  const base = new Map<string, number | null>();
  for (const r of rows)
    base.set(`${Number(r.rep_id)}:${r.metric}`, r.value === null ? null : Number(r.value));
  const metricIds = [...new Set(rows.map((r) => r.metric))];
  t = performance.now();
  // The dashboard lists whoever has facts in the period: former reps (rep_headcount) and managers on a roll-up
  // plan (commission_cost_of_sales) come with those metrics, asked too and left out of the comparison.
  const listing = ['rep_headcount', 'commission_cost_of_sales'].filter((id) => !metricIds.includes(id));
  const engine = (
    await runMetrics(
      db,
      SYSTEM_VIEWER,
      { metricIds: [...metricIds, ...listing], ...DASHBOARD_QUARTER, groupBy: 'rep' },
      { now: NOW },
    )
  ).map((r) => ({
    ...r,
    values: Object.fromEntries(Object.entries(r.values).filter(([id]) => metricIds.includes(id))),
  }));
  const engineMs = performance.now() - t;
  const cmp = compareDashboard(engine, base);
  console.log(
    `${f.name}: ${metricIds.length} metrics, baseline ${rawMs.toFixed(0)} ms, engine ${engineMs.toFixed(0)} ms, ` +
      `values ${cmp.compared}, mismatches ${cmp.mismatches.length}`,
  );
  for (const m of cmp.mismatches.slice(0, 8)) console.log('  ' + m);
}
await db.destroy();
