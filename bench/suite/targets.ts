/** The targets (issue 12, "Benchmark suite"), each checked against the figures of one run. */

export interface TargetCheck {
  target: string;
  engine: 'pglite' | 'postgres';
  figure: string;
  met: boolean | null; // null: not measured in this run
}

interface EngineFigures {
  dashboard?: { speedup: number; mismatch_count: number };
  manager_home?: Record<string, { median: number }>;
  http_load?: Record<string, { p95_ms: number | null; unfinished: number; seconds: number }>;
  import?: {
    rows_per_s: { max: number; median: number } | null;
    peak_rss_mb: number | null;
    probe_only?: boolean;
  };
  peak_rss_mb?: number;
}

export function checkTargets(engines: Record<string, EngineFigures>): TargetCheck[] {
  const out: TargetCheck[] = [];
  const pg = engines.postgres;
  const lite = engines.pglite;
  for (const [engine, e] of [
    ['pglite', lite],
    ['postgres', pg],
  ] as const) {
    const d = e?.dashboard;
    out.push({
      target: 'dashboard speedup >= 10 (raw SQL / engine), values equal',
      engine,
      figure: d ? `${d.speedup.toFixed(2)}x, ${d.mismatch_count} mismatches` : 'not measured',
      met: d ? d.speedup >= 10 && d.mismatch_count === 0 : null,
    });
  }
  const home = pg?.manager_home;
  if (home) {
    const slowest = Object.entries(home).sort((a, b) => b[1].median - a[1].median)[0];
    out.push({
      target: 'every manager-home endpoint < 300 ms',
      engine: 'postgres',
      figure: slowest ? `slowest ${slowest[0]} ${slowest[1].median} ms (median)` : 'none',
      met: Object.values(home).every((t) => t.median < 300),
    });
  } else
    out.push({
      target: 'every manager-home endpoint < 300 ms',
      engine: 'postgres',
      figure: 'not measured',
      met: null,
    });
  const load = pg?.http_load?.dashboard_api_1;
  out.push({
    target: 'dashboard API p95 < 150 ms at 50 connections (one server)',
    engine: 'postgres',
    figure:
      load?.p95_ms != null
        ? `p95 ${load.unfinished > 0 && load.p95_ms >= load.seconds * 1000 ? '>= ' : ''}${load.p95_ms} ms`
        : 'not measured',
    met: load?.p95_ms != null ? load.p95_ms < 150 : null,
  });
  for (const [engine, e, min] of [
    ['postgres', pg, 100_000],
    ['pglite', lite, 60_000],
  ] as const) {
    const r = e?.import?.rows_per_s;
    out.push({
      target: `import >= ${min.toLocaleString('en-US')} rows/s`,
      engine,
      figure: r
        ? `${r.max.toLocaleString('en-US')} rows/s (best${e?.import?.probe_only ? ', 100k-row probe' : ''})`
        : e?.import
          ? 'did not finish'
          : 'not measured',
      met: e?.import ? (r ? r.max >= min : false) : null,
    });
  }
  const rss = [lite?.import?.peak_rss_mb, lite?.peak_rss_mb].filter(
    (x): x is number => typeof x === 'number',
  );
  out.push({
    target: 'PGlite resident memory < 1 GB (import process and query process)',
    engine: 'pglite',
    figure: rss.length ? `peak ${Math.max(...rss)} MB` : 'not measured',
    met: rss.length ? Math.max(...rss) < 1024 : null,
  });
  return out;
}
