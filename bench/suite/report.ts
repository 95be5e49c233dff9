/** The Markdown table of a suite run, and its place in docs/performance.md (between two marker comments). */
import type { TargetCheck } from './targets.ts';

const BEGIN = '<!-- bench-suite:begin (written by `npm run bench`) -->';
const END = '<!-- bench-suite:end -->';

type Json = Record<string, unknown>;
type T = { min: number; median: number; runs: number } | undefined;

const ms = (t: T) => (t ? `${fmt(t.min)} / ${fmt(t.median)} ms` : '-');
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const get = (o: unknown, ...path: string[]): unknown =>
  path.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Json)[k] : undefined), o);

export function renderTable(result: {
  generated_at: string;
  commit: string;
  total_seconds: number;
  machine: { load_average_start: number | undefined; load_average_end: number | undefined };
  engines: Record<string, Json>;
  targets: TargetCheck[];
}): string {
  const e = result.engines;
  const lite = e.pglite ?? {};
  const pg = e.postgres ?? {};
  const rows: [string, string, string][] = [];
  const both = (label: string, f: (x: Json) => string) => rows.push([label, f(lite), f(pg)]);

  both('workspace: activities / contacts / opportunities / history / leads', (x) => {
    const w = x.workspace as Record<string, number> | undefined;
    return w
      ? [w.activities, w.contacts, w.opportunities, w.opportunity_history, w.leads]
          .map((n) => fmt(n ?? 0))
          .join(' / ')
      : '-';
  });
  both('workspace: reps / teams', (x) => {
    const w = x.workspace as Record<string, number> | undefined;
    return w ? `${w.reps} / ${w.teams}` : '-';
  });
  both('dashboard, engine (runMetrics), min / median', (x) => ms(get(x, 'dashboard', 'engine_ms') as T));
  both('dashboard, hand-written SQL, min / median', (x) => ms(get(x, 'dashboard', 'raw_sql_ms') as T));
  both('dashboard speedup (raw SQL / engine, medians)', (x) => {
    const s = get(x, 'dashboard', 'speedup');
    return typeof s === 'number' ? `${s.toFixed(2)}x` : '-';
  });
  both('dashboard values compared / mismatches', (x) => {
    const d = x.dashboard as Json | undefined;
    return d ? `${fmt(d.values_compared as number)} / ${d.mismatch_count}` : '-';
  });
  both('12-month report by month, by rep', (x) => ms(x.report_12_months as T));
  both('funnel (quarter, company)', (x) => ms(x.funnel as T));
  both('forecast with track record (quarter, company), stored for the day', (x) =>
    ms(x.forecast_with_track_record as T),
  );
  both('forecast with track record, first request of a day', (x) =>
    ms(x.forecast_with_track_record_first_of_day as T),
  );
  both('forecast with track record, first after a write to deals', (x) =>
    ms(x.forecast_with_track_record_after_write as T),
  );
  both('dashboard API, first request after a write (computes and keeps)', (x) =>
    ms(x.dashboard_api_after_write as T),
  );
  both('dashboard API, repeated (stored answer)', (x) => ms(x.dashboard_api_stored as T));
  both('leaderboard (won revenue, quarter)', (x) => ms(x.leaderboard as T));
  const home = Object.keys((pg.manager_home ?? lite.manager_home ?? {}) as Json);
  for (const name of home) both(`manager home: ${name}`, (x) => ms(get(x, 'manager_home', name) as T));
  both('manager home: every request at once', (x) => ms(x.manager_home_parallel as T));
  for (const [key, label] of [
    ['manager_home_1', 'HTTP load, manager home, 50 connections, 1 server'],
    ['manager_home_2', 'HTTP load, manager home, 50 connections, 2 servers'],
    ['dashboard_api_1', 'HTTP load, dashboard API (stored answer), 50 connections, 1 server'],
    ['dashboard_api_2', 'HTTP load, dashboard API (stored answer), 50 connections, 2 servers'],
    [
      'dashboard_api_gzip_1',
      'HTTP load, dashboard API (stored answer, gzip accepted), 50 connections, 1 server',
    ],
    [
      'dashboard_api_gzip_2',
      'HTTP load, dashboard API (stored answer, gzip accepted), 50 connections, 2 servers',
    ],
    [
      'dashboard_api_writes_1',
      'HTTP load, dashboard API (gzip accepted, a write every 5 s), 50 connections, 1 server',
    ],
    [
      'dashboard_api_writes_2',
      'HTTP load, dashboard API (gzip accepted, a write every 5 s), 50 connections, 2 servers',
    ],
    ['dashboard_api_mix_1', 'HTTP load, dashboard API, 50 viewers x 8 quarters from nothing kept, 1 server'],
    ['dashboard_api_mix_2', 'HTTP load, dashboard API, 50 viewers x 8 quarters from nothing kept, 2 servers'],
  ] as const)
    both(`${label} (p50 / p95 / p99, req/s)`, (x) => {
      const l = get(x, 'http_load', key) as Json | undefined;
      if (!l) return '-';
      // A percentile reached by requests still waiting at the end is only a lower bound.
      const censored = (l.unfinished as number) > 0 ? (l.seconds as number) * 1000 : Infinity;
      const p = (v: unknown) => (typeof v === 'number' ? `${v >= censored ? '>= ' : ''}${fmt(v)}` : '-');
      const errs = (l.errors as number) + (l.non_2xx as number);
      return `${p(l.p50_ms)} / ${p(l.p95_ms)} / ${p(l.p99_ms)} ms, ${l.requests_per_s} req/s${errs ? `, ${errs} errors` : ''}`;
    });
  both('import, 1,000,000 activity rows (CLI): rows/s best / median', (x) => {
    const i = x.import as Json | undefined;
    if (!i) return '-';
    const r = i.rows_per_s as { max: number; median: number } | null;
    const probe = i.probe_only ? ` (${fmt(i.rows as number)}-row probe only, see note)` : '';
    return r
      ? `${fmt(r.max)} / ${fmt(r.median)}${probe}`
      : `not finished in ${get(i, 'runs', '0', 'seconds')} s`;
  });
  both('import peak RSS (CLI process)', (x) => {
    const v = get(x, 'import', 'peak_rss_mb');
    return typeof v === 'number' ? `${fmt(v)} MB` : '-';
  });
  both('measuring process peak RSS', (x) =>
    typeof x.peak_rss_mb === 'number' ? `${fmt(x.peak_rss_mb)} MB` : '-',
  );

  const lines = [
    `Run of ${result.generated_at.slice(0, 10)} at commit ${result.commit}, ${Math.round(result.total_seconds / 60)} min end to end, ` +
      `load average ${result.machine.load_average_start?.toFixed(1)} at the start and ${result.machine.load_average_end?.toFixed(1)} at the end ` +
      '(2 cores shared with other work). Times are min / median.',
    '',
    '| measure | PGlite | PostgreSQL |',
    '| --- | ---: | ---: |',
    ...rows.map((r) => `| ${r.join(' | ')} |`),
    '',
    '| target | engine | figure | met |',
    '| --- | --- | --- | --- |',
    ...result.targets.map(
      (t) =>
        `| ${t.target} | ${t.engine} | ${t.figure} | ${t.met === null ? '-' : t.met ? 'met' : 'missed'} |`,
    ),
  ];
  return lines.join('\n');
}

/** Puts `table` between the markers, adding them at the end of the document the first time. */
export function replaceSection(doc: string, table: string): string {
  const block = `${BEGIN}\n\n${table}\n\n${END}`;
  const i = doc.indexOf(BEGIN);
  const j = doc.indexOf(END);
  if (i >= 0 && j > i) return doc.slice(0, i) + block + doc.slice(j + END.length);
  return `${doc.trimEnd()}\n\n${block}\n`;
}
