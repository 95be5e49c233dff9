/**
 * Benchmark: what the people-runs triggers (migration 0039, activity_people_runs) add to writes of activities and
 * lead conversions, on a copy of the 200-rep store. Each case runs alternately with the 0039 triggers on and off
 * (off: the store as before 0039), in the same minutes, and prints wall times with the load average.
 *
 * Usage: DATABASE_URL=postgres://... node bench/people-runs-writes.ts <case> [rounds]
 *   case: one (1 activity through logActivities, the API's quick log, to a contact the rep has not touched this
 *         month; rolled back) | recent (1,000 activities of the last 3 weeks through runImport) | spread (1,000 over
 *         24 months and every rep through runImport) | spread100k (100,000 likewise) | convert (a lead with
 *         touches converted to a contact; rolled back)
 * Imported rows are deleted after each run (untimed). A run with the triggers off leaves activity_people_runs
 * stale, so the table is refilled after it (untimed). At the end the maintained table is compared with a refill.
 */
import { Readable } from 'node:stream';
import { execSync } from 'node:child_process';
import { sql } from 'kysely';
import { SYSTEM_VIEWER } from '../src/domain/access/viewer.ts';
import { runImport } from '../src/import/run-import.ts';
import { parseMappingFile } from '../src/import/mapping/load-mapping-file.ts';
import { openDb, type Db } from '../src/store/db.ts';
import { logActivities } from '../src/store/queries/capture/log-activities.ts';

const [which = 'spread', roundsArg = '3'] = process.argv.slice(2);
const rounds = Number(roundsArg);
const url = process.env.DATABASE_URL;
if (!url) throw new Error('set DATABASE_URL');
const db: Db = await openDb({ kind: 'postgres', url });

const TRIGGERS = [
  'activity_runs_people_insert',
  'activity_runs_people_update',
  'activity_runs_people_delete',
];
const UNTIL = Date.UTC(2026, 10, 20, 12);
const DAY = 86_400_000;
class Rollback extends Error {}

async function setTriggers(on: boolean): Promise<void> {
  const verb = sql.raw(on ? 'enable' : 'disable');
  for (const t of TRIGGERS) await sql`alter table activities ${verb} trigger ${sql.id(t)}`.execute(db);
  await sql`alter table leads ${verb} trigger activity_people_runs_lead`.execute(db);
}

const load = () => execSync('cat /proc/loadavg').toString().split(' ').slice(0, 3).join(' ');

/** A seeded generator, so both modes import the same rows. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

async function csv(rows: number, spanDays: number, seed: number): Promise<string> {
  const reps = (
    await sql<{ email: string }>`select email from users where role = 'rep' order by id`.execute(db)
  ).rows;
  const people = (
    await sql<{ email: string }>`select email from contacts where email is not null order by id`.execute(db)
  ).rows;
  const r = rng(seed);
  const types = ['call', 'call', 'email', 'email', 'meeting', 'linkedin'];
  const lines = ['id,type,direction,outcome,owner_email,contact_email,occurred_at'];
  for (let i = 0; i < rows; i++) {
    const when = new Date(UNTIL - Math.floor(r() * spanDays * DAY))
      .toISOString()
      .slice(0, 19)
      .replace('T', ' ');
    const type = types[Math.floor(r() * types.length)]!;
    const outcome = type === 'meeting' ? 'held' : type === 'call' ? 'connected' : 'sent';
    lines.push(
      `prw-${seed}-${i},${type},outbound,${outcome},${reps[Math.floor(r() * reps.length)]!.email},` +
        `${people[Math.floor(r() * people.length)]!.email},${when}`,
    );
  }
  return lines.join('\n') + '\n';
}

const MAPPING = parseMappingFile(
  JSON.stringify({
    entity: 'activities',
    source: 'bench',
    timeZone: 'UTC',
    fields: {
      externalId: 'id',
      type: 'type',
      direction: 'direction',
      outcome: 'outcome',
      ownerEmail: 'owner_email',
      contactEmail: 'contact_email',
      occurredAt: 'occurred_at',
    },
  }),
  'bench-mapping.json',
);

async function importRows(rows: number, spanDays: number, seed: number): Promise<number> {
  const text = await csv(rows, spanDays, seed);
  const before = await sql<{ id: number }>`select coalesce(max(id), 0) as id from activities`.execute(db);
  const t0 = performance.now();
  const s = await runImport(db, SYSTEM_VIEWER, {
    fileName: 'bench.csv',
    input: Readable.from([text]),
    mapping: MAPPING,
  });
  const ms = performance.now() - t0;
  if (s.created !== rows) throw new Error(`imported ${s.created} of ${rows}`);
  await sql`delete from activities where id > ${before.rows[0]!.id}`.execute(db);
  return ms;
}

async function logOne(): Promise<number> {
  // A rep and a contact the rep has not touched in November 2026.
  const pick = await sql<{ user_id: number; email: string }>`
    select u.id as user_id, (select c.email from contacts c where c.email is not null and not exists (
      select 1 from activity_month_people p where p.month = '2026-11-01' and p.user_id = u.id and p.contact_id = c.id)
      order by c.id desc limit 1) as email
    from users u where u.role = 'rep' order by u.id limit 1`.execute(db);
  const { user_id, email } = pick.rows[0]!;
  let ms = 0;
  await db
    .transaction()
    .execute(async (tx) => {
      const t0 = performance.now();
      await logActivities(
        tx,
        SYSTEM_VIEWER,
        [
          {
            externalId: null,
            type: 'call',
            direction: 'outbound',
            outcome: 'connected',
            durationSeconds: 120,
            occurredAt: new Date(UNTIL - 3_600_000),
            subject: null,
            user: { id: Number(user_id) },
            contact: { email, name: null },
            leadId: null,
            opportunityId: null,
            accountId: null,
          },
        ],
        () => '',
        { createContacts: true, channel: 'quick_log', loggedVia: 'quick_log' },
        new Date(UNTIL),
      );
      ms = performance.now() - t0;
      throw new Rollback();
    })
    .catch((e: unknown) => {
      if (!(e instanceof Rollback)) throw e;
    });
  return ms;
}

async function convertOne(): Promise<number> {
  // An unconverted lead with touches, and a contact touched by the same rep.
  const pick = await sql<{ lead_id: number; contact_id: number }>`
    select p.lead_id, (select q.contact_id from activity_month_people q
      where q.user_id = p.user_id and q.month = p.month and q.contact_id is not null limit 1) as contact_id
    from activity_month_people p join leads l on l.id = p.lead_id
    where p.contact_id is null and l.converted_contact_id is null and p.touches > 0
    order by p.month desc, p.lead_id limit 1`.execute(db);
  const { lead_id, contact_id } = pick.rows[0]!;
  let ms = 0;
  await db
    .transaction()
    .execute(async (tx) => {
      const t0 = performance.now();
      await sql`update leads set converted_contact_id = ${contact_id}, status = 'converted' where id = ${lead_id}`.execute(
        tx,
      );
      ms = performance.now() - t0;
      throw new Rollback();
    })
    .catch((e: unknown) => {
      if (!(e instanceof Rollback)) throw e;
    });
  return ms;
}

const CASES: Record<string, (seed: number) => Promise<number>> = {
  one: () => logOne(),
  convert: () => convertOne(),
  recent: (seed) => importRows(1000, 21, seed),
  spread: (seed) => importRows(1000, 730, seed),
  spread100k: (seed) => importRows(100_000, 730, seed),
};
const run = CASES[which];
if (!run) throw new Error(`unknown case ${which}`);

const times: Record<'on' | 'off', number[]> = { on: [], off: [] };
for (let i = 0; i < rounds; i++) {
  for (const mode of i % 2 === 0 ? (['on', 'off'] as const) : (['off', 'on'] as const)) {
    await setTriggers(mode === 'on');
    // ALTER TABLE invalidates the session's cached plans: a small write's first run re-plans every trigger
    // statement, which a long-lived server connection does not, so it runs once unmeasured.
    if (which === 'one' || which === 'convert') await run(0);
    const ms = await run(1000 + i);
    times[mode].push(ms);
    console.log(`${which} ${mode} ${ms.toFixed(0)} ms (load ${load()})`);
    if (mode === 'off' && which !== 'one' && which !== 'convert') {
      await setTriggers(true);
      await sql`select activity_people_runs_refill()`.execute(db);
    }
  }
}
await setTriggers(true);
const stat = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return `min ${s[0]!.toFixed(0)} / median ${s[Math.floor((s.length - 1) / 2)]!.toFixed(0)} ms`;
};
console.log(`${which}: on ${stat(times.on)}; off ${stat(times.off)}`);
// The maintained table against a refill (rolled back).
await db
  .transaction()
  .execute(async (tx) => {
    await sql`create temp table kept on commit drop as select * from activity_people_runs`.execute(tx);
    await sql`select activity_people_runs_refill()`.execute(tx);
    const d = await sql<{ n: number }>`select count(*)::int as n from (
      (select * from kept except all select * from activity_people_runs)
      union all (select * from activity_people_runs except all select * from kept)) x`.execute(tx);
    console.log(`rows differing from a refill: ${d.rows[0]!.n}`);
    throw new Rollback();
  })
  .catch((e: unknown) => {
    if (!(e instanceof Rollback)) throw e;
  });
await db.destroy();
