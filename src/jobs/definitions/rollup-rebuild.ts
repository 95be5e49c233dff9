import { sql } from 'kysely';
import { getRollupTimeZone } from '../../store/aggregates/rollup-zone.ts';
import { rebuildActivityRollups } from '../../store/aggregates/rebuild-activity-rollups.ts';
import { rebuildOpportunityRollups } from '../../store/aggregates/rebuild-opportunity-rollups.ts';
import { getSettings } from '../../store/tables/settings.ts';
import type { Job } from '../job.ts';

/**
 * Rebuilds the activity and opportunity rollups after the workspace time zone changed (their local days are in the old zone
 * until then, and metrics read the raw rows meanwhile). A quiet tick when the zones agree.
 */
export const rollupRebuildJob: Job = {
  name: 'rollup-rebuild',
  everyMs: 30_000,
  run: async (db, _now, progress) => {
    const settings = await getSettings(db);
    if ((await getRollupTimeZone(db)) === settings.timeZone) return '';
    if (!db.isTransaction) throw new Error('rollup-rebuild runs inside the runner transaction');
    const tx = db as Parameters<typeof rebuildActivityRollups>[0];
    let lastReport = 0;
    const months = await rebuildActivityRollups(tx, (done, total) => {
      // One line every 10 % at most: a two-year store has 24 months.
      if (done === total || (done - lastReport) / total >= 0.1) {
        lastReport = done;
        progress?.(`rebuilding activity rollups for ${settings.timeZone}: ${done}/${total} months`);
      }
    });
    // The deals' close and creation days moved with the zone too; one statement, after the zone is set above.
    await rebuildOpportunityRollups(tx);
    const rows = await sql<{ n: number }>`select count(*)::int as n from activity_day_counts`.execute(db);
    return `activity rollups rebuilt for ${settings.timeZone}: ${months} months, ${rows.rows[0]?.n ?? 0} day rows`;
  },
};
