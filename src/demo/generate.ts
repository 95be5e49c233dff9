import type { BusinessCalendar } from '../domain/calendar/business-time.ts';
import { plusDays } from './dates.ts';
import { seededRandom } from '../domain/random/seeded-random.ts';
import { emptyDataset, type DemoDataset } from './dataset.ts';
import { prefillDerived, type LeadSlaRule } from './derived-prefill.ts';
import { demoStartDate, type DemoOptions } from './options.ts';
import { buildOrg, type RepProfile } from './org.ts';
import { createContext, isWorkday, loadOn, type SimContext, type StageIds } from './sim/context.ts';
import { buildAcquisitionCosts } from './sim/costs.ts';
import { customerLifecycles } from './sim/customers.ts';
import { buildGoals } from './sim/goals.ts';
import { simulateLeadsForDay } from './sim/leads.ts';
import { addLeadScoringData } from './sim/lead-engagement.ts';
import { openingCustomers, openingPipeline } from './sim/opening.ts';
import { startProspect } from './sim/prospecting.ts';
import { dailyTouchTarget, rampFactor } from './sim/rates.ts';
import { logEmail } from './sim/records.ts';
import { padActivity } from './padder.ts';
import { DEMO_LOCALE_SPECS, localMinor } from './locales.ts';
import { useNameLocale } from './names.ts';
import { addBookingTimes, logNonSellingTime } from './work-time.ts';
import { scaleMoney } from './scale-money.ts';

/** What the generator needs from the store: the calendar it simulates on and the pipeline's stage ids. */
export interface GenerateInput {
  options: DemoOptions;
  cal: BusinessCalendar;
  stages: StageIds;
  currency: string;
  fiscalYearStartMonth: number;
  /** The workspace's lead SLA, for the prefilled leads.sla_deadline_at. */
  leadSla: LeadSlaRule;
  /** One argon2 hash of the demo password, shared by every demo user. */
  passwordHash: string;
  /** false leaves out the padding rep's extra rows (src/demo/padder.ts); tests compare with and without. */
  pad?: boolean;
}

/** The generated rows plus the rep profiles behind them (tests use the trends). */
export interface GeneratedDemo {
  dataset: DemoDataset;
  reps: RepProfile[];
  start: string;
}

/** Weekend and holiday e-mails: a few reps clear their inbox, replying to recent prospects. */
function offDayEmails(ctx: SimContext, rep: RepProfile, date: string): void {
  if (!ctx.rnd.chance(0.15)) return;
  // The rep's contacts among the 300 most recent, oldest first.
  const contacts = ctx.ds.contacts;
  const recent: number[] = [];
  for (let id = Math.max(1, contacts.length - 299); id <= contacts.length; id += 1)
    if (contacts.ownerOf(id) === rep.userId) recent.push(id);
  if (recent.length === 0) return;
  for (let n = ctx.rnd.int(1, 4); n > 0; n -= 1) {
    const contactId = ctx.rnd.pick(recent);
    logEmail(ctx, rep, date, ctx.rnd.int(10 * 60, 22 * 60), {
      contactId,
      accountId: contacts.accountOf(contactId),
    });
  }
}

/**
 * Activities per rep and month the activity log is sized for: the simulation logged 757-765 per rep-month at 50
 * and 200 reps x 24 months (seed 42, en); the margin keeps other seeds, windows and locales from a late growth
 * of the log (which costs a copy of it, see ActivityLog), and unwritten slots cost no resident memory.
 */
const ACTIVITIES_PER_REP_MONTH = 850;

/** The activity log's expected size for these options. */
function expectedActivities(options: DemoOptions): number {
  return options.reps * options.months * ACTIVITIES_PER_REP_MONTH;
}

/**
 * Generates the whole demo in memory, deterministically from the options: the organisation, customers and
 * pipeline that predate the window, then day by day the leads (every day, around the clock) and each rep's
 * prospecting (business days, filling the day up to the rep's touch target after planned follow-ups), and
 * finally renewals, upsells, churn, quotas and costs.
 */
export function generateDemo(input: GenerateInput): GeneratedDemo {
  const { options } = input;
  const locale = DEMO_LOCALE_SPECS[options.locale ?? 'en'];
  useNameLocale(options.locale ?? 'en');
  const rnd = seededRandom(options.seed);
  const start = demoStartDate(options);
  const ds = emptyDataset(expectedActivities(options));
  const reps = buildOrg(rnd, ds, {
    reps: options.reps,
    start,
    until: options.until,
    passwordHash: input.passwordHash,
  });
  const ctx = createContext({
    rnd,
    start,
    until: options.until,
    cal: input.cal,
    currency: input.currency,
    fiscalYearStartMonth: input.fiscalYearStartMonth,
    stages: input.stages,
    ds,
    reps,
    offDayWork: locale.offDayWork,
  });
  openingCustomers(ctx);
  openingPipeline(ctx);
  for (let d = start; d <= options.until; d = plusDays(d, 1)) {
    simulateLeadsForDay(ctx, d);
    const businessDay = isWorkday(ctx, d);
    for (const rep of reps) {
      if (rampFactor(rep, d) === 0) continue;
      if (!businessDay) {
        if (locale.offDayWork) offDayEmails(ctx, rep, d);
        continue;
      }
      const fill = dailyTouchTarget(ctx, rep, d) - loadOn(ctx, rep.userId, d);
      for (let i = 0; i < fill; i += 1) startProspect(ctx, rep, d);
    }
  }
  customerLifecycles(ctx);
  buildGoals(ctx);
  buildAcquisitionCosts(ctx);
  // One rep pads activity for the integrity view (issue 18), from its own seeded source: nobody else's rows change.
  if (input.pad !== false) padActivity(ds, reps, input.cal, options.seed);
  // Issue 18: when meetings were set, and the non-selling time reps log; own seeded sources as well.
  addBookingTimes(ds.activities, input.cal, options.seed);
  logNonSellingTime(ds.activities, reps, input.cal, { start, until: options.until, seed: options.seed });
  // Issue 19: the simulation runs in dollars (its win drivers read deal sizes); amounts go local once, here.
  scaleMoney(ds, (m) => localMinor(m, locale.moneyFactor));
  // Chronological rows make index inserts append-mostly (cheaper) and read naturally in the tables.
  ds.activities.sortByTime();
  // Fit attributes and engagement events from their own seeded source: the data above is unchanged by them.
  ds.leadEvents = addLeadScoringData(ds, options.seed, new Date(`${options.until}T00:00:00Z`));
  prefillDerived(ds, input.cal, input.leadSla);
  return { dataset: ds, reps, start };
}
