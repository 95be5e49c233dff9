import { Readable } from 'node:stream';
import { sql, type Kysely } from 'kysely';
import { beforeEach, expect, it } from 'vitest';
import { SYSTEM_VIEWER } from '../../src/domain/access/viewer.ts';
import type { CapturedActivity } from '../../src/domain/capture/captured-activity.ts';
import { runImport } from '../../src/import/run-import.ts';
import type { Db } from '../../src/store/db.ts';
import { refreshDerived } from '../../src/store/derived/refresh.ts';
import { up as migration0036 } from '../../src/store/migrations/0036-scheduled-not-touches.ts';
import { logActivities } from '../../src/store/queries/capture/log-activities.ts';
import { searchContacts } from '../../src/store/queries/contacts/search-contacts.ts';
import { runMetrics } from '../../src/store/queries/metrics/run-metrics.ts';
import { rebuiltRollupRows, rollupRows } from '../support/rollup-rows.ts';
import { describeStores, truncateAll } from '../support/stores.ts';

/*
 * An activity with outcome 'scheduled' is a plan (a quick-log next step, a calendar meeting ahead), not a touch:
 * found when a person reached only by a next step counted as a unique contact, and a next step dated before the
 * real call made the call a follow-up instead of the person's first touch. Checked on every path that writes the
 * derived columns: the full refresh, the API's incremental one, an import, and migration 0036's repair.
 */

const NOW = new Date('2026-11-20T12:00:00Z');

async function contactNamed(db: Db, name: string, ownerId: number): Promise<number> {
  const r = await db
    .insertInto('contacts')
    .values({ name, email: `${name.toLowerCase()}@buyer.test`, owner_id: ownerId })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(r.id);
}

async function firstTouch(db: Db, contactId: number): Promise<string | null> {
  const r = await db
    .selectFrom('contacts')
    .select('first_touch_at')
    .where('id', '=', contactId)
    .executeTakeFirstOrThrow();
  return r.first_touch_at === null ? null : new Date(r.first_touch_at).toISOString();
}

/** The activity of the contact flagged as its new-prospect touch, by outcome and time (none: []). */
async function flagged(db: Db, contactId: number): Promise<string[]> {
  const r = await sql<{ outcome: string | null; occurred_at: Date }>`
    select outcome, occurred_at from activities where contact_id = ${contactId} and is_new_prospect order by id`.execute(
    db,
  );
  return r.rows.map((x) => `${x.outcome ?? '-'} ${new Date(x.occurred_at).toISOString()}`);
}

/** unique_contacts and new_prospects for November, from the raw rows and from the rollups. */
async function people(db: Db): Promise<{ raw: number[]; auto: number[] }> {
  const query = { metricIds: ['unique_contacts', 'new_prospects'], groupBy: 'company' as const };
  const values = async (strategy: 'raw' | 'auto') => {
    const [row] = await runMetrics(
      db,
      SYSTEM_VIEWER,
      { ...query, from: '2026-11-01', to: '2026-11-30' },
      { now: NOW, strategy },
    );
    return [row!.values.unique_contacts!.value, row!.values.new_prospects!.value] as number[];
  };
  return { raw: await values('raw'), auto: await values('auto') };
}

function captured(rep: number, contactId: number, over: Partial<CapturedActivity>): CapturedActivity {
  return {
    externalId: null,
    type: 'call',
    direction: 'outbound',
    outcome: 'connected',
    durationSeconds: null,
    occurredAt: NOW,
    subject: null,
    user: { id: rep },
    contact: { id: contactId },
    leadId: null,
    opportunityId: null,
    accountId: null,
    timeCategory: null,
    bookedAt: null,
    note: null,
    ...over,
  };
}

describeStores('scheduled activities are no touches in the derived columns', (ctx) => {
  let rep = 0;
  beforeEach(async () => {
    await truncateAll(ctx.db);
    const u = await ctx.db
      .insertInto('users')
      .values({ name: 'Ada Rep', email: 'ada@example.test', role: 'rep' })
      .returning('id')
      .executeTakeFirstOrThrow();
    rep = Number(u.id);
  });

  it('a person touched only by scheduled activities is no unique contact and has no first touch (full refresh)', async () => {
    const db = ctx.db;
    const done = await contactNamed(db, 'Done', rep);
    const planned = await contactNamed(db, 'Planned', rep);
    await db
      .insertInto('activities')
      .values([
        {
          user_id: rep,
          type: 'call',
          direction: 'outbound',
          outcome: 'connected',
          contact_id: done,
          occurred_at: '2026-11-03T09:00:00Z',
        },
        // Past and future plans: neither happened.
        {
          user_id: rep,
          type: 'call',
          direction: 'outbound',
          outcome: 'scheduled',
          contact_id: planned,
          occurred_at: '2026-11-04T09:00:00Z',
        },
        {
          user_id: rep,
          type: 'meeting',
          direction: 'outbound',
          outcome: 'scheduled',
          contact_id: planned,
          occurred_at: '2026-11-25T09:00:00Z',
        },
      ])
      .execute();
    await refreshDerived(db, { all: true });
    expect(await firstTouch(db, planned)).toBeNull();
    expect(await flagged(db, planned)).toEqual([]);
    expect(await firstTouch(db, done)).toBe('2026-11-03T09:00:00.000Z');
    expect(await people(db)).toEqual({ raw: [1, 1], auto: [1, 1] });
    // Contact search offers the planned person as a new prospect still.
    const [match] = await searchContacts(db, SYSTEM_VIEWER, 'planned', 5, NOW);
    expect(match).toMatchObject({ id: planned, firstTouchAt: null, nextTouch: 'new_prospect' });
  });

  it('a next step followed by the real call: the call is the new-prospect touch (API writes, incremental)', async () => {
    const db = ctx.db;
    const c = await contactNamed(db, 'Pat', rep);
    // The quick log's shape: a call now and a next step set for a later day.
    const at = new Date('2026-11-05T09:00:00Z');
    await logActivities(
      db,
      SYSTEM_VIEWER,
      [captured(rep, c, { outcome: 'scheduled', occurredAt: new Date('2026-11-10T09:00:00Z') })],
      () => '',
      { createContacts: false, channel: 'api', loggedVia: 'api' },
      at,
    );
    expect(await firstTouch(db, c)).toBeNull();
    expect(await flagged(db, c)).toEqual([]);
    // The real call comes after the planned day (a late follow-through): it is still the first touch.
    const late = await logActivities(
      db,
      SYSTEM_VIEWER,
      [captured(rep, c, { occurredAt: new Date('2026-11-12T09:00:00Z') })],
      () => '',
      { createContacts: false, channel: 'api', loggedVia: 'api' },
      NOW,
    );
    expect(late.activities[0]!.isNewProspect).toBe(true);
    expect(await flagged(db, c)).toEqual(['connected 2026-11-12T09:00:00.000Z']);
    expect(await firstTouch(db, c)).toBe('2026-11-12T09:00:00.000Z');
    expect(await people(db)).toEqual({ raw: [1, 1], auto: [1, 1] });
    const incremental = await snapshot(db);
    await refreshDerived(db, { all: true });
    expect(await snapshot(db)).toEqual(incremental);
  });

  it('a scheduled meeting that is held becomes the first touch (an update by external id)', async () => {
    const db = ctx.db;
    const c = await contactNamed(db, 'Kim', rep);
    const options = { createContacts: false, channel: 'calendar' as const, loggedVia: 'calendar' as const };
    const meeting = (outcome: 'scheduled' | 'held') =>
      captured(rep, c, {
        externalId: 'cal-1',
        type: 'meeting',
        outcome,
        occurredAt: new Date('2026-11-09T15:00:00Z'),
      });
    await logActivities(
      db,
      SYSTEM_VIEWER,
      [meeting('scheduled')],
      () => '',
      options,
      new Date('2026-11-02T09:00:00Z'),
    );
    await logActivities(
      db,
      SYSTEM_VIEWER,
      [captured(rep, c, { occurredAt: new Date('2026-11-11T09:00:00Z') })],
      () => '',
      options,
      NOW,
    );
    expect(await flagged(db, c)).toEqual(['connected 2026-11-11T09:00:00.000Z']);
    const held = await logActivities(db, SYSTEM_VIEWER, [meeting('held')], () => '', options, NOW);
    expect(held.updated).toBe(1);
    expect(await flagged(db, c)).toEqual(['held 2026-11-09T15:00:00.000Z']);
    expect(await firstTouch(db, c)).toBe('2026-11-09T15:00:00.000Z');
    expect(await rollupRows(db)).toEqual(await rebuiltRollupRows(db));
  });

  it('an import: a scheduled row is no first touch of a fresh contact nor of one touched before', async () => {
    const db = ctx.db;
    const pat = await contactNamed(db, 'Pat Buyer', rep);
    const sam = await contactNamed(db, 'Sam Client', rep);
    await db
      .insertInto('activities')
      .values({
        user_id: rep,
        type: 'email',
        direction: 'outbound',
        outcome: 'sent',
        contact_id: sam,
        occurred_at: '2026-11-10T09:00:00Z',
      })
      .execute();
    await refreshDerived(db, { all: true });
    const text = [
      'Record ID,Activity type,Activity date,Activity assigned to,Subject,Associated Contact,Call outcome',
      'act-1,CALL,2026-11-02 09:00,Ada Rep,plan,Pat Buyer,Scheduled',
      'act-2,CALL,2026-11-05 09:00,Ada Rep,call,Pat Buyer,Connected',
      'act-3,CALL,2026-11-03 09:00,Ada Rep,plan,Sam Client,Scheduled',
    ].join('\n');
    await runImport(db, SYSTEM_VIEWER, {
      fileName: 'activities.csv',
      input: Readable.from([text + '\n']),
      source: 'hubspot',
      entity: 'activities',
    });
    expect(await flagged(db, pat)).toEqual(['connected 2026-11-05T09:00:00.000Z']);
    expect(await firstTouch(db, pat)).toBe('2026-11-05T09:00:00.000Z');
    expect(await flagged(db, sam)).toEqual(['sent 2026-11-10T09:00:00.000Z']);
    expect(await firstTouch(db, sam)).toBe('2026-11-10T09:00:00.000Z');
    const imported = await snapshot(db);
    await refreshDerived(db, { all: true });
    expect(await snapshot(db)).toEqual(imported);
  });

  it('migration 0036 repairs flags, first touches, first responses and the touch counters a scheduled row held', async () => {
    const db = ctx.db;
    const c = await contactNamed(db, 'Lee', rep);
    const lead = await db
      .insertInto('leads')
      .values({ name: 'Lee lead', created_at: '2026-11-02T08:00:00Z' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const plan = await db
      .insertInto('activities')
      .values([
        {
          user_id: rep,
          type: 'call',
          direction: 'outbound',
          outcome: 'scheduled',
          contact_id: c,
          occurred_at: '2026-11-03T09:00:00Z',
        },
        {
          user_id: rep,
          type: 'call',
          direction: 'outbound',
          outcome: 'connected',
          contact_id: c,
          occurred_at: '2026-11-06T09:00:00Z',
        },
        {
          user_id: rep,
          type: 'email',
          direction: 'outbound',
          outcome: 'scheduled',
          lead_id: lead.id,
          occurred_at: '2026-11-02T09:00:00Z',
        },
        {
          user_id: rep,
          type: 'email',
          direction: 'outbound',
          outcome: 'sent',
          lead_id: lead.id,
          occurred_at: '2026-11-04T09:00:00Z',
        },
      ])
      .returning('id')
      .execute();
    await refreshDerived(db, { all: true });
    const repaired = await snapshot(db);
    // The store as the old rule left it: the plans flagged and first, counted as touches in the rollup.
    await sql`update activities set is_new_prospect = (outcome = 'scheduled')
      where id = any(${plan.map((p) => Number(p.id))})`.execute(db);
    await sql`update contacts set first_touch_at = '2026-11-03T09:00:00Z' where id = ${c}`.execute(db);
    await sql`update leads set first_touch_at = '2026-11-02T09:00:00Z', first_response_at = '2026-11-02T09:00:00Z',
      response_business_minutes = 60 where id = ${lead.id}`.execute(db);
    await sql`update activity_month_people set touches = touches + 1
      where contact_id = ${c} or lead_id = ${lead.id}`.execute(db);
    expect(await snapshot(db)).not.toEqual(repaired);
    await migration0036(db as unknown as Kysely<unknown>);
    expect(await snapshot(db)).toEqual(repaired);
    expect(await rollupRows(db)).toEqual(await rebuiltRollupRows(db));
    const l = await db
      .selectFrom('leads')
      .select(['first_response_at', 'response_business_minutes'])
      .where('id', '=', lead.id)
      .executeTakeFirstOrThrow();
    expect(new Date(l.first_response_at!).toISOString()).toBe('2026-11-04T09:00:00.000Z');
    expect(l.response_business_minutes).toBeGreaterThan(60);
  });
});

/** Every derived column, in a stable order. */
async function snapshot(db: Db): Promise<unknown> {
  const flags = await sql`select id, is_new_prospect from activities order by id`.execute(db);
  const contacts = await sql`select id, first_touch_at from contacts order by id`.execute(db);
  const leads =
    await sql`select id, first_touch_at, first_response_at, response_business_minutes, sla_deadline_at
    from leads order by id`.execute(db);
  return { flags: flags.rows, contacts: contacts.rows, leads: leads.rows };
}
