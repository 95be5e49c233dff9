/**
 * Benchmark: refreshDerived after an import-sized write into an EXISTING store, each run in a transaction that
 * is rolled back (the store is left as it was).
 *
 * Usage: node bench/refresh-derived-import.ts <case> <mode> [rows]
 *   store:  DATABASE_URL=postgres://... (PostgreSQL) or PACESETTER_DATA=<pglite dir>
 *   case:   insert (rows new activities on random contacts, random type and time over the last 12 months, like
 *           the import figures' generated file) | append (the same in the week after the store's last activity)
 *         | full (refreshDerived({ all: true }), nothing written)
 *   mode:   people (the importer's call until now: { contactIds } of the rows written)
 *         | added  ({ addedActivityIds }: the incremental path)
 * Prints the wall and CPU time of the refresh alone: this process's CPU, and on PostgreSQL the backend's, read
 * from /proc (the server must run on this machine).
 */
import { readFileSync } from 'node:fs';
import { sql, type Transaction } from 'kysely';
import { openDb } from '../src/store/db.ts';
import { refreshDerived, type RefreshRequest } from '../src/store/derived/refresh.ts';
import type { Database } from '../src/store/schema.ts';

const [which = 'insert', mode = 'added', rowsArg = '200000'] = process.argv.slice(2);
const rows = Number(rowsArg);
const url = process.env.DATABASE_URL;
const dataDir = process.env.PACESETTER_DATA;
if (!url && !dataDir) throw new Error('set DATABASE_URL or PACESETTER_DATA');

class Rollback extends Error {}

/** CPU seconds of a process (user + system) from /proc, for the PostgreSQL backend serving this session. */
function procCpu(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/**
 * `insert`: times over the 12 months before now, so many rows predate their contact's first touch (the worst
 * case for writes); `append`: times in the week after the store's last activity (a weekly import).
 */
async function insertActivities(tx: Transaction<Database>, n: number, append: boolean): Promise<number[]> {
  const when = append
    ? sql`(select max(occurred_at) from activities) + random() * interval '7 days'`
    : sql`now() - random() * interval '365 days'`;
  const r = await sql<{ id: number }>`
    with people as (select array_agg(id order by id) as ids from contacts),
    reps as (select array_agg(id order by id) as ids from users where role = 'rep')
    insert into activities (type, direction, contact_id, user_id, occurred_at)
    select (array['call','email','meeting','linkedin','other'])[1 + floor(random() * 5)::int],
      case when random() < 0.8 then 'outbound' else 'inbound' end,
      people.ids[1 + floor(random() * cardinality(people.ids))::int],
      reps.ids[1 + floor(random() * cardinality(reps.ids))::int],
      ${when}
    from generate_series(1, ${n}::int) g cross join people cross join reps
    returning id`.execute(tx);
  return r.rows.map((x) => Number(x.id));
}

async function main(): Promise<void> {
  const db = await openDb(url ? { kind: 'postgres', url } : { kind: 'pglite', dataDir: dataDir as string });
  try {
    await db
      .transaction()
      .execute(async (tx) => {
        let request: RefreshRequest = { all: true };
        if (which === 'insert' || which === 'append') {
          // The same rows in every run, so the modes' results can be compared (flagged count below).
          await sql`select setseed(0.42)`.execute(tx);
          const ids = await insertActivities(tx, rows, which === 'append');
          const contacts = await sql<{ contact_id: number }>`
            select distinct contact_id from activities where id = any(${`{${ids.join(',')}}`}::bigint[])`.execute(
            tx,
          );
          request =
            mode === 'people'
              ? { contactIds: contacts.rows.map((c) => Number(c.contact_id)) }
              : { addedActivityIds: ids };
          console.log(`inserted ${ids.length} activities on ${contacts.rows.length} contacts`);
        }
        const backend = url
          ? Number((await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(tx)).rows[0]!.pid)
          : null;
        const serverBefore = backend === null ? 0 : procCpu(backend);
        const cpuBefore = process.cpuUsage();
        const t = performance.now();
        await refreshDerived(tx, request);
        const wall = (performance.now() - t) / 1000;
        const cpu = process.cpuUsage(cpuBefore);
        const server = backend === null ? null : procCpu(backend) - serverBefore;
        const flagged = await sql<{
          n: number;
        }>`select count(*)::bigint as n from activities where is_new_prospect`.execute(tx);
        console.log(
          JSON.stringify({
            store: url ? 'postgres' : 'pglite',
            case: which,
            mode,
            rows: which === 'full' ? 0 : rows,
            wall_s: Number(wall.toFixed(2)),
            process_cpu_s: Number(((cpu.user + cpu.system) / 1e6).toFixed(2)),
            server_cpu_s: server === null ? null : Number(server.toFixed(2)),
            flagged: Number(flagged.rows[0]!.n),
          }),
        );
        throw new Rollback();
      })
      .catch((e: unknown) => {
        if (!(e instanceof Rollback)) throw e;
      });
  } finally {
    await db.destroy();
  }
}

await main();
