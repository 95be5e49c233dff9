import { runRouting } from '../../store/queries/routing/run-routing.ts';
import type { Job } from '../job.ts';

/**
 * Routes unassigned leads that reached the routing trigger (routing_settings.route_on: sql or created) and, when
 * the setting says so, reassigns routed leads whose rep missed the response SLA. Every lead however it got its
 * status (import, API, another server) is picked up within a minute; quiet when nothing changed.
 */
export const leadRoutingJob: Job = {
  name: 'lead-routing',
  everyMs: 60_000,
  run: async (db, now) => {
    const s = await runRouting(db, now);
    if (s.routed === 0 && s.reassigned === 0) return '';
    return `${s.routed} leads routed, ${s.reassigned} reassigned after a missed SLA, ${s.unassigned} without an available rep`;
  },
};
