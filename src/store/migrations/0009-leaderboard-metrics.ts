import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.ts';

/**
 * settings.leaderboard_metrics: the metric ids a workspace publishes on leaderboards (every signed-in user sees
 * the whole board); other metrics' boards show only what /api/metrics shows the viewer. The default is
 * DEFAULT_LEADERBOARD_METRICS (src/domain/leaderboard/published.ts), written out here because a migration must
 * not change when the code does.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    alter table settings add column leaderboard_metrics text[] not null default
      '{calls,emails,meetings,linkedin_touches,activities,unique_contacts,new_prospects,follow_ups,meetings_held,won_count,won_revenue}';
  `,
  );
}
