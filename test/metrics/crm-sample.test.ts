import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { beforeAll, expect, it } from 'vitest';
import { SYSTEM_VIEWER } from '../../src/domain/access/viewer.ts';
import { runMetrics } from '../../src/store/queries/metrics/run-metrics.ts';
import { describeStores, truncateAll } from '../support/stores.ts';
import { opportunity, user } from './fixtures.ts';

const DIR = 'test/fixtures/crm-exports';
const IDS = ['won_count', 'lost_count', 'win_rate', 'won_revenue', 'avg_deal_size', 'sales_cycle_days_mean'];

interface Expected {
  won_count: number;
  lost_count: number;
  won_revenue: number;
  win_rate: number;
  avg_deal_size: number;
  sales_cycle_days_mean: number;
}

describeStores('crm-exports sample KPIs', (ctx) => {
  const expected = JSON.parse(readFileSync(`${DIR}/expected.json`, 'utf8'));

  beforeAll(async () => {
    // The 20 HubSpot deals inserted directly (the importer has its own tests); amounts become minor units.
    await truncateAll(ctx.db);
    const rows = parse(readFileSync(`${DIR}/hubspot-deals.csv`), { columns: true }) as Record<
      string,
      string
    >[];
    const owners = new Map<string, number>();
    for (const r of rows) {
      const name = r['Deal owner']!;
      if (!owners.has(name)) owners.set(name, await user(ctx.db, name));
      const stage = r['Deal Stage'];
      const status = stage === 'Closed Won' ? 'won' : stage === 'Closed Lost' ? 'lost' : 'open';
      await opportunity(ctx.db, {
        ownerId: owners.get(name)!,
        status,
        amount: Math.round(Number(r.Amount || 0) * 100),
        createdAt: `${r['Create Date']}:00Z`.replace(' ', 'T'),
        closedAt: status === 'open' ? null : `${r['Close Date']}:00Z`.replace(' ', 'T'),
      });
    }
  });

  it('gives the documented totals and per-owner values', async () => {
    const q = { metricIds: IDS, from: '2024-01-01', to: '2024-12-31' };
    const [company] = await runMetrics(ctx.db, SYSTEM_VIEWER, { ...q, groupBy: 'company' });
    const e: Expected = expected['hubspot-deals.csv'];
    const v = company!.values;
    expect(v.won_count?.value).toBe(e.won_count);
    expect(v.lost_count?.value).toBe(e.lost_count);
    expect(v.won_revenue?.value).toBe(e.won_revenue * 100);
    expect(v.win_rate?.value).toBe(e.win_rate);
    expect((v.avg_deal_size!.value! / 100).toFixed(2)).toBe(e.avg_deal_size.toFixed(2));
    expect(v.sales_cycle_days_mean!.value!.toFixed(4)).toBe(e.sales_cycle_days_mean.toFixed(4));
    const reps = await runMetrics(ctx.db, SYSTEM_VIEWER, { ...q, groupBy: 'rep' });
    for (const [name, want] of Object.entries(expected.per_owner_all_three_files) as [string, Expected][]) {
      const row = reps.find((r) => r.groupName === name)!.values;
      expect([row.won_count?.value, row.lost_count?.value, row.won_revenue?.value], name).toEqual([
        want.won_count,
        want.lost_count,
        want.won_revenue * 100,
      ]);
      expect(row.win_rate!.value!.toFixed(4), name).toBe(want.win_rate.toFixed(4));
    }
  });
});
