import { createReadStream, readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { beforeEach, expect, it } from 'vitest';
import { SYSTEM_VIEWER } from '../../src/domain/access/viewer.ts';
import { runImport } from '../../src/import/run-import.ts';
import { runMetrics } from '../../src/store/queries/metrics/run-metrics.ts';
import type { Db } from '../../src/store/db.ts';
import { describeStores, truncateAll } from '../support/stores.ts';

const FIXTURES = new URL('../fixtures/crm-exports/', import.meta.url);
const expected = JSON.parse(readFileSync(new URL('expected.json', FIXTURES), 'utf8')) as Record<
  string,
  Record<string, number>
> & { per_owner_all_three_files: Record<string, Record<string, number>> };

const SAMPLES = ['hubspot-deals.csv', 'pipedrive-deals.csv', 'salesforce-opportunities.csv'] as const;

function importSample(db: Db, file: string, opts: { createMissing?: boolean } = {}) {
  return runImport(db, SYSTEM_VIEWER, {
    fileName: file,
    input: createReadStream(new URL(file, FIXTURES)),
    createMissing: opts.createMissing ?? true,
  });
}

/** The expected.json figures, computed from the stored rows by SQL (USD: 2 minor digits). */
async function kpis(db: Db) {
  const r = await sql<{
    won_count: number;
    lost_count: number;
    open_count: number;
    won_revenue: number;
    cycle_mean: number | null;
  }>`
    select count(*) filter (where status = 'won')::int as won_count,
           count(*) filter (where status = 'lost')::int as lost_count,
           count(*) filter (where status = 'open')::int as open_count,
           coalesce(sum(amount_minor) filter (where status = 'won'), 0)::bigint as won_revenue,
           avg(((closed_at at time zone 'UTC')::date - (created_at at time zone 'UTC')::date))
             filter (where status = 'won')::float8 as cycle_mean
    from opportunities`.execute(db);
  const k = r.rows[0]!;
  return {
    won_count: k.won_count,
    lost_count: k.lost_count,
    open_count: k.open_count,
    won_revenue: k.won_revenue / 100,
    win_rate: k.won_count / (k.won_count + k.lost_count),
    avg_deal_size: Math.round(k.won_revenue / k.won_count) / 100,
    sales_cycle_days_mean: Number(k.cycle_mean!.toFixed(4)),
  };
}

async function perOwner(db: Db) {
  const r = await sql<{ name: string; won_count: number; lost_count: number; won_revenue: number }>`
    select u.name,
           count(*) filter (where o.status = 'won')::int as won_count,
           count(*) filter (where o.status = 'lost')::int as lost_count,
           coalesce(sum(o.amount_minor) filter (where o.status = 'won'), 0)::bigint as won_revenue
    from opportunities o join users u on u.id = o.owner_id
    group by u.name order by u.name`.execute(db);
  return Object.fromEntries(
    r.rows.map((x) => [
      x.name,
      {
        won_count: x.won_count,
        lost_count: x.lost_count,
        won_revenue: x.won_revenue / 100,
        win_rate: Number((x.won_count / (x.won_count + x.lost_count)).toFixed(6)),
      },
    ]),
  );
}

async function counts(db: Db) {
  const r = await sql<{ t: string; c: number }>`
    select 'opportunities' as t, count(*)::int as c from opportunities
    union all select 'history', count(*)::int from opportunity_history
    union all select 'users', count(*)::int from users
    union all select 'accounts', count(*)::int from accounts
    union all select 'stages', count(*)::int from stages`.execute(db);
  return Object.fromEntries(r.rows.map((x) => [x.t, x.c]));
}

describeStores('CRM sample exports', (ctx) => {
  beforeEach(async () => {
    await truncateAll(ctx.db);
  });

  for (const file of SAMPLES) {
    it(`imports ${file} with expected.json's figures, and a re-import changes nothing`, async () => {
      const summary = await importSample(ctx.db, file);
      expect(summary).toMatchObject({ rowsRead: 20, imported: 20, created: 20, updated: 0, rejected: 0 });
      expect(await kpis(ctx.db)).toEqual(expected[file]);
      expect(await perOwner(ctx.db)).toEqual(expected.per_owner_all_three_files);

      const before = await counts(ctx.db);
      const snapshot = await ctx.db.selectFrom('opportunities').selectAll().orderBy('id').execute();
      const again = await importSample(ctx.db, file);
      expect(again).toMatchObject({ rowsRead: 20, created: 0, updated: 0, unchanged: 20 });
      expect(await counts(ctx.db)).toEqual(before);
      expect(await ctx.db.selectFrom('opportunities').selectAll().orderBy('id').execute()).toEqual(snapshot);
    });
  }

  it('gives the same figures through runMetrics, for the company and per rep', async () => {
    await importSample(ctx.db, 'salesforce-opportunities.csv');
    const metricIds = [
      'won_count',
      'lost_count',
      'won_revenue',
      'win_rate',
      'avg_deal_size',
      'sales_cycle_days_mean',
    ];
    const query = { metricIds, from: '2024-01-01', to: '2024-12-31' };
    const [company] = await runMetrics(ctx.db, SYSTEM_VIEWER, { ...query, groupBy: 'company' });
    const v = (id: string) => company!.values[id]!.value!;
    const want = expected['salesforce-opportunities.csv']!;
    expect(v('won_count')).toBe(want.won_count);
    expect(v('lost_count')).toBe(want.lost_count);
    // Money metrics are in minor units (USD cents).
    expect(v('won_revenue')).toBe(want.won_revenue! * 100);
    expect(v('win_rate')).toBeCloseTo(want.win_rate!, 6);
    expect(v('avg_deal_size') / 100).toBeCloseTo(want.avg_deal_size!, 2);
    expect(v('sales_cycle_days_mean')).toBeCloseTo(want.sales_cycle_days_mean!, 4);
    const reps = await runMetrics(ctx.db, SYSTEM_VIEWER, { ...query, groupBy: 'rep' });
    const byRep = Object.fromEntries(
      reps.map((r) => [
        r.groupName,
        {
          won_count: r.values.won_count!.value,
          lost_count: r.values.lost_count!.value,
          won_revenue: r.values.won_revenue!.value! / 100,
          win_rate: Number(r.values.win_rate!.value!.toFixed(6)),
        },
      ]),
    );
    expect(byRep).toEqual(expected.per_owner_all_three_files);
  });

  it('synthesizes stage history: created in the first known stage, then Won/Lost at close', async () => {
    await importSample(ctx.db, 'pipedrive-deals.csv');
    const h = await sql<{ ext: string; stage: string; at: Date; synthesized: boolean }>`
      select o.external_id as ext, s.name as stage, h.changed_at as at, h.synthesized
      from opportunity_history h join opportunities o on o.id = h.opportunity_id join stages s on s.id = h.stage_id
      where o.external_id in ('pipedrive:100', 'pipedrive:103') order by o.external_id, h.changed_at`.execute(
      ctx.db,
    );
    // Deal 100 was won from 'Negotiations Started' (kept by Pipedrive); deal 103 is open in 'Proposal Made'.
    expect(h.rows.map((r) => [r.ext, r.stage, r.at.toISOString(), r.synthesized])).toEqual([
      ['pipedrive:100', 'Final negotiation', '2024-01-03T09:00:00.000Z', true],
      ['pipedrive:100', 'Won', '2024-02-14T10:00:00.000Z', true],
      ['pipedrive:103', 'Trial', '2024-01-12T12:39:51.000Z', true],
    ]);
  });

  it('reads the quirks: HubSpot close date on an open deal is the expected close; Salesforce dates are M/D/YYYY', async () => {
    await importSample(ctx.db, 'hubspot-deals.csv');
    const open = await ctx.db
      .selectFrom('opportunities')
      .select(['status', 'closed_at', 'expected_close_date', 'amount_minor'])
      .where('external_id', '=', 'hubspot:18000000959')
      .executeTakeFirstOrThrow();
    expect(open).toEqual({
      status: 'open',
      closed_at: null,
      expected_close_date: '2024-01-31',
      amount_minor: 0,
    });
    await truncateAll(ctx.db);
    await importSample(ctx.db, 'salesforce-opportunities.csv');
    const sf = await ctx.db
      .selectFrom('opportunities')
      .select(['status', 'closed_at', 'created_at', 'type'])
      .where('name', '=', 'Initech-')
      .executeTakeFirstOrThrow();
    expect(sf).toEqual({
      status: 'won',
      closed_at: new Date('2024-01-29T00:00:00Z'),
      created_at: new Date('2024-01-09T00:00:00Z'),
      type: 'new_business',
    });
  });
});
