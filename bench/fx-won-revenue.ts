/**
 * Benchmark for exchange rates (docs/localization.md, "Money in more than one currency"): a quarter of won revenue
 * (and the open pipeline) by rep on an existing store, from the rollups (auto) and from the raw rows, median of 7
 * runs after one warm-up. Usage: node bench/fx-won-revenue.ts postgres://.../db [2026-07-01 2026-09-30]
 */
import { SYSTEM_VIEWER } from '../src/domain/access/viewer.ts';
import { openDb } from '../src/store/db.ts';
import { runMetrics } from '../src/store/queries/metrics/run-metrics.ts';

const url = process.argv[2];
if (!url) throw new Error('usage: node bench/fx-won-revenue.ts <postgres url> [from to]');
const from = process.argv[3] ?? '2026-07-01';
const to = process.argv[4] ?? '2026-09-30';
const NOW = new Date('2026-11-21T12:00:00Z');
const db = await openDb({ kind: 'postgres', url });
try {
  for (const ids of [['won_revenue'], ['pipeline_value']])
    for (const strategy of ['auto', 'raw'] as const) {
      const times: number[] = [];
      let total = 0;
      for (let i = 0; i < 8; i++) {
        const t = performance.now();
        const rows = await runMetrics(
          db,
          SYSTEM_VIEWER,
          { metricIds: ids, groupBy: 'rep', from, to },
          { now: NOW, strategy },
        );
        if (i > 0) times.push(performance.now() - t);
        total = rows.reduce((s, r) => s + (r.values[ids[0]!]!.value ?? 0), 0);
      }
      times.sort((a, b) => a - b);
      console.log(
        `${ids[0]} ${strategy}: median ${times[3]!.toFixed(1)} ms (min ${times[0]!.toFixed(1)}), total ${total}`,
      );
    }
} finally {
  await db.destroy();
}
