import { sql } from 'kysely';
import { beforeEach, expect, it, vi } from 'vitest';
import { refreshDerived } from '../../src/store/derived/refresh.ts';
import type { Db } from '../../src/store/db.ts';
import { describeStores, truncateAll } from '../support/stores.ts';
import { importFixture, importText } from './helpers.ts';

// With `forceBatched`, openCopy reports no COPY (as behind a pooler), so activities take the batched INSERT path.
const copy = vi.hoisted(() => ({ forceBatched: false }));
vi.mock('../../src/store/bulk/copy-rows.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/store/bulk/copy-rows.ts')>();
  return {
    ...original,
    openCopy: (...args: Parameters<typeof original.openCopy>) =>
      copy.forceBatched ? Promise.resolve(null) : original.openCopy(...args),
  };
});

const HEADER =
  'Activity - ID,Activity - Subject,Activity - Type,Activity - Due date,Activity - Due time,Activity - Duration,Activity - Done,Activity - Assigned to user,Activity - Organization,Activity - Person,Activity - Deal';

const FIRST = [
  HEADER,
  '1,Intro call,call,2024-01-04,09:30,00:15,Done,Alice Moreno,Acme Corp,Jane Roe,',
  '2,Demo,meeting,2024-01-10,14:00,01:00,Done,Alice Moreno,Acme Corp,Jane Roe,',
  '3,Follow up,call,2024-01-11,10:00,00:10,Done,Ben Okafor,Globex,John Poe,',
  '4,Second call,call,2024-01-12,10:00,00:10,Done,Ben Okafor,Globex,John Poe,',
].join('\n');

// Row 1 moves from Jane Roe to John Poe and earlier (Jane's first touch becomes row 2, John's becomes row 1);
// row 5 is a new contact's touch; row 6 ties John's new first touch to the minute.
const SECOND = [
  HEADER,
  '1,Intro call,call,2024-01-02,09:30,00:15,Done,Alice Moreno,Globex,John Poe,',
  '2,Demo,meeting,2024-01-10,14:00,01:00,Done,Alice Moreno,Acme Corp,Jane Roe,',
  '5,Early call,call,2024-01-03,08:00,00:05,Done,Alice Moreno,Initech,Mia Lund,',
  '6,Same minute,call,2024-01-02,09:30,00:05,Done,Ben Okafor,Globex,John Poe,',
].join('\n');

async function derivedColumns(db: Db): Promise<unknown> {
  const flags = await sql`select external_id, is_new_prospect from activities order by external_id`.execute(
    db,
  );
  const contacts = await sql`select name, first_touch_at from contacts order by name`.execute(db);
  const leads = await sql`select id, first_touch_at, first_response_at, response_business_minutes
    from leads order by id`.execute(db);
  return { flags: flags.rows, contacts: contacts.rows, leads: leads.rows };
}

describeStores('derived columns after an activities import', (ctx) => {
  beforeEach(async () => {
    await truncateAll(ctx.db);
    await importFixture(ctx.db, 'pipedrive-deals.csv');
  });

  for (const path of ['staged (COPY)', 'batched (INSERT)'] as const) {
    it(`equal a full recompute after inserts, updates that move a row to another contact, and ties [${path}]`, async () => {
      copy.forceBatched = path === 'batched (INSERT)';
      try {
        expect((await importText(ctx.db, FIRST, { createMissing: true })).created).toBe(4);
        const second = await importText(ctx.db, SECOND, { createMissing: true });
        expect(second).toMatchObject({ created: 2, updated: 1, unchanged: 1 });
      } finally {
        copy.forceBatched = false;
      }
      const incremental = await derivedColumns(ctx.db);
      await refreshDerived(ctx.db, { all: true });
      expect(incremental).toEqual(await derivedColumns(ctx.db));
      // The case that needs the previous contact: Jane Roe lost row 1, so her first touch is now row 2's day.
      const jane = await sql<{ first_touch_at: Date }>`
        select first_touch_at from contacts where name = 'Jane Roe'`.execute(ctx.db);
      expect(new Date(jane.rows[0]!.first_touch_at).toISOString().slice(0, 10)).toBe('2024-01-10');
    });
  }
});
