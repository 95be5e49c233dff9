import { sql, type SqlBool, type Transaction } from 'kysely';
import { upsertLeadScores } from '../store/queries/scoring/score-leads.ts';
import { getActiveRuleSet } from '../store/tables/scoring-rule-sets.ts';
import { SYSTEM_VIEWER } from '../domain/access/viewer.ts';
import { hashPassword } from '../auth/password.ts';
import { AppError } from '../errors.ts';
import type { Db } from '../store/db.ts';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rebuildActivityRollups } from '../store/aggregates/rebuild-activity-rollups.ts';
import { refreshDerived } from '../store/derived/refresh.ts';
import type { Database } from '../store/schema.ts';
import { openCopy } from '../store/bulk/copy-rows.ts';
import { rawClientOf } from '../store/bulk/raw-clients.ts';
import { recordAudit } from '../store/tables/audit-log.ts';
import { getBusinessCalendar } from '../store/tables/calendar.ts';
import { DEFAULT_STAGES } from '../store/tables/pipelines.ts';
import { updateSettings } from '../store/tables/settings.ts';
import { datasetCounts, type DemoDataset } from './dataset.ts';
import { generateDemo, type GenerateInput } from './generate.ts';
import { generateInChild } from './generate-in-child.ts';
import { demoCalendarYears, sameDemoInput, stageIdsByName } from './demo-input.ts';
import { generatesInChild, type PregeneratedDemo } from './pregenerate.ts';
import { DEMO_LOGINS, DEMO_WORKSPACE, demoStartDate, type DemoOptions } from './options.ts';
import type { RepProfile, Trend } from './org.ts';
import type { StageIds } from './sim/context.ts';
import {
  filesSource,
  inProcessSource,
  insertRowsSource,
  writeDataset,
  type DemoProgress,
} from './write-dataset.ts';
import { StageTimer, type DemoStage } from './stage-timer.ts';
import { seedDemoRouting } from './routing.ts';
import { seedDemoPlans } from './plans.ts';
import { seedDemoHiring } from './hiring.ts';
import { seedDemoCommissions } from './commissions.ts';
import { DEMO_LOCALE_SPECS, localMinor } from './locales.ts';

/** Advisory lock key serialising demo loads across processes (any fixed bigint; spells "demo"). */
const DEMO_LOCK_KEY = 0x64656d6f;

export type { DemoProgress } from './write-dataset.ts';

/** Rows in all tables, for the progress total. */
function sumCounts(counts: Record<string, number>): number {
  return Object.values(counts).reduce((a, b) => a + b, 0);
}

/** What a demo load did and how long it took. */
export interface DemoLoadResult {
  options: DemoOptions;
  start: string;
  counts: Record<keyof DemoDataset, number>;
  /** Each rep's user id and trend, so callers (and tests) can find the improving and declining reps. */
  reps: { userId: number; trend: Trend }[];
  generateMs: number;
  /** Set when a child process generated the demo: its time generating and encoding, and its peak RSS. */
  generator?: { generateMs: number; encodeMs: number; peakRssBytes: number };
  /**
   * Set when the caller passed a pregenerated demo: 'used' when its files were written, 'generated again' when
   * this store's settings, holidays or stage ids differ from a new store's (see newStoreDemoInput).
   */
  pregenerated?: 'used' | 'generated again';
  writeMs: number;
  derivedMs: number;
  /** This process's CPU time in the write and derived phases (PGlite's work included; on PostgreSQL the client's). */
  writeCpuMs: number;
  derivedCpuMs: number;
  /** This call's wall time, plus a pregenerated demo's generation (not the store's opening in between). */
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
  return stageIdsByName(pipeline.id, (name) => byName.get(name) as number);
}

/** How the demo writes its rows: COPY (the bulk path imports share), or INSERT batches of 1,000 rows. */
export type DemoWriteMode = 'copy' | 'insert';

/**
 * Loads the demo workspace in ONE transaction: configures the settings (New York, USD, Mon-Fri 09:00-18:00, US
 * holidays, February fiscal year), generates the data for `options`, writes it, recomputes the derived columns
 * and records an audit entry. Refuses a store that already has data unless `reset` is set, in which case every
 * data table is emptied first (in the same transaction, so a failure keeps the old data).
 */
export async function loadDemo(
  db: Db,
  options: DemoOptions,
  flags: {
    reset: boolean;
    onProgress?: DemoProgress;
    mode?: DemoWriteMode;
    /** Default: a child process from CHILD_FROM_REP_MONTHS (pregenerate.ts) on, with COPY; else this process. */
    generateIn?: 'process' | 'child';
    /**
     * The demo generated before the store was opened (pregenerate.ts): its files are written when this store
     * gives the same generator input, else the demo is generated again here. The caller disposes of it.
     */
    pregenerated?: PregeneratedDemo;
  },
): Promise<DemoLoadResult> {
  const t0 = performance.now();
  // Every demo user shares one hash of the documented demo password: one argon2 run instead of one per user.
  // A pregenerated demo's users carry its hash: the seeds written here must share it.
  const passwordHash = flags.pregenerated?.input.passwordHash ?? (await hashPassword(DEMO_LOGINS.password));
  const timings: Pick<
    DemoLoadResult,
    'generateMs' | 'generator' | 'pregenerated' | 'writeMs' | 'derivedMs' | 'writeCpuMs' | 'derivedCpuMs'
  > = { generateMs: 0, writeMs: 0, derivedMs: 0, writeCpuMs: 0, derivedCpuMs: 0 };
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
    const years = demoCalendarYears(options);
    const cal = await getBusinessCalendar(tx, years.fromYear, years.toYear);
    const input: GenerateInput = {
      options,
      cal,
      stages,
      currency: locale.currency,
      fiscalYearStartMonth: DEMO_WORKSPACE.fiscalYearStartMonth,
      leadSla: { minutes: settings.leadSlaMinutes, sameBusinessDay: settings.leadSlaSameBusinessDay },
      passwordHash,
    };
    const copier = (flags.mode ?? 'copy') === 'copy' ? await openCopy(tx) : null;
    const where = flags.generateIn ?? (generatesInChild(options) ? 'child' : 'process');
    const pre = flags.pregenerated;
    if (pre) timings.pregenerated = copier && sameDemoInput(pre.input, input) ? 'used' : 'generated again';
    const tGen = performance.now();
    let cWrite = 0;
    let tWrite = 0;
    const startWrite = () => {
      tWrite = performance.now();
      cWrite = cpuMs();
      timings.generateMs = tWrite - tGen;
    };
    let generated: { reps: RepProfile[]; start: string; counts: Record<keyof DemoDataset, number> };
    if (copier && pre && timings.pregenerated === 'used') {
      generated = pre.child;
      const { generateMs, encodeMs, peakRssBytes } = pre.child;
      timings.generator = { generateMs, encodeMs, peakRssBytes };
      startWrite();
      // Generated before this load began: its wall time is the pregeneration's.
      timings.generateMs = pre.ms;
      const source = filesSource(pre.dir, sumCounts(pre.child.counts), pre.child.teamManagers);
      await writeDataset(tx, source, copier, timer, flags.onProgress);
    } else if (copier && where === 'child') {
      const dir = await mkdtemp(join(tmpdir(), 'pacesetter-demo-'));
      try {
        const child = await generateInChild(input, dir);
        generated = child;
        const { generateMs, encodeMs, peakRssBytes } = child;
        timings.generator = { generateMs, encodeMs, peakRssBytes };
        startWrite();
        const source = filesSource(dir, sumCounts(child.counts), child.teamManagers);
        await writeDataset(tx, source, copier, timer, flags.onProgress);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    } else {
      const { dataset, reps, start } = generateDemo(input);
      generated = { reps, start, counts: datasetCounts(dataset) };
      startWrite();
      const total = sumCounts(generated.counts);
      const source = copier ? inProcessSource(dataset, total) : insertRowsSource(dataset, total);
      await writeDataset(tx, source, copier, timer, flags.onProgress);
    }
    const counts = generated.counts;
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
  // A pregenerated demo's generation ran before this call (and before the store was opened): it counts.
  const totalMs = performance.now() - t0 + (flags.pregenerated?.ms ?? 0);
  return { options, ...result, ...timings, totalMs, stages: timer.stages };
}
