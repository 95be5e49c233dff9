import { sql } from 'kysely';
import { beforeEach, expect, it } from 'vitest';
import { seededRandom } from '../../src/domain/random/seeded-random.ts';
import type { Db } from '../../src/store/db.ts';
import { refreshDerived } from '../../src/store/derived/refresh.ts';
import { rebuiltRollupRows, rollupRows } from '../support/rollup-rows.ts';
import { describeStores, truncateAll } from '../support/stores.ts';
import { importText } from './helpers.ts';

// The merge sets the first touches of people with no history itself (src/import/stage/fresh-first-touches.ts)
// and the derived refresh never sees their rows: after imports into an empty store (over 20,000 rows, so the
// plain insert with indexes deferred on both engines) and into that store again (the upsert: existing people
// touched earlier and later, new people, an existing contact without activities, a row moved to a new person,
// ties to the minute, a repeated id skipped), every derived column and rollup equals a full recompute.

const HEADER =
  'Record ID,Activity type,Activity date,Activity assigned to,Subject,Associated Contact,Associated Company';
const TYPES = ['CALL', 'CALL', 'EMAIL', 'INCOMING_EMAIL', 'MEETING', 'NOTE'];

/** Rows over few minutes of few days, so many people have several touches at the same minute. */
function rows(
  rnd: ReturnType<typeof seededRandom>,
  from: number,
  n: number,
  people: number,
  offset = 0,
): string[] {
  const out: string[] = [];
  for (let i = from; i < from + n; i++) {
    const person = offset + Math.floor(rnd.next() * people);
    const day = 1 + Math.floor(rnd.next() * 20);
    const minute = Math.floor(rnd.next() * 3) * 15;
    const type = TYPES[Math.floor(rnd.next() * TYPES.length)]!;
    // One row in 50 names nobody: neither a touch of anyone nor a fresh person's row.
    const contact = rnd.next() < 0.02 ? '' : `Person ${person}`;
    out.push(
      `${i},${type},2026-03-${String(day).padStart(2, '0')} 10:${String(minute).padStart(2, '0')},Rep ${person % 7},` +
        `Subject ${i},${contact},Org ${person % 40}`,
    );
  }
  return out;
}

async function derivedColumns(db: Db): Promise<unknown> {
  const flags = await sql`select external_id, is_new_prospect from activities order by external_id`.execute(
    db,
  );
  const contacts = await sql`select id, first_touch_at from contacts order by id`.execute(db);
  const leads = await sql`select id, first_touch_at, first_response_at, response_business_minutes
    from leads order by id`.execute(db);
  return { flags: flags.rows, contacts: contacts.rows, leads: leads.rows };
}

/** The imported state equals a full recompute of the derived columns, and the rollups a rebuild from the facts. */
async function expectSameAsFullRefresh(db: Db): Promise<void> {
  const imported = await derivedColumns(db);
  const importedRollups = await rollupRows(db);
  await refreshDerived(db, { all: true });
  expect(imported).toEqual(await derivedColumns(db));
  expect(importedRollups).toEqual(await rollupRows(db));
  expect(importedRollups).toEqual(await rebuiltRollupRows(db));
}

async function flaggedCount(db: Db): Promise<number> {
  const r = await sql<{ n: number }>`select count(*)::int as n from activities where is_new_prospect`.execute(
    db,
  );
  return r.rows[0]!.n;
}

describeStores('first touches set by the merge for people with no history', (ctx) => {
  beforeEach(async () => {
    await truncateAll(ctx.db);
  });

  it('equal a full recompute after a first import and an import into the filled store', async () => {
    const rnd = seededRandom(2026);
    const first = [HEADER, ...rows(rnd, 1, 21_000, 3_000)].join('\n');
    expect((await importText(ctx.db, first, { createMissing: true })).created).toBe(21_000);
    // Almost every one of the 3,000 people was touched: the flags are really set, and by the merge.
    expect(await flaggedCount(ctx.db)).toBeGreaterThan(2_900);
    await expectSameAsFullRefresh(ctx.db);

    // An existing contact with no activity: fresh too, though the import does not create it.
    await sql`insert into contacts (name, first_touch_at) values ('Person 5000', '2020-01-01T00:00:00Z')`.execute(
      ctx.db,
    );
    const second = [
      HEADER,
      // Existing people (0-2,999) and new ones (3,000-3,299), the same days, so earlier and later touches.
      ...rows(rnd, 30_001, 1_500, 3_300),
      // The existing contact without activities: two touches at the same minute (ties go to the lower id).
      '40001,CALL,2026-03-02 10:00,Rep 1,Tie a,Person 5000,Org 1',
      '40002,MEETING,2026-03-02 10:00,Rep 1,Tie b,Person 5000,Org 1',
      // Row 1 moves to a new person, earlier than that person's other touches.
      '1,CALL,2026-02-01 09:00,Rep 1,Moved,Person 6000,Org 1',
      '40003,CALL,2026-03-05 09:00,Rep 1,After the moved row,Person 6000,Org 1',
      // A new person whose earliest row repeats an id of this file: refused (skipInvalid), so not the first touch.
      '40004,CALL,2026-03-09 09:00,Rep 2,Kept,Person 7000,Org 2',
      '40004,CALL,2026-03-01 09:00,Rep 2,Repeated id,Person 7000,Org 2',
    ].join('\n');
    const summary = await importText(ctx.db, second, { createMissing: true, skipInvalid: true });
    expect(summary).toMatchObject({ rejected: 1, updated: 1 });
    await expectSameAsFullRefresh(ctx.db);
    const touches = await sql<{ name: string; first_touch_at: Date }>`
      select name, first_touch_at from contacts where name in ('Person 5000', 'Person 7000') order by name`.execute(
      ctx.db,
    );
    expect(touches.rows.map((r) => [r.name, new Date(r.first_touch_at).toISOString()])).toEqual([
      ['Person 5000', '2026-03-02T10:00:00.000Z'],
      ['Person 7000', '2026-03-09T09:00:00.000Z'],
    ]);
    const tie = await sql<{ subject: string }>`
      select a.subject from activities a join contacts c on c.id = a.contact_id
      where c.name = 'Person 5000' and a.is_new_prospect`.execute(ctx.db);
    expect(tie.rows).toEqual([{ subject: 'Tie a' }]);
  });

  it("files a first import's rollups in the zone they are kept in while a zone change is pending", async () => {
    // The rollups are kept in UTC and the workspace moved to UTC+14, its rebuild job not run yet: the import's
    // fill (src/import/stage/staged-activities.ts) must file days in UTC, as the insert triggers would, and leave
    // the zone to the job. Every row is at 10:00-10:30 in the file, a different day in the two zones.
    await sql`update settings set time_zone = 'Pacific/Kiritimati', rollup_time_zone = 'UTC'`.execute(ctx.db);
    const file = [HEADER, ...rows(seededRandom(7), 1, 21_000, 2_000)].join('\n');
    expect((await importText(ctx.db, file, { createMissing: true })).created).toBe(21_000);
    const zone = await sql<{ z: string }>`select rollup_time_zone as z from settings`.execute(ctx.db);
    expect(zone.rows[0]!.z).toBe('UTC');
    const imported = await rollupRows(ctx.db);
    expect(imported.length).toBeGreaterThan(0);
    expect(imported).toEqual(await rebuiltRollupRows(ctx.db));
  });
});
