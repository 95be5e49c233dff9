import { sql, type SqlBool, type Transaction } from 'kysely';
import { upsertLeadScores } from '../store/queries/scoring/score-leads.ts';
import { getActiveRuleSet } from '../store/tables/scoring-rule-sets.ts';
import { SYSTEM_VIEWER } from '../domain/access/viewer.ts';
import { hashPassword } from '../auth/password.ts';
import { AppError } from '../errors.ts';
import type { Db } from '../store/db.ts';
import { rebuildActivityRollups } from '../store/aggregates/rebuild-activity-rollups.ts';
import { fillActivityRollups } from '../store/aggregates/fill-activity-rollups.ts';
import { rebuildOpportunityRollups } from '../store/aggregates/rebuild-opportunity-rollups.ts';
import { refreshDerived } from '../store/derived/refresh.ts';
import type { Database } from '../store/schema.ts';
import { openCopy, type CopyRow } from '../store/bulk/copy-rows.ts';
import { freshenEmptyTables } from '../store/bulk/fresh-tables.ts';
import { rawClientOf } from '../store/bulk/raw-clients.ts';
import { loadWithIndexesDeferred } from '../store/bulk/rebuild-after-load.ts';
import { recordAudit } from '../store/tables/audit-log.ts';
import { getBusinessCalendar } from '../store/tables/calendar.ts';
import { DEFAULT_STAGES } from '../store/tables/pipelines.ts';
import { updateSettings } from '../store/tables/settings.ts';
import { insertRows, type ColumnTypes } from './bulk-insert.ts';
import {
  ACCOUNT_COLUMNS,
  ACTIVITY_COLUMNS,
  CONTACT_COLUMNS,
  COST_COLUMNS,
  CUSTOMER_COLUMNS,
  GOAL_COLUMNS,
  HISTORY_COLUMNS,
  LEAD_COLUMNS,
  LEAD_EVENT_COLUMNS,
  OPPORTUNITY_COLUMNS,
  SUBSCRIPTION_COLUMNS,
  TEAM_COLUMNS,
  USER_COLUMNS,
} from './columns.ts';
import { datasetCounts, emptyDataset, type DemoDataset } from './dataset.ts';
import { generateDemo } from './generate.ts';
import { DEMO_LOGINS, DEMO_WORKSPACE, demoStartDate, type DemoOptions } from './options.ts';
import type { Trend } from './org.ts';
import type { StageIds } from './sim/context.ts';
import { releaseGarbage } from './release-garbage.ts';
import { StageTimer, type DemoStage } from './stage-timer.ts';
import { seedDemoRouting } from './routing.ts';
import { seedDemoPlans } from './plans.ts';
import { seedDemoHiring } from './hiring.ts';
import { seedDemoCommissions } from './commissions.ts';
import { DEMO_LOCALE_SPECS, localMinor } from './locales.ts';

/** Rows per INSERT statement (when COPY is not used): big enough to amortise round trips, small enough to keep each statement's arrays modest. */
const BATCH = 1_000;

/** Advisory lock key serialising demo loads across processes (any fixed bigint; spells "demo"). */
const DEMO_LOCK_KEY = 0x64656d6f;

/** Reports write progress: rows written so far out of the total. */
export type DemoProgress = (written: number, total: number) => void;

/** What a demo load did and how long it took. */
export interface DemoLoadResult {
  options: DemoOptions;
  start: string;
  counts: Record<keyof DemoDataset, number>;
  /** Each rep's user id and trend, so callers (and tests) can find the improving and declining reps. */
  reps: { userId: number; trend: Trend }[];
  generateMs: number;
  writeMs: number;
  derivedMs: number;
  /** This process's CPU time in the write and derived phases (PGlite's work included; on PostgreSQL the client's). */
  writeCpuMs: number;
  derivedCpuMs: number;
  totalMs: number;
  /** Each stage of the write and derived phases in order, with its wall and CPU time (`demo --verbose`). */
  stages: DemoStage[];
}

/** Tables that hold data (everything but settings and the migration bookkeeping), for --reset. */
async function dataTables(tx: Transaction<Database>): Promise<string[]> {
  const r = await sql<{ tablename: string }>`
    select tablename from pg_tables
    where schemaname = current_schema()
      and tablename not in ('settings', 'kysely_migration', 'kysely_migration_lock')
    order by tablename`.execute(tx);
  return r.rows.map((t) => t.tablename);
}

/** True when any business data (people, CRM records) exists; settings and the default pipeline do not count. */
export async function storeHasData(db: Db | Transaction<Database>): Promise<boolean> {
  const r = await sql<{ has: boolean }>`
    select exists (select 1 from users) or exists (select 1 from accounts) or exists (select 1 from contacts)
      or exists (select 1 from leads) or exists (select 1 from opportunities) or exists (select 1 from activities)
      as has`.execute(db);
  return Boolean(r.rows[0]?.has);
}

/** The default pipeline's stage ids, creating the brief's default pipeline when the store has none. */
async function demoStages(tx: Transaction<Database>): Promise<StageIds> {
  // ensureDefaultPipeline opens its own transaction, which cannot nest in this one; this is its in-transaction twin.
  let pipeline = await tx
    .selectFrom('pipelines')
    .select('id')
    .orderBy('is_default', 'desc')
    .orderBy('id')
    .executeTakeFirst();
  if (!pipeline) {
    pipeline = await tx
      .insertInto('pipelines')
      .values({ name: 'Sales', is_default: true })
      .returning('id')
      .executeTakeFirstOrThrow();
    const pipelineId = pipeline.id;
    await tx
      .insertInto('stages')
      .values(
        DEFAULT_STAGES.map((s, i) => ({
          pipeline_id: pipelineId,
          name: s.name,
          position: i + 1,
          probability_pct: s.probability,
          is_won: s.isWon,
          is_lost: s.isLost,
        })),
      )
      .execute();
  }
  const rows = await tx
    .selectFrom('stages')
    .select(['id', 'name'])
    .where('pipeline_id', '=', pipeline.id)
    .execute();
  const byName = new Map(rows.map((r) => [r.name, r.id]));
  const missing = DEFAULT_STAGES.filter((s) => !byName.has(s.name)).map((s) => s.name);
  if (missing.length > 0) {
    throw new AppError(
      'conflict',
      'The default pipeline does not have the standard stages; run with --reset',
      [{ field: 'stages', reason: `missing ${missing.join(', ')}` }],
    );
  }
  const id = (name: string) => byName.get(name) as number;
  return {
    pipelineId: pipeline.id,
    open: [id('Discovery'), id('Qualified'), id('Demo'), id('Trial'), id('Final negotiation')],
    won: id('Won'),
    lost: id('Lost'),
  };
}

/** The tables the demo fills, in write order. */
const DEMO_TABLES = [
  'teams',
  'users',
  'accounts',
  'contacts',
  'leads',
  'lead_events',
  'opportunities',
  'opportunity_history',
  'activities',
  'customers',
  'subscriptions',
  'goals',
  'acquisition_costs',
] as const satisfies readonly (keyof Database)[];
type DemoTable = (typeof DEMO_TABLES)[number];

/**
 * How the rollup tables kept by statement-level triggers on activities, opportunities and opportunity_history
 * follow the demo load. null: the triggers fire, once per COPY statement (one for PostgreSQL, one per 1 MB
 * chunk on PGlite), each aggregating its statement's rows. A function: the triggers are off while each table is
 * loaded, and the function rebuilds the rollups once, from the loaded tables, before the derived refresh (whose
 * updates the re-enabled triggers follow). The setting used: the activity rollups filled by one
 * INSERT ... SELECT ... GROUP BY per table into the emptied rollup tables, keys and indexes built after
 * (fillActivityRollups), instead of upserting rollup rows COPY chunk after COPY chunk or month after month.
 */
const REBUILD_ROLLUPS_AFTER_LOAD:
  ((tx: Transaction<Database>, timer: StageTimer) => Promise<void>) | null = async (tx, timer) => {
  await timer.time('activity rollups', () => fillActivityRollups(tx));
  await timer.time('opportunity rollups', () => rebuildOpportunityRollups(tx));
  // The stage intervals of every deal, once, instead of once per COPY of opportunities and again of history; into
  // the empty table with its indexes (a GiST one among them) built after, not updated row by row.
  await timer.time('stage spans', () =>
    loadWithIndexesDeferred(tx, 'opportunity_stage_spans', () =>
      sql`select opportunity_stage_spans_refresh(array(select id from opportunities))`.execute(tx),
    ),
  );
};

/** How the demo writes its rows: COPY (the bulk path imports share), or INSERT batches of 1,000 rows. */
export type DemoWriteMode = 'copy' | 'insert';

/**
 * Writes the dataset in dependency order, with COPY unless `mode` is 'insert' or the connection does not allow
 * COPY (then 1,000 rows per INSERT); teams get their managers and leads their opportunities afterwards. Both
 * ways store the same bytes (test/demo-copy.test.ts compares them table by table). Empties the dataset's large
 * tables as it writes them (count them first).
 */
async function writeDataset(
  tx: Transaction<Database>,
  ds: DemoDataset,
  mode: DemoWriteMode,
  timer: StageTimer,
  onProgress?: DemoProgress,
): Promise<void> {
  const total = Object.values(datasetCounts(ds)).reduce((a, b) => a + b, 0);
  // The tables kept as objects are handed over as they are written, so they are garbage by the time the 3.2M
  // activities go in. The large ones (accounts, contacts, history, activities) are column-wise and small anyway.
  const take = <K extends 'users' | 'leads' | 'opportunities'>(key: K): DemoDataset[K] => {
    const rows = ds[key];
    ds[key] = [] as DemoDataset[K];
    return rows;
  };
  // Likewise the column-wise tables, swapped for empty ones as they are written: the 3.2M activities' columns
  // (about 170 MB at 200 reps) are garbage before the rollups and the derived refresh grow PGlite's heap.
  const columnsOf = <K extends 'accounts' | 'contacts' | 'opportunityHistory' | 'activities'>(key: K) => {
    const table = ds[key];
    ds[key] = emptyDataset()[key];
    return table;
  };
  const writeColumns = async (
    table: 'accounts' | 'contacts' | 'opportunity_history' | 'activities',
    columns: ColumnTypes,
    key: 'accounts' | 'contacts' | 'opportunityHistory' | 'activities',
  ) => {
    const rows = columnsOf(key);
    await write(table, columns, rows.rows(), () => rows.copyLines());
  };
  let written = 0;
  const progress = (n: number) => {
    written += n;
    onProgress?.(written, total);
  };
  const copier = mode === 'copy' ? await openCopy(tx) : null;
  // The demo only writes into empty tables (it refuses a store with data, or empties it first); those whose
  // storage is replaced here take their rows frozen (and, on PGlite, without write-ahead log).
  const fresh = copier ? await freshenEmptyTables(tx, DEMO_TABLES) : new Set<string>();
  const write = async (
    table: DemoTable,
    columns: ColumnTypes,
    rows: Iterable<CopyRow>,
    encoded?: () => Iterable<string>,
  ) => timer.time(table, () => writeTable(table, columns, rows, encoded));
  const writeTable = async (
    table: DemoTable,
    columns: ColumnTypes,
    rows: Iterable<CopyRow>,
    encoded?: () => Iterable<string>,
  ) => {
    if (copier) {
      const freeze = fresh.has(table);
      const source = encoded ? { encodedLines: encoded() } : rows;
      await loadWithIndexesDeferred(
        tx,
        table,
        () => copier.copy(table, columns, source, progress, { freeze }),
        { userTriggers: REBUILD_ROLLUPS_AFTER_LOAD ? 'disable' : 'fire', uniqueKeys: 'rebuild' },
      );
      return;
    }
    let batch: CopyRow[] = [];
    const flush = async () => {
      await insertRows(tx, table, columns, batch);
      progress(batch.length);
      batch = [];
    };
    for (const row of rows) {
      batch.push(row);
      if (batch.length === BATCH) await flush();
    }
    if (batch.length > 0) await flush();
  };
  await write(
    'teams',
    TEAM_COLUMNS,
    ds.teams.map((t) => ({ ...t, manager_id: null })),
  );
  await write('users', USER_COLUMNS, take('users'));
  for (const t of ds.teams) {
    await tx
      .updateTable('teams')
      .set({ manager_id: t.manager_id ?? null })
      .where('id', '=', t.id)
      .execute();
  }
  await writeColumns('accounts', ACCOUNT_COLUMNS, 'accounts');
  await writeColumns('contacts', CONTACT_COLUMNS, 'contacts');
  await write('leads', LEAD_COLUMNS, take('leads'));
  await write('lead_events', LEAD_EVENT_COLUMNS, ds.leadEvents);
  ds.leadEvents = [];
  await write('opportunities', OPPORTUNITY_COLUMNS, take('opportunities'));
  // Leads and opportunities point at each other; the lead side is filled in one statement once both exist.
  await sql`update leads l set converted_opportunity_id = o.id
    from opportunities o where o.lead_id = l.id and l.status = 'converted'`.execute(tx);
  await writeColumns('opportunity_history', HISTORY_COLUMNS, 'opportunityHistory');
  // The generator's garbage (and the COPYs' so far) collected before the largest table goes in.
  releaseGarbage();
  await writeColumns('activities', ACTIVITY_COLUMNS, 'activities');
  await write('customers', CUSTOMER_COLUMNS, ds.customers);
  await write('subscriptions', SUBSCRIPTION_COLUMNS, ds.subscriptions);
  await write('goals', GOAL_COLUMNS, ds.goals);
  await write('acquisition_costs', COST_COLUMNS, ds.acquisitionCosts);
  // Ids were chosen by the generator; move each identity past them so later inserts do not collide.
  for (const table of [
    'teams',
    'users',
    'accounts',
    'contacts',
    'leads',
    'lead_events',
    'opportunities',
    'customers',
  ]) {
    await sql`select setval(pg_get_serial_sequence(${table}, 'id'), greatest((select max(id) from ${sql.table(table)}), 1))`.execute(
      tx,
    );
  }
  // Every row is in: what the JS side held for them goes before PGlite's heap grows for the rollups.
  releaseGarbage();
  if (REBUILD_ROLLUPS_AFTER_LOAD) await REBUILD_ROLLUPS_AFTER_LOAD(tx, timer);
}

/**
 * Loads the demo workspace in ONE transaction: configures the settings (New York, USD, Mon-Fri 09:00-18:00, US
 * holidays, February fiscal year), generates the data for `options`, writes it, recomputes the derived columns
 * and records an audit entry. Refuses a store that already has data unless `reset` is set, in which case every
 * data table is emptied first (in the same transaction, so a failure keeps the old data).
 */
export async function loadDemo(
  db: Db,
  options: DemoOptions,
  flags: { reset: boolean; onProgress?: DemoProgress; mode?: DemoWriteMode },
): Promise<DemoLoadResult> {
  const t0 = performance.now();
  // Every demo user shares one hash of the documented demo password: one argon2 run instead of one per user.
  const passwordHash = await hashPassword(DEMO_LOGINS.password);
  const timings = { generateMs: 0, writeMs: 0, derivedMs: 0, writeCpuMs: 0, derivedCpuMs: 0 };
  const cpuMs = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  const timer = new StageTimer();
  const result = await db.transaction().execute(async (tx) => {
    // Two servers starting on one empty PostgreSQL both try `serve --demo-if-empty`: the second waits here,
    // then finds data and is refused instead of failing half-way on unique e-mails.
    await sql`select pg_advisory_xact_lock(${DEMO_LOCK_KEY})`.execute(tx);
    // PostgreSQL: the rollup fill, the stage intervals and the derived refresh sort and hash millions of rows
    // (200-rep demo); with the default 4 MB each spilled to disk (external merge sorts, 17-batch hash aggregates).
    // The server's memory, for this transaction only. PGlite keeps its default: there it is this process's memory.
    if ((await rawClientOf(tx))?.kind !== 'pglite') await sql`set local work_mem = '256MB'`.execute(tx);
    if (flags.reset) {
      const tables = await dataTables(tx);
      if (tables.length > 0)
        await sql`truncate ${sql.join(tables.map((t) => sql.table(t)))} restart identity cascade`.execute(tx);
    } else if (await storeHasData(tx)) {
      throw new AppError(
        'conflict',
        'The store already has data; run `pacesetter demo --reset` to replace it with demo data',
        [{ reason: 'users, CRM records or activities exist; demo data is only added to an empty store' }],
      );
    }
    // Issue 19: the locale's zone, currency, working week and holidays (en: the New York workspace). Weeks start
    // on the locale's first day (en-US and he-IL: Sunday, pl-PL and ro-RO: Monday), as in a new workspace.
    const locale = DEMO_LOCALE_SPECS[options.locale ?? 'en'];
    const settings = await updateSettings(tx, {
      locale: locale.locale,
      weekStartDayChoice: null,
      timeZone: locale.timeZone,
      currency: locale.currency,
      workingDays: [...locale.workingDays],
      workStartMinute: DEMO_WORKSPACE.workStartMinute,
      workEndMinute: DEMO_WORKSPACE.workEndMinute,
      holidayCountry: locale.holidayCountry,
      holidayRegion: null,
      fiscalYearStartMonth: DEMO_WORKSPACE.fiscalYearStartMonth,
    });
    // The activities table is empty here: this only files the rollups' local days under the demo's zone, so the
    // COPY's triggers fill them in New York days and metrics can read them at once.
    await rebuildActivityRollups(tx);
    const stages = await demoStages(tx);
    const start = demoStartDate(options);
    // The opening customer base reaches back two years before the window.
    const cal = await getBusinessCalendar(
      tx,
      Number(start.slice(0, 4)) - 3,
      Number(options.until.slice(0, 4)) + 1,
    );
    const tGen = performance.now();
    const generated = generateDemo({
      options,
      cal,
      stages,
      currency: locale.currency,
      fiscalYearStartMonth: DEMO_WORKSPACE.fiscalYearStartMonth,
      leadSla: { minutes: settings.leadSlaMinutes, sameBusinessDay: settings.leadSlaSameBusinessDay },
      passwordHash,
    });
    const tWrite = performance.now();
    const cWrite = cpuMs();
    timings.generateMs = tWrite - tGen;
    const counts = datasetCounts(generated.dataset);
    await writeDataset(tx, generated.dataset, flags.mode ?? 'copy', timer, flags.onProgress);
    const tDerived = performance.now();
    const cDerived = cpuMs();
    timings.writeCpuMs = cDerived - cWrite;
    timings.writeMs = tDerived - tWrite;
    await timer.time('derived refresh', () => refreshDerived(tx, { all: true }));
    // Every lead's score with the default rules, from its events (the demo's statuses stay as simulated), at the
    // start of the demo's last day (its events end there), so two loads store the same scores.
    await timer.time('lead scores', async () =>
      upsertLeadScores(
        tx,
        await getActiveRuleSet(tx),
        new Date(`${options.until}T00:00:00Z`),
        sql<SqlBool>`true`,
      ),
    );
    await timer.time('routing', () => seedDemoRouting(tx, generated.reps, options.until));
    await timer.time('coaching plans', () => seedDemoPlans(tx, generated.reps, start, options.until));
    await timer.time('hiring', () =>
      seedDemoHiring(tx, generated.reps, {
        start: generated.start,
        until: options.until,
        seed: options.seed,
        passwordHash,
      }),
    );
    await timer.time('commissions', () =>
      seedDemoCommissions(tx, generated.reps, start, options.until, locale.currency, (m) =>
        localMinor(m, locale.moneyFactor),
      ),
    );
    // The demo sign-ins (every demo user, the hiring seed's too) read the app in the locale's language; en
    // leaves it unset (the browser's language), as before.
    if (locale.language) await tx.updateTable('users').set({ language: locale.language }).execute();
    timings.derivedMs = performance.now() - tDerived;
    timings.derivedCpuMs = cpuMs() - cDerived;
    await recordAudit(tx, SYSTEM_VIEWER, {
      action: flags.reset ? 'reset_and_load' : 'load',
      entity: 'demo_data',
      after: { ...options, counts },
    });
    return {
      start: generated.start,
      counts,
      reps: generated.reps.map((r) => ({ userId: r.userId, trend: r.trend })),
    };
  });
  return { options, ...result, ...timings, totalMs: performance.now() - t0, stages: timer.stages };
}
