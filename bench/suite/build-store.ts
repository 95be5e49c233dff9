/**
 * Builds the benchmark workspace into an empty store, in its own process (the 200-rep demo peaks near 2 GB, which
 * should not count against the process that measures). Usage:
 *   node bench/suite/build-store.ts pglite <data-dir>
 *   node bench/suite/build-store.ts postgres <database-url>
 */
import { sql } from 'kysely';
import { loadDemo } from '../../src/demo/load.ts';
import { openDb, type Db } from '../../src/store/db.ts';
import { migrateToLatest } from '../../src/store/migrate.ts';
import { LEAF_TEAMS, WORKSPACE_DEMO } from './workspace.ts';

/**
 * Spreads the reps of each demo sub-team over child teams of about ten, LEAF_TEAMS in all. Only team membership
 * changes (the activities, deals and leads stay as generated); the sub-teams' managers keep their reps, who are
 * now in their subtree.
 */
async function splitTeams(db: Db): Promise<void> {
  const subTeams = await sql<{ id: number; name: string; reps: number }>`
    select t.id, t.name, count(u.id)::int as reps
    from teams t join users u on u.team_id = t.id and u.role = 'rep'
    group by t.id, t.name order by t.id`.execute(db);
  const total = subTeams.rows.reduce((n, t) => n + t.reps, 0);
  let left = LEAF_TEAMS;
  for (const [i, team] of subTeams.rows.entries()) {
    const last = i === subTeams.rows.length - 1;
    const leaves = last ? left : Math.max(1, Math.round((LEAF_TEAMS * team.reps) / total));
    left -= leaves;
    await sql`
      with leaf as (
        insert into teams (name, parent_team_id)
        select ${team.name} || ' ' || g, ${team.id} from generate_series(1, ${leaves}) g
        returning id
      ),
      numbered as (select id, row_number() over (order by id) - 1 as n from leaf),
      reps as (
        select id, (row_number() over (order by id) - 1) % ${leaves} as n
        from users where team_id = ${team.id} and role = 'rep'
      )
      update users u set team_id = numbered.id
      from reps join numbered using (n)
      where u.id = reps.id`.execute(db);
  }
}

const [kind, target] = process.argv.slice(2);
if ((kind !== 'pglite' && kind !== 'postgres') || !target) {
  console.error('usage: build-store.ts pglite <data-dir> | postgres <database-url>');
  process.exit(2);
}
const db = await openDb(kind === 'pglite' ? { kind, dataDir: target } : { kind, url: target });
try {
  await migrateToLatest(db);
  const r = await loadDemo(db, { ...WORKSPACE_DEMO }, { reset: true });
  await splitTeams(db);
  await sql`analyze`.execute(db);
  console.log(
    JSON.stringify({
      counts: r.counts,
      generateMs: r.generateMs,
      writeMs: r.writeMs,
      derivedMs: r.derivedMs,
    }),
  );
} finally {
  await db.destroy();
}
