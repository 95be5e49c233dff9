import { beforeAll, expect, it } from 'vitest';
import { SYSTEM_VIEWER } from '../../src/domain/access/viewer.ts';
import { runMetrics } from '../../src/store/queries/metrics/run-metrics.ts';
import { describeStores, truncateAll } from '../support/stores.ts';
import { activities, contact, team, user } from './fixtures.ts';

/*
 * A next step saved from the quick log is an activity with outcome 'scheduled' on a future day. When that day
 * comes it has not happened: it is no call, email, LinkedIn touch, follow-up or activity (found when the quick
 * log's next step counted as a call on its day, and twice once the real call was logged).
 */
const IDS = ['calls', 'emails', 'linkedin_touches', 'follow_ups', 'activities', 'connect_rate'];

describeStores('scheduled activities are plans, not work', (ctx) => {
  let ann = 0;
  beforeAll(async () => {
    const db = ctx.db;
    await truncateAll(db);
    ann = await user(db, 'Ann', await team(db, 'Alpha'));
    const [c1, c2] = [await contact(db), await contact(db)];
    await activities(db, [
      // Done: a first call (connected), a follow-up email, a LinkedIn touch.
      {
        userId: ann,
        type: 'call',
        outcome: 'connected',
        contactId: c1,
        at: '2026-07-06T09:00:00Z',
        isNewProspect: true,
      },
      { userId: ann, type: 'email', contactId: c1, at: '2026-07-07T09:00:00Z' },
      { userId: ann, type: 'linkedin', contactId: c2, at: '2026-07-08T09:00:00Z', isNewProspect: true },
      // Planned and never logged as done: one of each kind, dated inside the month.
      { userId: ann, type: 'call', outcome: 'scheduled', contactId: c1, at: '2026-07-09T09:00:00Z' },
      { userId: ann, type: 'email', outcome: 'scheduled', contactId: c2, at: '2026-07-10T09:00:00Z' },
      { userId: ann, type: 'linkedin', outcome: 'scheduled', contactId: c2, at: '2026-07-13T09:00:00Z' },
      { userId: ann, type: 'meeting', outcome: 'scheduled', contactId: c1, at: '2026-07-14T09:00:00Z' },
    ]);
  });

  for (const strategy of ['raw', 'auto'] as const) {
    it(`counts only the done work (${strategy})`, async () => {
      const [row] = await runMetrics(
        ctx.db,
        SYSTEM_VIEWER,
        { metricIds: IDS, groupBy: 'rep', from: '2026-07-01', to: '2026-07-31' },
        { strategy },
      );
      expect(row!.groupId).toBe(ann);
      const v = (id: string) => row!.values[id]!.value;
      expect(v('calls')).toBe(1);
      expect(v('emails')).toBe(1);
      expect(v('linkedin_touches')).toBe(1);
      // The email to c1 is the only follow-up done; the scheduled ones would have made it 4.
      expect(v('follow_ups')).toBe(1);
      expect(v('activities')).toBe(3);
      expect(row!.values.connect_rate).toEqual({ value: 1, numerator: 1, denominator: 1 });
    });
  }
});
