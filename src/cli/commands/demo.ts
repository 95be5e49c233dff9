import type { Command } from 'commander';
import { instantToLocal } from '../../domain/calendar/zoned.ts';
import { AppError } from '../../errors.ts';
import type { DemoLoadResult } from '../../demo/load.ts';
import {
  DEMO_DEFAULTS,
  DEMO_LOGINS,
  DEMO_WORKSPACE,
  validateDemoOptions,
  type DemoOptions,
} from '../../demo/options.ts';
import type { PregeneratedDemo } from '../../demo/pregenerate.ts';
import type { Db } from '../../store/db.ts';
import type { CliContext } from '../context.ts';
import { DEMO_LOCALE_SPECS, type DemoLocale } from '../../demo/locales.ts';

interface DemoFlags {
  seed: string;
  until?: string;
  reps: string;
  months: string;
  reset?: boolean;
  verbose?: boolean;
  locale?: string;
}

/** Today in the demo workspace's time zone: the default end date, so the current period always has data. */
function todayInDemoZone(locale: string | undefined): string {
  const spec = DEMO_LOCALE_SPECS[locale as DemoLocale] ?? DEMO_LOCALE_SPECS.en;
  return instantToLocal(new Date(), spec.timeZone ?? DEMO_WORKSPACE.timeZone).date;
}

/** The sign-ins to print after loading. */
function loginLines(): string[] {
  return [
    'Demo sign-ins (demo data only), password for all: ' + DEMO_LOGINS.password,
    `  admin    ${DEMO_LOGINS.admin}`,
    `  manager  ${DEMO_LOGINS.manager}`,
    `  rep      ${DEMO_LOGINS.rep}`,
  ];
}

function summaryLines(r: DemoLoadResult): string[] {
  const c = r.counts;
  const s = (ms: number) => (ms / 1000).toFixed(1) + ' s';
  return [
    `Demo data ${r.start} .. ${r.options.until} (seed ${r.options.seed}, ${r.options.reps} reps, ${r.options.months} months${
      r.options.locale ? `, locale ${r.options.locale}` : ''
    }):`,
    `  ${c.users} users in ${c.teams} teams, ${c.accounts} accounts, ${c.contacts} contacts, ${c.leads} leads,`,
    `  ${c.opportunities} opportunities (${c.opportunityHistory} history rows), ${c.activities} activities,`,
    `  ${c.customers} customers (${c.subscriptions} subscriptions), ${c.goals} goals, ${c.acquisitionCosts} cost rows`,
    `  in ${s(r.totalMs)} (generate ${s(r.generateMs)}, write ${s(r.writeMs)}, derived columns ${s(r.derivedMs)})`,
  ];
}

/** Each timed stage of the write and derived phases (--verbose): wall time and this process's CPU time. */
function stageLines(r: DemoLoadResult): string[] {
  const s = (ms: number) => (ms / 1000).toFixed(2).padStart(7) + ' s';
  const g = r.generator;
  return [
    ...(r.pregenerated === 'used'
      ? ['  generated before the store was opened']
      : r.pregenerated
        ? ["  generated again: the store's settings, holidays or stages are not a new store's"]
        : []),
    ...(g
      ? [
          `  generator process: generate ${s(g.generateMs).trim()}, COPY files ${s(g.encodeMs).trim()}, ` +
            `peak RSS ${Math.round(g.peakRssBytes / 2 ** 20)} MB`,
        ]
      : []),
    `  this process's CPU: write ${s(r.writeCpuMs).trim()}, derived columns ${s(r.derivedCpuMs).trim()}`,
    "  stages (wall, this process's CPU):",
    ...r.stages.map((st) => `    ${st.name.padEnd(22)} ${s(st.ms)} ${s(st.cpuMs)}`),
  ];
}

/** The demo's options from the command's flags (a bad value is a validation error). */
function optionsOf(raw: DemoFlags): DemoOptions {
  return validateDemoOptions({
    seed: raw.seed,
    until: raw.until ?? todayInDemoZone(raw.locale),
    reps: raw.reps,
    months: raw.months,
    locale: raw.locale,
  });
}

/** Loads the demo with a progress bar on a terminal; prints the summary and the sign-ins. */
async function runDemo(
  db: Db,
  options: DemoOptions,
  raw: DemoFlags,
  pregenerated?: PregeneratedDemo,
): Promise<void> {
  const { default: cliProgress } = await import('cli-progress');
  const { loadDemo } = await import('../../demo/load.ts');
  const bar = process.stderr.isTTY
    ? new cliProgress.SingleBar(
        { format: 'demo data |{bar}| {percentage}% | {value}/{total} rows', hideCursor: true },
        cliProgress.Presets.shades_classic,
      )
    : null;
  let started = false;
  try {
    const result = await loadDemo(db, options, {
      reset: Boolean(raw.reset),
      pregenerated,
      onProgress: (written, total) => {
        if (!bar) return;
        if (!started) {
          bar.start(total, 0);
          started = true;
        }
        bar.update(written);
      },
    });
    bar?.stop();
    const stages = raw.verbose ? stageLines(result) : [];
    for (const line of [...summaryLines(result), ...stages, ...loginLines()]) console.log(line);
  } catch (err) {
    bar?.stop();
    throw err;
  }
}

/** `pacesetter demo`, and the `serve --demo-if-empty` hook that loads the default demo into an empty store. */
export function register(program: Command, ctx: CliContext): void {
  program
    .command('demo')
    .description(
      'Load deterministic demo data (teams, reps, leads, activities, deals with history, quotas, customers, costs) ' +
        'and switch the workspace to the demo settings (by default America/New_York, USD, Mon-Fri 09:00-18:00, US holidays, fiscal year from February; see --locale)',
    )
    .option(
      '--seed <n>',
      'seed of the random generator; the same seed and --until give the same data',
      String(DEMO_DEFAULTS.seed),
    )
    .option('--until <date>', "last day with data, YYYY-MM-DD (default: today in the locale's time zone)")
    .option(
      '--locale <locale>',
      'the company: en (New York, USD), pl (Warsaw, PLN, PL holidays), he (Jerusalem, ILS, Sun-Thu week, IL ' +
        'holidays, Hebrew names) or ro (Bucharest, RON, RO holidays): names, currency, amounts, holidays, ' +
        "working week and the demo users' language (docs/localization.md)",
      'en',
    )
    .option(
      '--reps <n>',
      'number of sales reps (managers, a director and an admin come on top)',
      String(DEMO_DEFAULTS.reps),
    )
    .option('--months <n>', 'months of history before --until', String(DEMO_DEFAULTS.months))
    .option(
      '--reset',
      'empty every data table first (users included); without it a store with data is refused',
    )
    .option('--verbose', 'print the time of each stage of the write (per table, rollups, derived columns)')
    .action(async (flags: DemoFlags) => {
      const options = optionsOf(flags);
      const { openConfiguredStore } = await import('../store-from-config.ts');
      const { disposePregenerated, generatesInChild, pregenerateDemo } =
        await import('../../demo/pregenerate.ts');
      // A large demo is generated first, before the store is opened: the generator's memory is returned to the
      // system before a PGlite store's own (its migrations, then the writes) is taken.
      const pregenerated = generatesInChild(options) ? await pregenerateDemo(options) : undefined;
      try {
        const db = await openConfiguredStore(ctx.config());
        try {
          await runDemo(db, options, flags, pregenerated);
        } finally {
          await db.destroy();
        }
      } finally {
        if (pregenerated) await disposePregenerated(pregenerated);
      }
    });

  ctx.beforeServe.push(async (db, { demoIfEmpty }) => {
    if (!demoIfEmpty) return;
    const { storeHasData } = await import('../../demo/load.ts');
    const anyUser = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
    if (anyUser) return;
    if (await storeHasData(db)) {
      console.log(
        'The store has data but no users: not loading demo data (run `pacesetter demo --reset` to replace it).',
      );
      return;
    }
    console.log('Empty store: loading demo data...');
    try {
      const flags = {
        seed: String(DEMO_DEFAULTS.seed),
        reps: String(DEMO_DEFAULTS.reps),
        months: String(DEMO_DEFAULTS.months),
      };
      await runDemo(db, optionsOf(flags), flags);
    } catch (err) {
      // Another server process filled the store first: serve what it loaded.
      if (err instanceof AppError && err.code === 'conflict')
        console.log(`Not loading demo data: ${err.message}`);
      else throw err;
    }
  });
}
