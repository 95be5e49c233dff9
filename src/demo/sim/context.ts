import type { BusinessCalendar } from '../../domain/calendar/business-time.ts';
import { isBusinessDay } from '../../domain/calendar/business-time.ts';
import { plusDays } from '../dates.ts';
import { localDateToInstant } from '../../domain/calendar/zoned.ts';
import type { Random } from '../../domain/random/seeded-random.ts';
import type { DemoDataset } from '../dataset.ts';
import type { RepProfile } from '../org.ts';

/** Ids of the default pipeline's stages, by role in the sales process. */
export interface StageIds {
  pipelineId: number;
  /** The five open stages in order: Discovery, Qualified, Demo, Trial, Final negotiation. */
  open: readonly [number, number, number, number, number];
  won: number;
  lost: number;
}

/** A customer as the simulation tracks it, to renew, upsell or churn later. */
export interface SimCustomer {
  id: number;
  rep: RepProfile;
  accountId: number;
  contactId: number | null;
  accountName: string;
  startDate: string;
  mrrMinor: number;
  /** Index of the customer's subscription rows in the dataset, so a churn can end them. */
  subscriptionIndexes: number[];
}

/** Everything the simulation steps share: the random source, the window, the calendar and the growing dataset. */
export interface SimContext {
  rnd: Random;
  /** First and last local day with data. */
  start: string;
  until: string;
  cal: BusinessCalendar;
  currency: string;
  fiscalYearStartMonth: number;
  stages: StageIds;
  ds: DemoDataset;
  reps: RepProfile[];
  /** Reps answer off-hours leads from their phone (the US demo); off where every activity keeps to working days. */
  offDayWork: boolean;
  customers: SimCustomer[];
  /** Activities already planned per rep and local day, so new prospecting fills the rest of the day. */
  load: Map<number, Map<string, number>>;
  /** Local close date per won/lost opportunity id (quotas are computed from it). */
  closeDates: Map<number, string>;
}

/** A fresh context over an empty dataset. */
export function createContext(base: Omit<SimContext, 'customers' | 'load' | 'closeDates'>): SimContext {
  return { ...base, customers: [], load: new Map(), closeDates: new Map() };
}

// localDateToInstant costs a few Intl calls. On all but the two daylight-saving change days a year, the zone's
// offset is the same all day, so one conversion per date serves every minute of it. Cached per zone, then per
// date (the simulation asks millions of times; a composed string key per call was a visible share of it).
const dayCaches = new Map<string, { midnight: Map<string, number | null>; hour: Map<string, number> }>();
let lastZone = '';
let lastCache = { midnight: new Map<string, number | null>(), hour: new Map<string, number>() };

/** The instant of a local date and minute of day in the workspace zone. */
export function at(ctx: SimContext, date: string, minute: number): Date {
  return new Date(atMs(ctx, date, minute));
}

/** `at` in epoch milliseconds, for the activity log (no Date object per activity). */
export function atMs(ctx: SimContext, date: string, minute: number): number {
  const tz = ctx.cal.timeZone;
  if (tz !== lastZone) {
    let cache = dayCaches.get(tz);
    if (!cache) {
      cache = { midnight: new Map(), hour: new Map() };
      dayCaches.set(tz, cache);
    }
    lastZone = tz;
    lastCache = cache;
  }
  let midnight = lastCache.midnight.get(date);
  if (midnight === undefined) {
    const m0 = localDateToInstant(date, tz, 0).getTime();
    const m1 = localDateToInstant(date, tz, 1439).getTime();
    midnight = m1 - m0 === 1439 * 60_000 ? m0 : null;
    lastCache.midnight.set(date, midnight);
  }
  if (midnight !== null && minute >= 0 && minute < 1440) return midnight + minute * 60_000;
  const hour = Math.floor(minute / 60);
  const key = `${date}|${hour}`;
  let base = lastCache.hour.get(key);
  if (base === undefined) {
    base = localDateToInstant(date, tz, hour * 60).getTime();
    lastCache.hour.set(key, base);
  }
  return base + (minute - hour * 60) * 60_000;
}

const businessDays = new WeakMap<BusinessCalendar, Map<string, boolean>>();
let lastCalendar: BusinessCalendar | null = null;
let lastDays = new Map<string, boolean>();

/** isBusinessDay of the calendar module, memoized per calendar (the simulation asks millions of times). */
export function isWorkday(ctx: SimContext, date: string): boolean {
  if (ctx.cal !== lastCalendar) {
    let days = businessDays.get(ctx.cal);
    if (!days) {
      days = new Map();
      businessDays.set(ctx.cal, days);
    }
    lastCalendar = ctx.cal;
    lastDays = days;
  }
  let v = lastDays.get(date);
  if (v === undefined) {
    v = isBusinessDay(date, ctx.cal);
    lastDays.set(date, v);
  }
  return v;
}

/** The first business day on or after `date`. */
export function onOrAfterBusinessDay(ctx: SimContext, date: string): string {
  let d = date;
  while (!isWorkday(ctx, d)) d = plusDays(d, 1);
  return d;
}

/** The business day `n` business days after `date` (n >= 1). */
export function businessDaysLater(ctx: SimContext, date: string, n: number): string {
  let d = date;
  for (let i = 0; i < n; i += 1) d = onOrAfterBusinessDay(ctx, plusDays(d, 1));
  return d;
}

/** A minute of the day for desk work: mostly inside 09:00-18:00, some early or late. */
export function workMinute(ctx: SimContext): number {
  const r = ctx.rnd.next();
  if (r < 0.05) return ctx.rnd.int(7 * 60 + 30, 9 * 60 - 1);
  if (r < 0.09) return ctx.rnd.int(18 * 60, 20 * 60 + 30);
  return ctx.rnd.int(9 * 60, 18 * 60 - 5);
}

/** Counts an activity into a rep's day. */
export function addLoad(ctx: SimContext, userId: number, date: string, n = 1): void {
  let days = ctx.load.get(userId);
  if (!days) {
    days = new Map();
    ctx.load.set(userId, days);
  }
  days.set(date, (days.get(date) ?? 0) + n);
}

/** Activities already planned for a rep on a day. */
export function loadOn(ctx: SimContext, userId: number, date: string): number {
  return ctx.load.get(userId)?.get(date) ?? 0;
}

/** True when the local date lies inside the generated window. */
export function inWindow(ctx: SimContext, date: string): boolean {
  return date >= ctx.start && date <= ctx.until;
}
