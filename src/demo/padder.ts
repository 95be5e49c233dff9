import type { BusinessCalendar } from '../domain/calendar/business-time.ts';
import { instantToLocal, localDateToInstant } from '../domain/calendar/zoned.ts';
import { seededRandom } from '../domain/random/seeded-random.ts';
import type { DemoDataset } from './dataset.ts';
import type { RepProfile } from './org.ts';

/*
 * Issue 18: one demo rep pads activity, so the integrity view (docs/capture.md, "Integrity (data quality)") has
 * something to find. On every business day the rep worked, four or five people they had already touched that
 * day get three more "calls" each, of 0-4 seconds with no answer, a few minutes after the real touch, all typed
 * in through the quick log in one burst (20 s apart) 5-50 minutes after the working day ends. That gives the rep
 * zero-length calls, 3rd+ touches of the same person the same day and after-hours bulk logging.
 *
 * Other reps' numbers do not move: the padding has its own random stream (the simulation's draws are unchanged),
 * names only contacts the padder touched earlier that day (so no one's first touch or new prospect changes) and
 * no lead or opportunity (so lead response, SLAs and deal follow-ups stay as they were).
 */

/** Which rep pads: the first rep of the first sub-team after the demo rep login (the demo manager's team). */
export function padderRep(reps: readonly RepProfile[]): RepProfile | undefined {
  // buildOrg deals reps round-robin over the sub-teams: rep number teamCount is the first team's second rep.
  const teamCount = new Set(reps.map((r) => r.teamId)).size;
  return reps.length > 1 ? reps[Math.min(teamCount, reps.length - 1)] : undefined;
}

const CALLS_PER_PERSON = 3;
const MINUTES_APART = 4;

/** Adds the padder's rows to the dataset's activity log (before it is sorted); returns how many. */
export function padActivity(
  ds: DemoDataset,
  reps: readonly RepProfile[],
  cal: BusinessCalendar,
  seed: number,
): number {
  const padder = padderRep(reps);
  if (!padder) return 0;
  const rnd = seededRandom((seed ^ 0x18_18_18) >>> 0);
  const log = ds.activities;
  // The padder's first touch of each contact per local day, among touches early enough for three more that day.
  const lastStart = cal.workEndMinute - CALLS_PER_PERSON * MINUTES_APART - 1;
  const firstTouch = new Map<string, Map<number, number>>();
  for (let i = 0; i < log.length; i += 1) {
    if (log.userAt(i) !== padder.userId || !log.isTouchAt(i)) continue;
    const contact = log.contactAt(i);
    if (contact === 0) continue;
    const t = log.timeAt(i);
    const local = instantToLocal(new Date(t), cal.timeZone);
    if (local.minuteOfDay < cal.workStartMinute || local.minuteOfDay > lastStart) continue;
    let day = firstTouch.get(local.date);
    if (!day) firstTouch.set(local.date, (day = new Map()));
    const seen = day.get(contact);
    if (seen === undefined || t < seen) day.set(contact, t);
  }
  let added = 0;
  for (const date of [...firstTouch.keys()].sort()) {
    const touched = [...firstTouch.get(date)!.entries()].sort((a, b) => a[1] - b[1] || a[0] - b[0]);
    if (touched.length < 4) continue;
    const people = touched.slice(0, rnd.int(4, 5));
    let written = localDateToInstant(date, cal.timeZone, cal.workEndMinute + rnd.int(5, 50)).getTime();
    for (const [contactId, first] of people) {
      for (let k = 1; k <= CALLS_PER_PERSON; k += 1) {
        log.push({
          type: 'call',
          direction: 'outbound',
          outcome: 'no_answer',
          durationSeconds: rnd.int(0, 4),
          userId: padder.userId,
          leadId: null,
          contactId,
          accountId: ds.contacts.accountOf(contactId) || null,
          opportunityId: null,
          subject: null,
          occurredAt: first + k * MINUTES_APART * 60_000,
          loggedVia: 'quick_log',
          createdAt: written,
        });
        written += 20_000;
        added += 1;
      }
    }
  }
  return added;
}
