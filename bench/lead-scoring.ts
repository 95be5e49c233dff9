/**
 * Benchmark (issue 15): re-scoring every open lead after a rule change, as the scoring-rescore job does it
 * (batches of RESCORE_BATCH leads by id, each batch one set-based upsert of lead_scores plus one promotion
 * statement), over a synthetic store of `leads` open leads with `events` engagement events, with a rule set that
 * uses every kind of rule (URL pattern, cap, window, decay, fit equals / in list / size / email domain / data
 * quality). Prints wall time, this process's CPU time and the load average before and after.
 * Usage: node bench/lead-scoring.ts [leads=100000] [events=2000000] [postgres-url|'']   (PGlite in memory without a URL)
 * Seeds in a private schema (PostgreSQL) and drops it afterwards.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { sql } from 'kysely';
import { DEFAULT_RULE_SET } from '../src/domain/scoring/default-rules.ts';
import type { RuleSetDraft } from '../src/domain/scoring/rules.ts';
import { openDb, type Db } from '../src/store/db.ts';
import { migrateToLatest } from '../src/store/migrate.ts';
import { rescoreStep } from '../src/store/queries/scoring/rescore-step.ts';
import { enqueueRescore } from '../src/store/tables/scoring-rescores.ts';
import { saveRuleSet } from '../src/store/tables/scoring-rule-sets.ts';

const leads = Number(process.argv[2] ?? 100_000);
const events = Number(process.argv[3] ?? 2_000_000);
const url = process.argv[4] || undefined;

const RULES: RuleSetDraft = {
  ...DEFAULT_RULE_SET,
  rules: [
    ...DEFAULT_RULE_SET.rules.map((r) =>
      r.type === 'engagement' && r.id === 'email_open' ? { ...r, halfLifeDays: 30, cap: 10 } : r,
    ),
    {
      id: 'recent_clicks',
      label: 'Clicks, last 90 days',
      type: 'engagement',
      eventType: 'email_click',
      urlPattern: null,
      points: 2,
      cap: 12,
      windowDays: 90,
      halfLifeDays: 14,
    },
    {
      id: 'demo',
      label: 'Asked for a demo',
      type: 'engagement',
      eventType: 'demo_request',
      urlPattern: null,
      points: 15,
      cap: 15,
      windowDays: null,
      halfLifeDays: null,
    },
    {
      id: 'software',
      label: 'Software',
      type: 'fit',
      condition: { kind: 'equals', attribute: 'industry', value: 'software' },
      points: 3,
    },
    {
      id: 'dach',
      label: 'DACH',
      type: 'fit',
      condition: { kind: 'in_list', attribute: 'country', values: ['DE', 'AT', 'CH'] },
      points: 2,
    },
    {
      id: 'mid_market',
      label: '50-999 employees',
      type: 'fit',
      condition: { kind: 'company_size', min: 50, max: 999 },
      points: 4,
    },
    {
      id: 'free_mail',
      label: 'Free e-mail',
      type: 'fit',
      condition: { kind: 'email_domain', domains: ['gmail.com', 'yahoo.com'] },
      points: -3,
    },
  ],
};

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');

/** PostgreSQL: CPU milliseconds used so far by this database's server backends (local server, Linux /proc). */
let serverCpu: (() => Promise<number>) | null = null;

async function backendCpuMs(db: Db): Promise<number> {
  const r = await sql<{
    pid: number;
  }>`select pid from pg_stat_activity where datname = current_database()`.execute(db);
  let ticks = 0;
  for (const { pid } of r.rows) {
    try {
      const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      ticks += Number(f[11]) + Number(f[12]);
    } catch {
      // A backend that ended meanwhile.
    }
  }
  return ticks * 10;
}

async function timed<T>(label: string, fn: () => Promise<T>): Promise<T> {
  const t = performance.now();
  const c = process.cpuUsage();
  const before = load();
  const server0 = serverCpu ? await serverCpu() : 0;
  const r = await fn();
  const u = process.cpuUsage(c);
  const server = serverCpu ? `, server backends' CPU ${s((await serverCpu()) - server0)}` : '';
  console.log(
    `${label.padEnd(40)} wall ${s(performance.now() - t)}, this process's CPU ${s((u.user + u.system) / 1000)}${server}; load ${before} -> ${load()}`,
  );
  return r;
}

async function seed(db: Db): Promise<void> {
  await sql`insert into accounts (name, industry, company_size, country, region)
    select 'A' || i, (array['Software','Retail','Health'])[1 + i % 3], (i * 37) % 5000, (array['DE','US','FR','CH'])[1 + i % 4], 'R' || (i % 5)
    from generate_series(1, ${Math.ceil(leads / 10)}::int) i`.execute(db);
  await sql`insert into leads (name, email, status, created_at, account_id, persona, industry, company_size, country, data_quality)
    select 'L' || i,
      'l' || i || '@' || (case when i % 3 = 0 then 'gmail.com' else 'acme' || (i % 100) || '.example' end),
      (array['new','working','mql','sql'])[1 + i % 4],
      timestamptz '2026-01-01' + (i % 300) * interval '1 day',
      case when i % 2 = 0 then 1 + i % ${Math.ceil(leads / 10)}::int end,
      (array['buyer','user','influencer'])[1 + i % 3],
      case when i % 5 = 0 then 'software' end,
      case when i % 7 = 0 then (i * 13) % 2000 end,
      case when i % 4 = 0 then 'AT' end,
      (array['ok','inaccurate',null])[1 + i % 3]
    from generate_series(1, ${leads}::int) i`.execute(db);
  await sql`insert into lead_events (external_id, lead_id, type, url, occurred_at)
    select 'b' || j, 1 + (j * 7919) % ${leads}::int,
      (array['page_view','page_view','email_open','email_open','email_open','email_click','form_submit','demo_request'])[1 + (j % 41) % 8],
      case when j % 3 = 0 then 'https://acme.example/pricing?p=' || (j % 7) else 'https://acme.example/blog/' || (j % 50) end,
      timestamptz '2026-11-01' - ((j * 31) % (300 * 24)) * interval '1 hour'
    from generate_series(1::bigint, ${events}::bigint) j`.execute(db);
  await sql`analyze`.execute(db);
}

async function bench(name: string, db: Db): Promise<void> {
  await migrateToLatest(db);
  await timed(`${name}: seed ${leads} leads, ${events} events`, () => seed(db));
  const rs = await db.transaction().execute(async (tx) => {
    const saved = await saveRuleSet(tx, RULES, null);
    await enqueueRescore(tx, saved.version, null);
    return saved;
  });
  const now = new Date('2026-11-30T12:00:00Z');
  await timed(`${name}: re-score (job batches, v${rs.version})`, async () => {
    for (;;) {
      const r = await db.transaction().execute((tx) => rescoreStep(tx, () => now, 60_000));
      if (r === null || r.status === 'done') {
        console.log(`  ${r?.leadsDone} leads scored, ${r?.promoted} promoted`);
        break;
      }
    }
  });
  // Again, with nothing to promote: the cost of the scoring alone.
  await db.transaction().execute((tx) => enqueueRescore(tx, rs.version, null));
  await timed(`${name}: re-score again (no promotions)`, async () => {
    for (;;) {
      const r = await db.transaction().execute((tx) => rescoreStep(tx, () => now, 60_000));
      if (r === null || r.status === 'done') break;
    }
  });
  const dist = await sql<{ n: number; avg: number; max: number }>`
    select count(*)::int as n, round(avg(score), 2)::float8 as avg, max(score) as max from lead_scores`.execute(
    db,
  );
  console.log(`  lead_scores: ${JSON.stringify(dist.rows[0])}`);
}

if (url) {
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  const admin = await openDb({ kind: 'postgres', url });
  await sql`create schema ${sql.id(schema)}`.execute(admin);
  const u = new URL(url);
  u.searchParams.set('options', `-c search_path=${schema}`);
  const db = await openDb({ kind: 'postgres', url: u.toString() });
  serverCpu = () => backendCpuMs(db);
  try {
    await bench('postgres', db);
  } finally {
    await db.destroy();
    await sql`drop schema ${sql.id(schema)} cascade`.execute(admin);
    await admin.destroy();
  }
} else {
  const db = await openDb({ kind: 'pglite', dataDir: null });
  await bench('pglite', db);
  await db.destroy();
}
