import { sql } from 'kysely';
import { expect, it } from 'vitest';
import * as COLUMNS from '../src/demo/columns.ts';
import { loadDemo, type DemoWriteMode } from '../src/demo/load.ts';
import type { DemoOptions } from '../src/demo/options.ts';
import { disposePregenerated, pregenerateDemo } from '../src/demo/pregenerate.ts';
import { getSettings, updateSettings } from '../src/store/tables/settings.ts';
import { openCopy } from '../src/store/bulk/copy-rows.ts';
import type { Db } from '../src/store/db.ts';
import { describeStores } from './support/stores.ts';

const OPTIONS: DemoOptions = { seed: 11, until: '2026-11-20', reps: 3, months: 3 };

// Columns the demo writes itself, per table; a column it leaves to a now() default differs between two loads.
const WRITTEN: Record<string, readonly string[]> = {
  teams: Object.keys(COLUMNS.TEAM_COLUMNS),
  users: Object.keys(COLUMNS.USER_COLUMNS),
  accounts: Object.keys(COLUMNS.ACCOUNT_COLUMNS),
  contacts: Object.keys(COLUMNS.CONTACT_COLUMNS),
  leads: Object.keys(COLUMNS.LEAD_COLUMNS),
  lead_events: Object.keys(COLUMNS.LEAD_EVENT_COLUMNS),
  opportunities: Object.keys(COLUMNS.OPPORTUNITY_COLUMNS),
  opportunity_history: Object.keys(COLUMNS.HISTORY_COLUMNS),
  activities: Object.keys(COLUMNS.ACTIVITY_COLUMNS),
  customers: Object.keys(COLUMNS.CUSTOMER_COLUMNS),
  subscriptions: Object.keys(COLUMNS.SUBSCRIPTION_COLUMNS),
  goals: Object.keys(COLUMNS.GOAL_COLUMNS),
  acquisition_costs: Object.keys(COLUMNS.COST_COLUMNS),
};

/** Per table: row count and an md5 of every row's text form (all stable columns), rows in order. */
async function tableDigests(db: Db): Promise<Record<string, { rows: number; md5: string }>> {
  const cols = await sql<{ table_name: string; column_name: string; volatile: boolean }>`
    select table_name, column_name, coalesce(column_default like '%now()%', false) as volatile
    from information_schema.columns
    where table_schema = current_schema() and table_name not like 'kysely%'
    order by table_name, ordinal_position`.execute(db);
  const byTable = new Map<string, string[]>();
  for (const c of cols.rows) {
    if (c.volatile && !WRITTEN[c.table_name]?.includes(c.column_name)) continue;
    // Each load hashes the demo password with a fresh salt.
    if (c.table_name === 'users' && c.column_name === 'password_hash') continue;
    // A count of the write statements the forecast follows (migration 0016): INSERT batches make more of them.
    if (c.table_name === 'forecast_data_version' && c.column_name === 'version') continue;
    // The same for the statements the metrics engine follows (migration 0023).
    if (c.table_name === 'metrics_data_version' && c.column_name === 'version') continue;
    byTable.set(c.table_name, [...(byTable.get(c.table_name) ?? []), c.column_name]);
  }
  const out: Record<string, { rows: number; md5: string }> = {};
  for (const [table, columns] of byTable) {
    const r = await sql<{ rows: number; md5: string }>`
      select count(*)::int8 as rows, md5(coalesce(string_agg(r, E'\n' order by r), '')) as md5
      from (select (${sql.join(columns.map((c) => sql.ref(c)))})::text as r from ${sql.table(table)}) x`.execute(
      db,
    );
    out[table] = r.rows[0] as { rows: number; md5: string };
  }
  return out;
}

/** Every index and constraint definition of the schema: what the load set aside must come back the same. */
async function schemaObjects(db: Db): Promise<string[]> {
  const r = await sql<{ def: string }>`
    select indexdef as def from pg_indexes where schemaname = current_schema()
    union all
    select conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid) || ' ' || convalidated::text
    from pg_constraint where connamespace = current_schema()::regnamespace
    order by 1`.execute(db);
  return r.rows.map((x) => x.def);
}

async function load(db: Db, mode: DemoWriteMode, generateIn: 'process' | 'child' = 'process') {
  await loadDemo(db, OPTIONS, { reset: true, mode, generateIn });
  return tableDigests(db);
}

describeStores('demo written with COPY', (ctx) => {
  it('is reachable on this store: the demo really takes the COPY path', async () => {
    const writer = await ctx.db.transaction().execute((tx) => openCopy(tx));
    expect(writer).not.toBeNull();
  });

  it('stores byte-for-byte what the INSERT path stores, table by table, and keeps every index and constraint', async () => {
    const objectsBefore = await schemaObjects(ctx.db);
    const inserted = await load(ctx.db, 'insert');
    const copied = await load(ctx.db, 'copy');
    expect(copied).toEqual(inserted);
    for (const table of Object.keys(WRITTEN)) expect(copied[table]?.rows, table).toBeGreaterThan(0);
    expect(await schemaObjects(ctx.db)).toEqual(objectsBefore);
  }, 180_000);

  it('stores the same bytes when a child process generates the demo and hands over COPY files', async () => {
    const inProcess = await load(ctx.db, 'copy', 'process');
    const fromChild = await load(ctx.db, 'copy', 'child');
    expect(fromChild).toEqual(inProcess);
    for (const table of Object.keys(WRITTEN)) expect(fromChild[table]?.rows, table).toBeGreaterThan(0);
  }, 180_000);

  it('stores the same bytes when the demo was generated before the store was opened (a new or reset store)', async () => {
    const inProcess = await load(ctx.db, 'copy', 'process');
    const pregenerated = await pregenerateDemo(OPTIONS);
    try {
      const r = await loadDemo(ctx.db, OPTIONS, { reset: true, pregenerated });
      expect(r.pregenerated).toBe('used');
      expect(r.generator?.peakRssBytes).toBe(pregenerated.child.peakRssBytes);
    } finally {
      await disposePregenerated(pregenerated);
    }
    expect(await tableDigests(ctx.db)).toEqual(inProcess);
  }, 180_000);

  it("predicts every locale's store input: the pregenerated files are used for pl, he and ro too", async () => {
    for (const locale of ['pl', 'he', 'ro'] as const) {
      const options = { ...OPTIONS, reps: 2, months: 2, locale };
      const pregenerated = await pregenerateDemo(options);
      try {
        const r = await loadDemo(ctx.db, options, { reset: true, pregenerated });
        expect(r.pregenerated, locale).toBe('used');
      } finally {
        await disposePregenerated(pregenerated);
      }
    }
  }, 240_000);

  it("generates again, with this store's settings, when they are not a new store's", async () => {
    const slaMinutes = (await getSettings(ctx.db)).leadSlaMinutes;
    await updateSettings(ctx.db, { leadSlaMinutes: slaMinutes + 30 });
    try {
      const inProcess = await load(ctx.db, 'copy', 'process');
      const pregenerated = await pregenerateDemo(OPTIONS);
      try {
        const r = await loadDemo(ctx.db, OPTIONS, { reset: true, pregenerated });
        expect(r.pregenerated).toBe('generated again');
      } finally {
        await disposePregenerated(pregenerated);
      }
      const digests = await tableDigests(ctx.db);
      expect(digests).toEqual(inProcess);
      // The setting reached the data: the leads' SLA deadlines are not a new store's.
      await updateSettings(ctx.db, { leadSlaMinutes: slaMinutes });
      expect((await load(ctx.db, 'copy', 'process')).leads).not.toEqual(digests.leads);
    } finally {
      await updateSettings(ctx.db, { leadSlaMinutes: slaMinutes });
    }
  }, 240_000);
});
