/**
 * Benchmark: GET /api/meeting-pack's store query over an existing store (e.g. a copy of the 200-rep demo):
 * a team pack (as the team's manager and as an admin) and the company pack, for a week and a month.
 * Best and median of 3 runs after one warm-up. Usage:
 *   DATABASE_URL=postgres://... node bench/meeting-pack.bench.ts <team id> <manager user id> [week] [month]
 */
import type { Viewer } from '../src/domain/access/viewer.ts';
import { visibleUserIdsFor } from '../src/store/access/visible-users.ts';
import { openDb } from '../src/store/db.ts';
import { meetingPack, type MeetingPackRequest } from '../src/store/queries/meeting-pack/meeting-pack.ts';

const url = process.env.DATABASE_URL;
const [teamArg, managerArg, week = '2026-W46', month = '2026-10'] = process.argv.slice(2);
if (!url || !teamArg || !managerArg)
  throw new Error('usage: DATABASE_URL=... node bench/meeting-pack.bench.ts TEAM MANAGER');
const db = await openDb({ kind: 'postgres', url });
const team = Number(teamArg);
const managerId = Number(managerArg);
const admin: Viewer = { userId: null, role: 'admin', visibleUserIds: null };
const manager: Viewer = {
  userId: managerId,
  role: 'manager',
  visibleUserIds: await visibleUserIdsFor(db, managerId, 'manager'),
};

async function time(label: string, viewer: Viewer, req: MeetingPackRequest): Promise<void> {
  await meetingPack(db, viewer, req);
  const ms: number[] = [];
  let summary = '';
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    const r = await meetingPack(db, viewer, req);
    ms.push(performance.now() - t0);
    summary = `hot ${r.hottest.deals.length}, stalled ${r.stalled.total}, wins ${r.wins.length}, board ${r.leaderboard.lines.length}`;
  }
  ms.sort((a, b) => a - b);
  console.log(
    `${label.padEnd(34)} best ${ms[0]!.toFixed(0)} ms, median ${ms[1]!.toFixed(0)} ms (${summary})`,
  );
}

for (const period of [week, month]) {
  await time(`team ${team} as manager, ${period}`, manager, { team, period });
  await time(`team ${team} as admin, ${period}`, admin, { team, period });
  await time(`company, ${period}`, admin, { team: 'company', period });
}
await db.destroy();
