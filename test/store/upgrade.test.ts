import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openDb, type Db, type StoreTarget } from '../../src/store/db.ts';
import { migrations } from '../../src/store/migrations/index.ts';
import { runCli } from '../support/cli.ts';
import { storeNames, type StoreName } from '../support/stores.ts';

// The store the release with migration 0009 wrote (schema, bookkeeping and demo data), frozen as SQL by
// test/fixtures/upgrade/make-fixture.ts. Later migrations must carry it to the current schema with its data.
const FIXTURE = readFileSync(new URL('../fixtures/upgrade/schema-0009.sql', import.meta.url), 'utf8');
const FIXTURE_MIGRATION = '0009-leaderboard-metrics';

/**
 * Columns added after 0009 that may stay NULL on rows written before them, each with why. A new migration that
 * adds a column must either fill it for existing rows or say here why NULL is right for them.
 */
const NULL_AFTER_UPGRADE: Record<string, string> = {
  'users.sales_role': 'null means no sales role: the rep is measured with the default scorecard (0026)',
  'settings.planned_growth_pct': 'null means no planned growth: the run-rate keeps the trailing trend (0012)',
  'accounts.company_size':
    'a fit attribute, unknown for rows written before 0020 (null means not known; imports set it)',
  'accounts.country':
    'a fit attribute, unknown for rows written before 0020 (null means not known; imports set it)',
  'accounts.region':
    'a fit attribute, unknown for rows written before 0020 (null means not known; imports set it)',
  'leads.account_id':
    'a fit attribute, unknown for rows written before 0020 (null means not known; imports set it)',
  'leads.industry':
    'a fit attribute, unknown for rows written before 0020 (null means not known; imports set it)',
  'leads.company_size':
    'a fit attribute, unknown for rows written before 0020 (null means not known; imports set it)',
  'leads.country':
    'a fit attribute, unknown for rows written before 0020 (null means not known; imports set it)',
  'leads.region':
    'a fit attribute, unknown for rows written before 0020 (null means not known; imports set it)',
  'leads.persona':
    'a fit attribute, unknown for rows written before 0020 (null means not known; imports set it)',
  'leads.data_quality':
    'a fit attribute, unknown for rows written before 0020 (null means not known; imports set it)',
  'users.left_on': 'null means still employed; a leave date is recorded when someone leaves (0028)',
  'users.leave_reason': 'optional, only for leavers (0028)',
  'opportunities.product': 'null means the product was not recorded; imports set it (0029)',
  'opportunities.paid_on': 'null means no paid invoice recorded; billing imports set it (0029)',
  'activities.time_category':
    'null means not categorised: selling-time metrics use the effective category (calls and held meetings are selling) (0032)',
  'activities.booked_at':
    'null means nobody said when the meeting was set; meetings_booked leaves it out (0032)',
  'activities.note': 'optional free text from the quick log (0032)',
  'activities.logged_via':
    'null means written before 0032, path unknown; the integrity view reads only typed-in rows (0032)',
  'users.language': "null means the browser's language decides (0034)",
};

/**
 * Tables created after 0009 that may stay empty on an upgraded store, each with why (a new feature's own table).
 * Derived tables (rollups, spans) must be filled from the old rows by their migration.
 */
const EMPTY_AFTER_UPGRADE: Record<string, string> = {
  job_runs: 'monitoring records, written by the next job run of a server (0013)',
  metrics_result_aliases: 'pointers to stored metrics answers, written by the next GET /api/metrics (0040)',
  forecast_backtest_checkpoints:
    'the stored track record, written by the next forecast that asks for it (0016)',
  forecast_live_results: 'the stored live forecast, written by the next GET /api/forecast (0018)',
  forecast_live_refreshes: 'claims of background forecast computations, held only while one runs (0024)',
  lead_events: 'engagement events, received from the next POST /api/events or events import (0021)',
  scoring_rule_sets: 'the default rule set is stored as version 1 the first time scoring needs one (0021)',
  lead_scores: 'written when a lead receives events or a re-score runs; no row means never scored (0021)',
  lead_status_changes: 'status changes made by scoring from now on (0021)',
  scoring_rescores: 'queued by the next rule change or pacesetter scoring rescore (0021)',
  routing_rules: 'territory rules an admin writes; none until then (0022)',
  routing_reps: 'per-rep routing profiles; a rep without one has weight 1 and the workspace hours (0022)',
  out_of_office: 'out-of-office dates reps enter (0022)',
  routing_round_robin: 'the round robin state, written by the first routing run that assigns a lead (0022)',
  lead_assignments:
    'assignments made by routing from now on; old leads keep the owner they were imported with (0022)',
  coaching_plans: 'development plans and PIPs managers write from now on (0027)',
  coaching_plan_skills: 'skills of plans written from now on (0027)',
  coaching_plan_actions: 'actions of plans written from now on (0027)',
  coaching_plan_targets: 'targets of plans written from now on (0027)',
  coaching_plan_check_ins: 'check-in notes written from now on (0027)',
  hiring_openings: 'hiring openings managers and admins create (0028)',
  hiring_criteria: 'the weighted criteria of those openings (0028)',
  hiring_candidates: 'candidates added to openings (0028)',
  hiring_scores: 'interview scores entered from now on (0028)',
  opportunity_splits: 'split credit entered from now on; no rows means the owner has 100% (0029)',
  commission_plans: 'compensation plans admins create (0030)',
  commission_plan_versions: 'the versions of those plans (0030)',
  commission_assignments: 'who is on which plan, entered from now on (0030)',
  commission_statements: 'statements computed by the first commissions run (0030)',
  commission_statement_lines: 'the lines of those statements (0030)',
  commission_disputes: 'disputes reps raise on locked statements (0030)',
  capture_sources: 'inbound webhook sources admins define (0031)',
  capture_settings: 'the email capture address and domains, saved when an admin sets them (0031)',
  capture_email_messages: 'messages the SMTP receiver logs from now on (0031)',
  exchange_rates:
    'rates an admin enters or imports; until then other currencies are left out as before (0033)',
};

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function freshStore(name: StoreName): Promise<{ env: Record<string, string>; target: StoreTarget }> {
  const dir = mkdtempSync(join(tmpdir(), 'pacesetter-upgrade-'));
  dirs.push(dir);
  if (name === 'pglite') return { env: { PACESETTER_DATA: dir }, target: { kind: 'pglite', dataDir: dir } };
  const base = process.env.TEST_DATABASE_URL as string;
  const schema = `t_${randomBytes(6).toString('hex')}`; // dropped by test/support/global-setup.ts
  const admin = await openDb({ kind: 'postgres', url: base });
  await sql`create schema ${sql.id(schema)}`.execute(admin);
  await admin.destroy();
  const url = new URL(base);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return { env: { DATABASE_URL: url.toString() }, target: { kind: 'postgres', url: url.toString() } };
}

/** Each table's columns, in order. */
async function columnsByTable(db: Db): Promise<Map<string, string[]>> {
  const r = await sql<{ table: string; column: string }>`
    select table_name as table, column_name as column from information_schema.columns
    where table_schema = current_schema() order by table_name, ordinal_position`.execute(db);
  const out = new Map<string, string[]>();
  for (const { table, column } of r.rows) out.set(table, [...(out.get(table) ?? []), column]);
  return out;
}

/** Row count and checksum of each table over the given columns only, so columns added later do not count. */
async function fingerprint(db: Db, columns: Map<string, string[]>) {
  const out: Record<string, { rows: number; md5: string }> = {};
  for (const [table, cols] of columns) {
    if (table === 'kysely_migration') continue; // gains the new migrations' rows; compared on its own
    const row = sql.join(cols.map((c) => sql.id(c)));
    const r = await sql<{ rows: number; md5: string }>`
      select count(*)::int as rows, md5(coalesce(string_agg(v, e'\n' order by v), '')) as md5
      from (select row(${row})::text as v from ${sql.id(table)}) t`.execute(db);
    out[table] = { rows: Number(r.rows[0]?.rows), md5: String(r.rows[0]?.md5) };
  }
  return out;
}

for (const name of storeNames()) {
  describe(`upgrading a store from the 0009 release [${name}]`, () => {
    it('migrates to the current schema at the next start, keeps every row and fills what it adds', async () => {
      const store = await freshStore(name);
      let before: Awaited<ReturnType<typeof fingerprint>>;
      let oldColumns: Map<string, string[]>;
      const db0 = await openDb(store.target); // openDb does not migrate
      try {
        for (const statement of FIXTURE.split(/;\s*\n/).map((s) => s.trim())) {
          if (statement && !/^--[^\n]*$/.test(statement)) await sql.raw(statement).execute(db0);
        }
        const applied = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(
          db0,
        );
        expect(applied.rows.at(-1)?.name).toBe(FIXTURE_MIGRATION);
        oldColumns = await columnsByTable(db0);
        before = await fingerprint(db0, oldColumns);
      } finally {
        await db0.destroy();
      }
      expect(before.activities?.rows).toBeGreaterThan(0);
      expect(before.opportunities?.rows).toBeGreaterThan(0);

      // The upgrade is what any command does at start: open the store, migrate, then work on it.
      const report = runCli(
        ['report', '--period', '2026-Q2', '--by', 'company', '--metrics', 'calls,won_revenue', '--json'],
        store.env,
      );
      expect(report.err).toBe('');
      expect(report.status).toBe(0);
      const body = JSON.parse(report.out) as { rows: Array<{ values: Record<string, { value: number }> }> };
      expect(body.rows[0]?.values.calls?.value).toBeGreaterThan(0);

      const db = await openDb(store.target);
      try {
        const applied = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(
          db,
        );
        expect(applied.rows.map((r) => r.name)).toEqual(Object.keys(migrations).sort());
        // Every row the old release wrote is still there, unchanged in every column it had.
        expect(await fingerprint(db, oldColumns)).toEqual(before);
        // A workspace with data keeps the ISO Monday weeks it had (0035); only a new one follows its locale.
        const week = await sql<{ d: number | null }>`select week_start_day as d from settings`.execute(db);
        expect(week.rows).toEqual([{ d: 1 }]);
        // Columns added since 0009 are filled on the old rows (or listed in NULL_AFTER_UPGRADE with a reason),
        const unfilled: string[] = [];
        for (const [table, cols] of await columnsByTable(db)) {
          const old = oldColumns.get(table);
          if (!old || (before[table]?.rows ?? 0) === 0) continue;
          for (const col of cols.filter((c) => !old.includes(c))) {
            const r = await sql<{ filled: boolean }>`
              select exists (select 1 from ${sql.id(table)} where ${sql.id(col)} is not null) as filled`.execute(
              db,
            );
            if (!r.rows[0]?.filled && !(`${table}.${col}` in NULL_AFTER_UPGRADE))
              unfilled.push(`${table}.${col}`);
          }
        }
        // Tables created since 0009 hold rows derived from the old data (or are listed in EMPTY_AFTER_UPGRADE).
        for (const table of (await columnsByTable(db)).keys()) {
          if (oldColumns.has(table) || table in EMPTY_AFTER_UPGRADE) continue;
          const r = await sql<{
            filled: boolean;
          }>`select exists (select 1 from ${sql.id(table)}) as filled`.execute(db);
          if (!r.rows[0]?.filled) unfilled.push(table);
        }
        expect(unfilled).toEqual([]);
      } finally {
        await db.destroy();
      }
    }, 300_000);
  });
}
