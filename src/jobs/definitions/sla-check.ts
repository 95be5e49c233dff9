import { checkLeadSla } from '../../store/queries/alerts/check-lead-sla.ts';
import type { Job } from '../job.ts';

/** Raises lead-response SLA alerts (and their webhook outbox rows) every minute; quiet when nothing is raised. */
export const slaCheckJob: Job = {
  name: 'sla-check',
  everyMs: 60_000,
  run: async (db, now) => {
    const s = await checkLeadSla(db, now);
    if (s.raised === 0) return '';
    return `${s.candidates} candidates, ${s.breaches} breaches, ${s.raised} alerts raised, ${s.deliveries} deliveries queued`;
  },
};
