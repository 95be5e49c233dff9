import { awardBadges } from '../../store/queries/goals/award-badges.ts';
import type { Job } from '../job.ts';

/** Awards goal-streak, goal-met and personal-best badges for completed periods, hourly (idempotent). */
export const badgesJob: Job = {
  name: 'badges',
  everyMs: 3_600_000,
  run: async (db, now) => {
    const s = await awardBadges(db, now);
    return `${s.goalsChecked} personal goals checked, ${s.awarded} badges awarded`;
  },
};
