import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { describeStores, truncateAll } from '../support/stores.ts';
import { importText } from './helpers.ts';

// A Salesforce report that includes the record id, so OpportunityHistory rows can point at the deals.
const DEALS = [
  '"Opportunity ID","Opportunity Owner","Account Name","Opportunity Name","Stage","Amount","Close Date","Created Date"',
  '"006A","Alice Moreno","Acme Corp","Acme renewal","Closed Won","5000","3/1/2024","1/2/2024"',
  '"006B","Ben Okafor","Globex","Globex pilot","Negotiation/Review","2000","6/30/2024","2/1/2024"',
].join('\r\n');

const HISTORY = [
  'Id,OpportunityId,StageName,Amount,CloseDate,CreatedDate',
  '008A1,006A,Prospecting,4000,2024-03-31,2024-01-02 00:00:00',
  '008A2,006A,Proposal/Price Quote,5000,2024-03-15,2024-02-01 12:00:00',
  '008A3,006A,Closed Won,5000,2024-03-01,2024-03-01 00:00:00',
  '008X1,006Z,Prospecting,100,2024-03-31,2024-01-05 00:00:00',
].join('\n');

async function historyOf(db: Parameters<typeof importText>[0], ext: string) {
  const r = await sql<{ stage: string; amount: number; synthesized: boolean; at: Date }>`
    select s.name as stage, h.amount_minor as amount, h.synthesized, h.changed_at as at
    from opportunity_history h join opportunities o on o.id = h.opportunity_id join stages s on s.id = h.stage_id
    where o.external_id = ${ext} order by h.changed_at, h.id`.execute(db);
  return r.rows.map((x) => [x.stage, x.amount, x.synthesized, x.at.toISOString().slice(0, 16)]);
}

describeStores('OpportunityHistory import', (ctx) => {
  beforeAll(async () => {
    await truncateAll(ctx.db);
    await importText(ctx.db, DEALS, { createMissing: true });
  });

  it('replaces the synthesized history of those deals with the real one; other deals keep theirs', async () => {
    expect(await historyOf(ctx.db, 'salesforce:006A')).toEqual([
      ['Discovery', 500_000, true, '2024-01-02T00:00'],
      ['Won', 500_000, true, '2024-03-01T00:00'],
    ]);
    // The unknown deal 006Z is reported; with skipInvalid the rest goes in.
    const s = await importText(ctx.db, HISTORY, { skipInvalid: true });
    expect(s).toMatchObject({ entity: 'opportunity_history', created: 3, rejected: 1 });
    expect(s.rejects[0]).toMatchObject({ line: 5, errors: [{ field: 'opportunityExternalId' }] });
    const real = [
      ['Discovery', 400_000, false, '2024-01-02T00:00'],
      ['Trial', 500_000, false, '2024-02-01T12:00'],
      ['Won', 500_000, false, '2024-03-01T00:00'],
    ];
    expect(await historyOf(ctx.db, 'salesforce:006A')).toEqual(real);
    expect(await historyOf(ctx.db, 'salesforce:006B')).toEqual([
      ['Final negotiation', 200_000, true, '2024-02-01T00:00'],
    ]);

    // Re-importing the history, and the deals, changes nothing.
    expect(await importText(ctx.db, HISTORY, { skipInvalid: true })).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: 3,
    });
    expect(await importText(ctx.db, DEALS)).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    expect(await historyOf(ctx.db, 'salesforce:006A')).toEqual(real);
  });

  it('appends a history row when a re-imported deal moved to another stage', async () => {
    const moved = DEALS.replace('"Negotiation/Review","2000","6/30/2024"', '"Closed Won","2500","5/15/2024"');
    expect(await importText(ctx.db, moved)).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
    expect(await historyOf(ctx.db, 'salesforce:006B')).toEqual([
      ['Final negotiation', 200_000, true, '2024-02-01T00:00'],
      ['Won', 250_000, true, '2024-05-15T00:00'],
    ]);
  });
});
