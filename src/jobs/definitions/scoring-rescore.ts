import { queueDailyRescore } from '../../store/queries/scoring/daily-rescore.ts';
import { rescoreStep } from '../../store/queries/scoring/rescore-step.ts';
import type { Job } from '../job.ts';

/** Seconds of work per tick: each tick commits its batches and progress, so GET /api/scoring/rescores/:id moves. */
const BUDGET_MS = 2_000;

/**
 * Re-scores the open leads after a rule change (PUT /api/scoring/rules queues it), a few batches per tick with
 * the progress committed each tick, and once a day when a rule decays or has a window (queueDailyRescore), so
 * decayed scores are current without an event. The runner's advisory lock and the row lock in rescoreStep make one
 * process do it. A quiet tick when nothing is queued.
 */
export const scoringRescoreJob: Job = {
  name: 'scoring-rescore',
  everyMs: 1_000,
  run: async (db, now) => {
    await queueDailyRescore(db, now);
    const r = await rescoreStep(db, () => now, BUDGET_MS);
    if (r === null) return '';
    return `re-score ${r.id} (rules v${r.ruleSetVersion}): ${r.status}, ${r.leadsDone}/${r.leadsTotal ?? '?'} leads, ${r.promoted} promoted`;
  },
};
