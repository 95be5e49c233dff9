import { isBusinessDay, type BusinessCalendar } from '../domain/calendar/business-time.ts';
import { instantToLocal, localDateToInstant } from '../domain/calendar/zoned.ts';
import { seededRandom, type Random } from '../domain/random/seeded-random.ts';
import type { ActivityLog } from './activity-log.ts';
import { plusDays } from './dates.ts';
import type { RepProfile } from './org.ts';
import { rampFactor } from './sim/rates.ts';

/*
 * Issue 18 on the demo: when each meeting was set (activities.booked_at, read by meetings_booked) and the
 * non-selling time reps log (activities of type 'other' with a time_category and a duration, read by
 * non_selling_time_share). Both run after the simulation, each from its own seeded stream, so every row the
 * simulation wrote stays as it was; the time rows name no contact, lead or opportunity and type 'other' is no
 * touch, so no touch, prospect, follow-up or response metric moves.
 */

const MINUTE_MS = 60_000;

/** Local date and business-day answers, cached (meetings and rep-days run into the hundreds of thousands). */
class CalendarCache {
  private readonly days = new Map<string, boolean>();
  private readonly hours = new Map<number, { date: string; minute: number }>();
  private readonly cal: BusinessCalendar;
  constructor(cal: BusinessCalendar) {
    this.cal = cal;
  }

  isWorkday(date: string): boolean {
    let v = this.days.get(date);
    if (v === undefined) this.days.set(date, (v = isBusinessDay(date, this.cal)));
    return v;
  }

  /** The local date of an instant (offsets change on whole hours in the demo's zones, so one lookup an hour). */
  localDate(ms: number): string {
    const hour = Math.floor(ms / 3_600_000);
    let h = this.hours.get(hour);
    if (!h) {
      const l = instantToLocal(new Date(hour * 3_600_000), this.cal.timeZone);
      h = { date: l.date, minute: l.minuteOfDay };
      this.hours.set(hour, h);
    }
    return h.date;
  }

  /** `n` business days before `date`. */
  businessDaysBefore(date: string, n: number): string {
    let d = date;
    for (let i = 0; i < n; i += 1) {
      d = plusDays(d, -1);
      while (!this.isWorkday(d)) d = plusDays(d, -1);
    }
    return d;
  }
}

/**
 * Sets booked_at on every meeting: 1-10 business days before the meeting's local day (nearer days likelier), at a
 * working minute, so always before the meeting. Returns how many meetings got one.
 */
export function addBookingTimes(log: ActivityLog, cal: BusinessCalendar, seed: number): number {
  const rnd = seededRandom((seed ^ 0x0b_00_4e_d0) >>> 0);
  const cc = new CalendarCache(cal);
  let n = 0;
  for (let i = 0; i < log.length; i += 1) {
    if (!log.isMeetingAt(i)) continue;
    // Squared uniform: most meetings are set within a few days, some a fortnight ahead.
    const lead = 1 + Math.floor(rnd.next() ** 2 * 10);
    const day = cc.businessDaysBefore(cc.localDate(log.timeAt(i)), lead);
    const minute = rnd.int(cal.workStartMinute, cal.workEndMinute - 1);
    log.setBookedAt(i, localDateToInstant(day, cal.timeZone, minute).getTime());
    n += 1;
  }
  return n;
}

/** One kind of non-selling block: chance per working day, length range and where in the day it falls. */
interface Block {
  category: 'prospecting' | 'admin' | 'crm_updates' | 'internal_meetings' | 'training' | 'travel';
  subject: string;
  chance: number;
  minutes: [number, number];
  /** Start window in minutes after the working day's start; the block ends before the day does. */
  startAfter: [number, number];
}

/**
 * A rep's non-selling day: admin first thing, CRM updates late in the day, most days a team meeting, list
 * research for prospecting, and now and then a training session or travel to a client. Lengths are what
 * studies of rep time report in round terms; the mix puts the demo's non-selling share near the brief's 64%.
 */
const BLOCKS: readonly Block[] = [
  { category: 'admin', subject: 'Admin', chance: 1, minutes: [45, 100], startAfter: [0, 30] },
  { category: 'crm_updates', subject: 'CRM updates', chance: 1, minutes: [35, 80], startAfter: [420, 450] },
  {
    category: 'internal_meetings',
    subject: 'Team meeting',
    chance: 0.75,
    minutes: [35, 80],
    startAfter: [60, 300],
  },
  {
    category: 'prospecting',
    subject: 'Prospect research',
    chance: 0.7,
    minutes: [30, 75],
    startAfter: [90, 360],
  },
  { category: 'training', subject: 'Training', chance: 0.15, minutes: [60, 120], startAfter: [120, 300] },
  {
    category: 'travel',
    subject: 'Travel to a client',
    chance: 0.15,
    minutes: [40, 120],
    startAfter: [60, 360],
  },
];

function logBlock(
  log: ActivityLog,
  rnd: Random,
  cal: BusinessCalendar,
  userId: number,
  date: string,
  b: Block,
): void {
  const length = rnd.int(b.minutes[0], b.minutes[1]);
  const latest = Math.min(cal.workStartMinute + b.startAfter[1], cal.workEndMinute - length);
  const earliest = Math.min(cal.workStartMinute + b.startAfter[0], latest);
  const minute = rnd.int(earliest, Math.max(earliest, latest));
  const at = localDateToInstant(date, cal.timeZone, minute).getTime();
  log.push({
    type: 'other',
    direction: 'outbound',
    outcome: null,
    durationSeconds: length * 60,
    userId,
    leadId: null,
    contactId: null,
    accountId: null,
    opportunityId: null,
    subject: b.subject,
    occurredAt: at - (at % MINUTE_MS),
    timeCategory: b.category,
  });
}

/**
 * Logs each rep's non-selling time on every working day from their hire date in the window: two to six rows a
 * rep-day. Returns how many rows were added.
 */
export function logNonSellingTime(
  log: ActivityLog,
  reps: readonly RepProfile[],
  cal: BusinessCalendar,
  window: { start: string; until: string; seed: number },
): number {
  const rnd = seededRandom((window.seed ^ 0x64_71_3e_00) >>> 0);
  const cc = new CalendarCache(cal);
  const before = log.length;
  for (let d = window.start; d <= window.until; d = plusDays(d, 1)) {
    if (!cc.isWorkday(d)) continue;
    for (const rep of reps) {
      if (rampFactor(rep, d) === 0) continue;
      for (const b of BLOCKS)
        if (b.chance === 1 || rnd.chance(b.chance)) logBlock(log, rnd, cal, rep.userId, d, b);
    }
  }
  return log.length - before;
}
