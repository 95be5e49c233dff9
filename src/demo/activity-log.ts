import type { ActivityOutcome, ActivityType } from '../store/schema.ts';
import { isoInstant, Vocabulary } from './columnar.ts';

type ActivityDirection = 'outbound' | 'inbound';

/** One activity as the simulation logs it: ids are the generator's, null when the activity has no such link. */
export interface LoggedActivity {
  type: ActivityType;
  direction: ActivityDirection;
  outcome: ActivityOutcome | null;
  durationSeconds: number | null;
  userId: number;
  leadId: number | null;
  contactId: number | null;
  accountId: number | null;
  opportunityId: number | null;
  subject: string | null;
  /** Epoch milliseconds. */
  occurredAt: number;
  /** How the row was written (activities.logged_via): 'demo' unless a demo rep types it in (src/demo/padder.ts). */
  loggedVia?: 'demo' | 'quick_log';
  /** When the row was written (epoch ms); default occurredAt, as if logged as it happened. */
  createdAt?: number;
  /** activities.time_category (issue 18): only the demo's non-selling time rows set it (src/demo/work-time.ts). */
  timeCategory?: string | null;
  /** activities.booked_at (epoch ms): when a meeting was set (src/demo/work-time.ts); null otherwise. */
  bookedAt?: number | null;
}

/** An activity row as it is written, in ACTIVITY_COLUMNS order (see columns.ts). */
export type ActivityRow = [
  type: string,
  direction: string,
  outcome: string | null,
  duration_seconds: number | null,
  user_id: number,
  lead_id: number | null,
  contact_id: number | null,
  account_id: number | null,
  opportunity_id: number | null,
  subject: string | null,
  occurred_at: Date,
  is_new_prospect: boolean,
  logged_via: string,
  created_at: Date,
  time_category: string | null,
  booked_at: Date | null,
  held_meeting_before: boolean,
];

const NO_DURATION = -1;

const FIRST_CAPACITY = 1 << 14;
/** How far past its expected size the log grows when the expectation was short (a doubling, when it had none). */
const GROWTH_PAST_EXPECTED = 1.25;

/**
 * The demo's activities held column-wise in typed arrays, about 40 bytes an activity, instead of one object
 * with a Date each (about 200): the 200-rep demo logs 3.2M of them, and they must all be held until the end,
 * because later simulation steps (renewals, upsells, opportunities closing months later) still add activities
 * on earlier days, and the table's ids follow time order over the whole window (see sortByTime).
 */
export class ActivityLog {
  private size = 0;
  private capacity: number;
  private readonly sized: boolean;
  private readonly strings = {
    type: new Vocabulary(),
    direction: new Vocabulary(),
    outcome: new Vocabulary(),
    subject: new Vocabulary(),
    category: new Vocabulary(),
  };
  private type: Uint16Array;
  private direction: Uint16Array;
  private outcome: Uint16Array;
  private subject: Uint16Array;
  private duration: Int32Array;
  // Ids: 0 stands for null (the generator numbers every table from 1).
  private user: Int32Array;
  private lead: Int32Array;
  private contact: Int32Array;
  private account: Int32Array;
  private opportunity: Int32Array;
  private time: Float64Array;
  /** logged_via: 0 demo, 1 quick_log. */
  private via: Uint8Array;
  /** created_at (epoch ms), 0 for "as occurred_at". */
  private created: Float64Array;
  /** time_category code (0 null). */
  private category: Uint16Array;
  /** booked_at (epoch ms), NaN for null (0 is a real instant); push writes every slot it fills. */
  private booked: Float64Array;
  /** Logged positions in time order (ties in logging order); identity until sortByTime. */
  private order: Uint32Array | null = null;
  /** activities.is_new_prospect per logged position, filled by the derived prefill. */
  newProspect: Uint8Array;
  /** activities.held_meeting_before (migration 0041) per logged position, filled by the derived prefill. */
  heldBefore: Uint8Array;

  /**
   * `expected`: how many activities the caller expects (the generator estimates it from reps x months). The
   * columns are sized for it once: doubling them as they fill held the old and the new columns at once, about
   * 380 MB at the last doubling of the 200-rep demo's log for 220 MB of activities. Pages of a column past its
   * last activity are never written, so an estimate a little high costs address space, not resident memory.
   */
  constructor(expected = 0) {
    this.sized = expected > 0;
    this.capacity = Math.max(FIRST_CAPACITY, Math.ceil(expected));
    this.type = new Uint16Array(this.capacity);
    this.direction = new Uint16Array(this.capacity);
    this.outcome = new Uint16Array(this.capacity);
    this.subject = new Uint16Array(this.capacity);
    this.duration = new Int32Array(this.capacity);
    this.user = new Int32Array(this.capacity);
    this.lead = new Int32Array(this.capacity);
    this.contact = new Int32Array(this.capacity);
    this.account = new Int32Array(this.capacity);
    this.opportunity = new Int32Array(this.capacity);
    this.time = new Float64Array(this.capacity);
    this.via = new Uint8Array(this.capacity);
    this.created = new Float64Array(this.capacity);
    this.category = new Uint16Array(this.capacity);
    this.booked = new Float64Array(this.capacity);
    this.newProspect = new Uint8Array(this.capacity);
    this.heldBefore = new Uint8Array(this.capacity);
  }

  get length(): number {
    return this.size;
  }

  private grow(): void {
    const capacity = this.sized ? Math.ceil(this.capacity * GROWTH_PAST_EXPECTED) : this.capacity * 2;
    const widen = <T extends Uint16Array | Int32Array | Float64Array | Uint8Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(capacity);
      b.set(a);
      return b;
    };
    this.type = widen(this.type);
    this.direction = widen(this.direction);
    this.outcome = widen(this.outcome);
    this.subject = widen(this.subject);
    this.duration = widen(this.duration);
    this.user = widen(this.user);
    this.lead = widen(this.lead);
    this.contact = widen(this.contact);
    this.account = widen(this.account);
    this.opportunity = widen(this.opportunity);
    this.time = widen(this.time);
    this.via = widen(this.via);
    this.created = widen(this.created);
    this.category = widen(this.category);
    this.booked = widen(this.booked);
    this.newProspect = widen(this.newProspect);
    this.heldBefore = widen(this.heldBefore);
    this.capacity = capacity;
  }

  push(a: LoggedActivity): void {
    if (this.order) throw new Error('the activity log is sealed once sorted');
    if (this.size === this.capacity) this.grow();
    const i = this.size;
    this.type[i] = this.strings.type.code(a.type);
    this.direction[i] = this.strings.direction.code(a.direction);
    this.outcome[i] = this.strings.outcome.code(a.outcome);
    this.subject[i] = this.strings.subject.code(a.subject);
    this.duration[i] = a.durationSeconds ?? NO_DURATION;
    this.user[i] = a.userId;
    this.lead[i] = a.leadId ?? 0;
    this.contact[i] = a.contactId ?? 0;
    this.account[i] = a.accountId ?? 0;
    this.opportunity[i] = a.opportunityId ?? 0;
    this.time[i] = a.occurredAt;
    this.via[i] = a.loggedVia === 'quick_log' ? 1 : 0;
    this.created[i] = a.createdAt ?? 0;
    this.category[i] = this.strings.category.code(a.timeCategory ?? null);
    this.booked[i] = a.bookedAt ?? NaN;
    this.size = i + 1;
  }

  /**
   * Puts the activities in time order, ties in logging order (what a stable sort of the rows by occurred_at
   * gave before): the order they are written in, so ids follow time and index inserts are append-mostly.
   * Sorts one float per activity natively: the minute (every logged instant is a whole minute) times 2^k plus
   * the position, both exact in a double; any other instant falls back to a comparison sort.
   */
  sortByTime(): void {
    const n = this.size;
    const order = new Uint32Array(n);
    let lo = Infinity;
    let hi = -Infinity;
    let wholeMinutes = true;
    for (let i = 0; i < n; i += 1) {
      const t = this.time[i] as number;
      if (t < lo) lo = t;
      if (t > hi) hi = t;
      if (t % 60_000 !== 0) wholeMinutes = false;
    }
    const slots = 2 ** Math.ceil(Math.log2(n + 1));
    if (n > 0 && wholeMinutes && ((hi - lo) / 60_000 + 1) * slots < Number.MAX_SAFE_INTEGER) {
      const keys = new Float64Array(n);
      for (let i = 0; i < n; i += 1) keys[i] = (((this.time[i] as number) - lo) / 60_000) * slots + i;
      keys.sort();
      for (let k = 0; k < n; k += 1) order[k] = (keys[k] as number) % slots;
    } else {
      for (let i = 0; i < n; i += 1) order[i] = i;
      order.sort((a, b) => (this.time[a] as number) - (this.time[b] as number) || a - b);
    }
    this.order = order;
  }

  /** Logged positions in write order. */
  private positions(): Uint32Array {
    if (this.order) return this.order;
    const identity = new Uint32Array(this.size);
    for (let i = 0; i < this.size; i += 1) identity[i] = i;
    return identity;
  }

  /** Calls `visit` with each activity's logged position, in write order (time order once sorted). */
  forEachInOrder(visit: (position: number) => void): void {
    for (const i of this.positions()) visit(i);
  }

  /**
   * Whether the activity at a logged position counts as a touch: outbound, or a meeting, and not only scheduled (a
   * plan is no work; see docs/metrics.md).
   */
  isTouchAt(i: number): boolean {
    return (
      (this.strings.direction.words[this.direction[i] as number] === 'outbound' ||
        this.strings.type.words[this.type[i] as number] === 'meeting') &&
      this.strings.outcome.words[this.outcome[i] as number] !== 'scheduled'
    );
  }

  /** Whether the activity at a logged position is outbound. */
  isOutboundAt(i: number): boolean {
    return this.strings.direction.words[this.direction[i] as number] === 'outbound';
  }

  /** Whether the activity at a logged position is a meeting that was held. */
  isHeldMeetingAt(i: number): boolean {
    return this.isMeetingAt(i) && this.strings.outcome.words[this.outcome[i] as number] === 'held';
  }

  /** Whether the activity at a logged position is a meeting. */
  isMeetingAt(i: number): boolean {
    return this.strings.type.words[this.type[i] as number] === 'meeting';
  }

  /** Sets booked_at (epoch ms) of the activity at a logged position (a meeting; src/demo/work-time.ts). */
  setBookedAt(i: number, ms: number): void {
    this.booked[i] = ms;
  }

  /** The user id at a logged position. */
  userAt(i: number): number {
    return this.user[i] as number;
  }

  /** The contact id at a logged position, 0 for none. */
  contactAt(i: number): number {
    return this.contact[i] as number;
  }

  /** The lead id at a logged position, 0 for none. */
  leadAt(i: number): number {
    return this.lead[i] as number;
  }

  /** occurred_at (epoch ms) at a logged position. */
  timeAt(i: number): number {
    return this.time[i] as number;
  }

  /** The activity at a logged position, without is_new_prospect. */
  at(i: number): LoggedActivity {
    const id = (a: Int32Array) => (a[i] === 0 ? null : (a[i] as number));
    const d = this.duration[i] as number;
    return {
      type: this.strings.type.words[this.type[i] as number] as ActivityType,
      direction: this.strings.direction.words[this.direction[i] as number] as ActivityDirection,
      outcome: this.strings.outcome.words[this.outcome[i] as number] as ActivityOutcome | null,
      durationSeconds: d === NO_DURATION ? null : d,
      userId: this.user[i] as number,
      leadId: id(this.lead),
      contactId: id(this.contact),
      accountId: id(this.account),
      opportunityId: id(this.opportunity),
      subject: this.strings.subject.words[this.subject[i] as number] ?? null,
      occurredAt: this.time[i] as number,
      loggedVia: this.via[i] === 1 ? 'quick_log' : 'demo',
      createdAt: (this.created[i] as number) || (this.time[i] as number),
      timeCategory: this.strings.category.words[this.category[i] as number] ?? null,
      bookedAt: Number.isNaN(this.booked[i]) ? null : (this.booked[i] as number),
    };
  }

  /**
   * The rows as COPY text lines in ACTIVITY_COLUMNS order, in write order: exactly what copyLine writes for
   * rows(), built from the columns without an object, a Date or an escape check per row (the generic encoder
   * cost about 10 µs a row, half a minute at 3.2M rows, on PGlite in the same thread as the database).
   */
  *copyLines(): Generator<string> {
    const type = this.strings.type.copyFields();
    const direction = this.strings.direction.copyFields();
    const outcome = this.strings.outcome.copyFields();
    const subject = this.strings.subject.copyFields();
    const category = this.strings.category.copyFields();
    const id = (v: number) => (v === 0 ? '\\N' : String(v));
    for (const i of this.positions()) {
      const d = this.duration[i] as number;
      yield `${type[this.type[i] as number]}\t${direction[this.direction[i] as number]}\t${outcome[this.outcome[i] as number]}\t${
        d === NO_DURATION ? '\\N' : String(d)
      }\t${this.user[i]}\t${id(this.lead[i] as number)}\t${id(this.contact[i] as number)}\t${id(
        this.account[i] as number,
      )}\t${id(this.opportunity[i] as number)}\t${subject[this.subject[i] as number]}\t${isoInstant(
        this.time[i] as number,
      )}\t${this.newProspect[i] === 1 ? 't' : 'f'}\t${this.via[i] === 1 ? 'quick_log' : 'demo'}\t${isoInstant(
        (this.created[i] as number) || (this.time[i] as number),
      )}\t${category[this.category[i] as number]}\t${
        Number.isNaN(this.booked[i]) ? '\\N' : isoInstant(this.booked[i] as number)
      }\t${this.heldBefore[i] === 1 ? 't' : 'f'}\n`;
    }
  }

  /** The rows to write, in write order, each a fresh array in ACTIVITY_COLUMNS order. */
  *rows(): Generator<ActivityRow> {
    for (const i of this.positions()) {
      const a = this.at(i);
      yield [
        a.type,
        a.direction,
        a.outcome,
        a.durationSeconds,
        a.userId,
        a.leadId,
        a.contactId,
        a.accountId,
        a.opportunityId,
        a.subject,
        new Date(a.occurredAt),
        this.newProspect[i] === 1,
        a.loggedVia ?? 'demo',
        new Date(a.createdAt ?? a.occurredAt),
        a.timeCategory ?? null,
        a.bookedAt == null ? null : new Date(a.bookedAt),
        this.heldBefore[i] === 1,
      ];
    }
  }
}
