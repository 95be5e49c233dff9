import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import type { Db } from '../../src/store/db.ts';
import { contact, lead, user } from '../metrics/fixtures.ts';
import { rebuiltRollupRows, rollupRows } from '../support/rollup-rows.ts';
import { describeStores, truncateAll } from '../support/stores.ts';

// activity_people_runs (0039) moves its counts by each write's change per person (the triggers on activities),
// no longer by recounting whole runs. Hand-computed counts for a few people over a few months, and the table
// compared with a refill from scratch after every write: the deltas must add up to what a recount gives, also
// across a person split over a contact and a lead converted to it (their month rows sit under different keys).

/** The runs of `rep` as 'start|months' -> [touched, new prospects]. */
async function runsOf(db: Db, rep: number): Promise<Record<string, [number, number]>> {
  const r = await sql<{ month: string; months: number; touched: string; new_prospects: string }>`
    select month, months, touched, new_prospects from activity_people_runs where user_id = ${rep}
    order by month, months`.execute(db);
  return Object.fromEntries(
    r.rows.map((x) => [`${x.month}|${x.months}`, [Number(x.touched), Number(x.new_prospects)]]),
  );
}

async function expectMatchesRefill(db: Db): Promise<void> {
  expect(await rollupRows(db)).toEqual(await rebuiltRollupRows(db));
}

describeStores('people runs follow writes by their change per person', (ctx) => {
  let rep = 0;
  let c1 = 0;
  let c2 = 0;
  let l2 = 0;
  beforeAll(async () => {
    await truncateAll(ctx.db);
    await sql`update settings set rollup_time_zone = 'UTC' where id = 1`.execute(ctx.db);
    rep = await user(ctx.db, 'Runs Rep');
    [c1, c2] = [await contact(ctx.db), await contact(ctx.db)];
    l2 = await lead(ctx.db, { ownerId: rep, createdAt: '2026-01-01T00:00:00Z' });
  });

  it('counts people per run of 1 and 3 months, touches and new prospects apart', async () => {
    const db = ctx.db;
    // c1 touched in January (new) and February; c2 only called inbound (no touch) in February; the lead l2
    // touched in March (new); an activity naming nobody in May.
    await sql`insert into activities (type, direction, outcome, user_id, contact_id, lead_id, occurred_at, is_new_prospect)
      values ('call', 'outbound', 'connected', ${rep}, ${c1}, null, '2026-01-10T10:00:00Z', true),
        ('email', 'outbound', 'sent', ${rep}, ${c1}, null, '2026-02-10T10:00:00Z', false),
        ('call', 'inbound', null, ${rep}, ${c2}, null, '2026-02-11T10:00:00Z', false),
        ('call', 'outbound', 'connected', ${rep}, null, ${l2}, '2026-03-10T10:00:00Z', true),
        ('other', 'outbound', null, ${rep}, null, null, '2026-05-10T10:00:00Z', false)`.execute(db);
    expect(await runsOf(db, rep)).toEqual({
      '2025-11-01|3': [1, 1],
      '2025-12-01|3': [1, 1],
      '2026-01-01|1': [1, 1],
      '2026-01-01|3': [2, 2], // c1, l2
      '2026-02-01|1': [1, 0], // c1 (c2's inbound call is no touch)
      '2026-02-01|3': [2, 1], // c1, l2; l2 new
      '2026-03-01|1': [1, 1],
      '2026-03-01|3': [1, 1], // l2, and May's row naming nobody
      '2026-04-01|3': [0, 0],
      '2026-05-01|1': [0, 0],
      '2026-05-01|3': [0, 0],
    });
    await expectMatchesRefill(db);
  });

  it('moves by the change of one person split over a contact and the lead converted to it', async () => {
    const db = ctx.db;
    // l2 becomes c2 (the lead trigger recounts); c2 touched in February is then the person already counted in the
    // runs holding March, and a new person only in February's own run.
    await sql`update leads set converted_contact_id = ${c2}, status = 'converted' where id = ${l2}`.execute(
      db,
    );
    await sql`insert into activities (type, direction, outcome, user_id, contact_id, occurred_at)
      values ('call', 'outbound', 'connected', ${rep}, ${c2}, '2026-02-20T10:00:00Z')`.execute(db);
    const runs = await runsOf(db, rep);
    expect(runs['2026-01-01|3']).toEqual([2, 2]); // c1, c2 (= l2)
    expect(runs['2026-02-01|3']).toEqual([2, 1]);
    expect(runs['2026-02-01|1']).toEqual([2, 0]); // c1, c2
    await expectMatchesRefill(db);
    // February's touch of c1 becomes a plan (no touch): January's runs keep c1 from January.
    await sql`update activities set outcome = 'scheduled' where contact_id = ${c1} and occurred_at = '2026-02-10T10:00:00Z'`.execute(
      db,
    );
    expect((await runsOf(db, rep))['2026-02-01|1']).toEqual([1, 0]);
    expect((await runsOf(db, rep))['2026-01-01|3']).toEqual([2, 2]);
    await expectMatchesRefill(db);
  });

  it('drops the runs a delete leaves without activity and moves an activity to another month', async () => {
    const db = ctx.db;
    await sql`delete from activities where user_id = ${rep} and contact_id is null and lead_id is null`.execute(
      db,
    );
    // January's touch of c1 moves to June: c1 leaves January's runs and enters June's.
    await sql`update activities set occurred_at = '2026-06-10T10:00:00Z'
      where contact_id = ${c1} and occurred_at = '2026-01-10T10:00:00Z'`.execute(db);
    const runs = await runsOf(db, rep);
    expect(runs['2026-01-01|1']).toBeUndefined();
    expect(runs['2026-05-01|1']).toBeUndefined();
    expect(runs['2026-01-01|3']).toEqual([1, 1]); // c2 (the lead's March touch; c1's February row is a plan)
    expect(runs['2026-06-01|1']).toEqual([1, 1]);
    expect(runs['2026-04-01|3']).toEqual([1, 1]); // c1 in June
    await expectMatchesRefill(db);
  });
});
