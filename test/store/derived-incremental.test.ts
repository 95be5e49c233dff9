import { sql } from 'kysely';
import { beforeEach, expect, it } from 'vitest';
import type { Db } from '../../src/store/db.ts';
import { DEFAULT_FORECAST_CHECKPOINT, DEFAULT_FORECAST_METHOD } from '../../src/domain/metrics/query.ts';
import { refreshDerived } from '../../src/store/derived/refresh.ts';
import { activitiesSource } from '../../src/store/queries/metrics/sources/activities.ts';
import { rebuiltRollupRows, rollupRows } from '../support/rollup-rows.ts';
import { describeStores, truncateAll } from '../support/stores.ts';
import { user } from '../metrics/fixtures.ts';

/*
 * The incremental refresh (addedActivityIds, src/store/derived/added-touches.ts) must leave exactly what a full
 * recompute leaves. Each round applies random inserts, updates and deletes the way a writer would report them
 * (inserted rows as added ids; updated rows as changed ids plus their people before; deleted rows as their people),
 * refreshes incrementally, snapshots every derived column, then runs { all: true } and compares. The per-row
 * signals of migration 0041 (repeat_touch, held_meeting_before) are also compared, row by row, with the metrics
 * engine's raw definitions of them (the activities source's columns), which read no stored flag.
 */

/** mulberry32: a seeded generator, so a failing seed can be replayed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TYPES = ['call', 'email', 'meeting', 'linkedin', 'other'] as const;

interface World {
  rnd: () => number;
  contacts: number[];
  leads: number[];
  /** Two reps, and null (a row without a rep is never a repeat touch). */
  users: (number | null)[];
}

const pick = <T>(w: World, xs: readonly T[]): T => xs[Math.floor(w.rnd() * xs.length)]!;

/** Few distinct instants, so ties in time are common; Monday 2026-11-02 on, business hours and not. */
function instant(w: World): string {
  const day = Math.floor(w.rnd() * 6);
  const hour = pick(w, [7, 9, 9, 12, 17, 20]);
  return new Date(Date.UTC(2026, 10, 2 + day, hour, 0, 0)).toISOString();
}

/** Contact only, lead only, both (the contact wins), or neither. */
function people(w: World): { contact_id: number | null; lead_id: number | null } {
  const r = w.rnd();
  if (r < 0.5) return { contact_id: pick(w, w.contacts), lead_id: null };
  if (r < 0.8) return { contact_id: null, lead_id: pick(w, w.leads) };
  if (r < 0.93) return { contact_id: pick(w, w.contacts), lead_id: pick(w, w.leads) };
  return { contact_id: null, lead_id: null };
}

/** Some rows are only scheduled (plans, no touches); a rewritten row may become done or planned. */
function activityRow(w: World) {
  return {
    type: pick(w, TYPES),
    direction: w.rnd() < 0.7 ? ('outbound' as const) : ('inbound' as const),
    // Held meetings (some other types with 'held' too, which are no meetings) move held_meeting_before.
    outcome: w.rnd() < 0.2 ? ('scheduled' as const) : w.rnd() < 0.4 ? ('held' as const) : null,
    user_id: pick(w, w.users),
    ...people(w),
    occurred_at: instant(w),
    // Keys of the count rollups (0042): no duration, under 10 s, exactly 10 s; typed in or not.
    duration_seconds: pick(w, [null, 5, 10, 60]),
    logged_via: pick(w, [null, 'quick_log', 'api', 'import'] as const),
  };
}

/** An outbound e-mail of the first rep at `hour` on 2026-11-03. */
function touchOf(w: World, hour: number) {
  return {
    type: 'email' as const,
    direction: 'outbound' as const,
    user_id: w.users[0]!,
    occurred_at: new Date(Date.UTC(2026, 10, 3, hour, 0, 0)).toISOString(),
  };
}

async function insertActivities(db: Db, w: World, n: number): Promise<number[]> {
  if (n === 0) return [];
  const rows = Array.from({ length: n }, () => activityRow(w));
  const r = await db.insertInto('activities').values(rows).returning('id').execute();
  return r.map((x) => Number(x.id));
}

async function seedWorld(db: Db, seed: number): Promise<World> {
  const w: World = { rnd: random(seed), contacts: [], leads: [], users: [] };
  w.users = [await user(db, 'Ann'), await user(db, 'Bob'), null];
  const cs = await db
    .insertInto('contacts')
    .values(Array.from({ length: 12 }, (_, i) => ({ name: `c${i}` })))
    .returning('id')
    .execute();
  w.contacts = cs.map((c) => Number(c.id));
  // Some leads converted, several to the same contact.
  const ls = await db
    .insertInto('leads')
    .values(
      Array.from({ length: 10 }, (_, i) => ({
        name: `l${i}`,
        created_at: instant(w),
        converted_contact_id: i % 3 === 0 ? w.contacts[i % 4]! : null,
      })),
    )
    .returning('id')
    .execute();
  w.leads = ls.map((l) => Number(l.id));
  await insertActivities(db, w, 60);
  // A rep's busy day with one contact and one lead: repeat touches from the start.
  await db
    .insertInto('activities')
    .values(
      [9, 10, 11, 12, 13].flatMap((h) => [
        { ...touchOf(w, h), contact_id: w.contacts[0]! },
        { ...touchOf(w, h), lead_id: w.leads[1]! },
      ]),
    )
    .execute();
  await refreshDerived(db, { all: true });
  return w;
}

/** Every derived column, in a stable order. */
async function snapshot(db: Db): Promise<unknown> {
  const flags =
    await sql`select id, is_new_prospect, repeat_touch, held_meeting_before from activities order by id`.execute(
      db,
    );
  const contacts = await sql`select id, first_touch_at from contacts order by id`.execute(db);
  const leads =
    await sql`select id, first_touch_at, first_response_at, response_business_minutes, sla_deadline_at
    from leads order by id`.execute(db);
  return { flags: flags.rows, contacts: contacts.rows, leads: leads.rows };
}

/** The signals as the metrics engine computes them from the raw rows (no stored flag), per activity. */
async function rawSignals(db: Db): Promise<unknown> {
  const ctx = {
    from: '2026-01-01',
    toExclusive: '2027-01-01',
    timeZone: 'UTC',
    currency: 'USD',
    followUpTarget: 5,
    businessMinutes: 0,
    quotaGoals: [],
    now: new Date('2026-12-01T00:00:00Z'),
    forecastMethod: DEFAULT_FORECAST_METHOD,
    forecastCheckpoint: DEFAULT_FORECAST_CHECKPOINT,
  };
  const cols = activitiesSource.columns(ctx);
  const r = await sql`select a.id, coalesce(${cols.integrity_repeat_touch}, false) as repeat_touch,
      coalesce(${cols.held_meeting_before}, false) as held_meeting_before
    from ${activitiesSource.from(ctx)} order by a.id`.execute(db);
  return r.rows;
}

async function storedSignals(db: Db): Promise<unknown> {
  return (await sql`select id, repeat_touch, held_meeting_before from activities order by id`.execute(db))
    .rows;
}

interface Change {
  added: number[];
  changed: number[];
  contactIds: Set<number>;
  leadIds: Set<number>;
}

function noteOld(change: Change, row: { contact_id: number | null; lead_id: number | null }): void {
  if (row.contact_id !== null) change.contactIds.add(Number(row.contact_id));
  if (row.lead_id !== null) change.leadIds.add(Number(row.lead_id));
}

/** One round of writes: inserts (some backdated before everything), updates, deletes, a lead change. */
async function randomWrites(db: Db, w: World): Promise<Change> {
  const change: Change = { added: [], changed: [], contactIds: new Set(), leadIds: new Set() };
  change.added = await insertActivities(db, w, Math.floor(w.rnd() * 8));
  if (w.rnd() < 0.4) {
    // Backdated: earlier than any instant so far, so it takes the first touch from a flagged row.
    const r = await db
      .insertInto('activities')
      .values({ ...activityRow(w), direction: 'outbound', occurred_at: '2026-10-30T09:00:00.000Z' })
      .returning('id')
      .executeTakeFirstOrThrow();
    change.added.push(Number(r.id));
  }
  const existing = await db
    .selectFrom('activities')
    .select(['id', 'contact_id', 'lead_id', 'is_new_prospect'])
    .where('id', 'not in', change.added.length > 0 ? change.added : [0])
    .orderBy('id')
    .execute();
  // Flagged rows are picked more often: moving or deleting a first touch is the hard case.
  const chosen = existing.filter((a) => w.rnd() < (a.is_new_prospect ? 0.3 : 0.06));
  for (const a of chosen) {
    noteOld(change, a);
    const r = w.rnd();
    if (r < 0.35) {
      await db.deleteFrom('activities').where('id', '=', a.id).execute();
      continue;
    }
    const next = r < 0.6 ? { occurred_at: instant(w) } : r < 0.8 ? people(w) : activityRow(w);
    await db.updateTable('activities').set(next).where('id', '=', a.id).execute();
    change.changed.push(a.id);
  }
  if (w.rnd() < 0.3) {
    // A lead is (re)converted or its arrival moves: the lead and both contacts are recomputed in full.
    const l = pick(w, w.leads);
    const before = await db
      .selectFrom('leads')
      .select('converted_contact_id')
      .where('id', '=', l)
      .executeTakeFirstOrThrow();
    const converted = w.rnd() < 0.5 ? pick(w, w.contacts) : null;
    await db
      .updateTable('leads')
      .set({ converted_contact_id: converted, created_at: instant(w) })
      .where('id', '=', l)
      .execute();
    change.leadIds.add(l);
    if (before.converted_contact_id !== null) change.contactIds.add(Number(before.converted_contact_id));
    if (converted !== null) change.contactIds.add(converted);
  }
  return change;
}

describeStores('incremental derived refresh', (ctx) => {
  beforeEach(async () => {
    await truncateAll(ctx.db);
  });

  for (const seed of [1, 2, 3, 4, 5, 6]) {
    it(`equals a full recompute after random inserts, updates and deletes (seed ${seed})`, async () => {
      const w = await seedWorld(ctx.db, seed);
      let changedSomething = 0;
      let flaggedRounds = 0;
      for (let round = 0; round < 12; round++) {
        const change = await randomWrites(ctx.db, w);
        const before = await snapshot(ctx.db);
        await refreshDerived(ctx.db, {
          addedActivityIds: change.added,
          changedActivityIds: change.changed,
          contactIds: [...change.contactIds],
          leadIds: [...change.leadIds],
        });
        const incremental = await snapshot(ctx.db);
        if (JSON.stringify(incremental) !== JSON.stringify(before)) changedSomething += 1;
        const stored = await storedSignals(ctx.db);
        expect(stored, `seed ${seed}, round ${round}: raw`).toEqual(await rawSignals(ctx.db));
        const rows = stored as { repeat_touch: boolean; held_meeting_before: boolean }[];
        if (rows.some((r) => r.repeat_touch) && rows.some((r) => r.held_meeting_before)) flaggedRounds += 1;
        await refreshDerived(ctx.db, { all: true });
        expect(incremental, `seed ${seed}, round ${round}`).toEqual(await snapshot(ctx.db));
      }
      // The rollup update triggers skip rows whose keys did not change (0042): after every round's writes and
      // flag updates, the count, people and meeting tables still equal a rebuild from the rows.
      expect(await rollupRows(ctx.db), `seed ${seed}: rollups`).toEqual(await rebuiltRollupRows(ctx.db));
      // The rounds really moved derived values (not a comparison of two untouched stores).
      expect(changedSomething).toBeGreaterThan(3);
      // And the signals were really exercised: rows flagged either way in several rounds.
      expect(flaggedRounds).toBeGreaterThan(1);
      // 12 rounds of writes, refreshes and raw checks: 12-20 s each on a loaded 2-core machine.
    }, 90_000);
  }

  it('updates only from the added rows: a backdated insert moves the flag, first touch and response', async () => {
    const [c] = await ctx.db.insertInto('contacts').values({ name: 'Ada' }).returning('id').execute();
    const contact = Number(c!.id);
    const [l] = await ctx.db
      .insertInto('leads')
      .values({ name: 'Ada lead', created_at: '2026-11-02T08:00:00Z', converted_contact_id: contact })
      .returning('id')
      .execute();
    const lead = Number(l!.id);
    const [late] = await ctx.db
      .insertInto('activities')
      .values({
        type: 'call',
        direction: 'outbound',
        contact_id: contact,
        occurred_at: '2026-11-04T10:00:00Z',
      })
      .returning('id')
      .execute();
    await refreshDerived(ctx.db, { all: true });
    const [early] = await ctx.db
      .insertInto('activities')
      .values({ type: 'email', direction: 'outbound', lead_id: lead, occurred_at: '2026-11-02T09:00:00Z' })
      .returning('id')
      .execute();
    await refreshDerived(ctx.db, { addedActivityIds: [Number(early!.id)] });
    const flags = await ctx.db
      .selectFrom('activities')
      .select(['id', 'is_new_prospect'])
      .orderBy('id')
      .execute();
    expect(flags).toEqual([
      { id: late!.id, is_new_prospect: false },
      { id: early!.id, is_new_prospect: true },
    ]);
    const leadRow = await ctx.db
      .selectFrom('leads')
      .select(['first_touch_at', 'first_response_at', 'response_business_minutes'])
      .executeTakeFirstOrThrow();
    expect(leadRow.first_touch_at?.toISOString()).toBe('2026-11-02T09:00:00.000Z');
    expect(leadRow.first_response_at?.toISOString()).toBe('2026-11-02T09:00:00.000Z');
    // Created Monday 08:00, answered 09:00, hours 09:00-18:00: no business minutes in between.
    expect(leadRow.response_business_minutes).toBe(0);
  });

  it('falls back to the full recompute for a person whose stored flag is missing', async () => {
    const [c] = await ctx.db.insertInto('contacts').values({ name: 'Stale' }).returning('id').execute();
    const contact = Number(c!.id);
    const rows = await ctx.db
      .insertInto('activities')
      .values([
        { type: 'call', direction: 'outbound', contact_id: contact, occurred_at: '2026-11-04T10:00:00Z' },
        { type: 'call', direction: 'outbound', contact_id: contact, occurred_at: '2026-11-05T10:00:00Z' },
      ])
      .returning('id')
      .execute();
    await refreshDerived(ctx.db, { all: true });
    // Stale state: the first touch lost its flag (as if a writer had skipped the refresh).
    await ctx.db.updateTable('activities').set({ is_new_prospect: false }).execute();
    const [tie] = await ctx.db
      .insertInto('activities')
      .values({
        type: 'call',
        direction: 'outbound',
        contact_id: contact,
        occurred_at: '2026-11-04T10:00:00Z',
      })
      .returning('id')
      .execute();
    await refreshDerived(ctx.db, { addedActivityIds: [Number(tie!.id)] });
    // The tie goes to the lower id, the original first touch, which only a full recompute could find again.
    const flagged = await ctx.db
      .selectFrom('activities')
      .select('id')
      .where('is_new_prospect', '=', true)
      .execute();
    expect(flagged).toEqual([{ id: rows[0]!.id }]);
  });
});
