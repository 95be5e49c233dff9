import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { SYSTEM_VIEWER, type Viewer } from '../../src/domain/access/viewer.ts';
import { hottestDeals, movedWithoutRate } from '../../src/domain/meeting-pack/meeting-pack.ts';
import { cadenceGaps } from '../../src/store/queries/cadence/cadence-gaps.ts';
import { pipelineChanges } from '../../src/store/queries/coaching/pipeline-changes.ts';
import { dealWindows, stalledDeals, wonDeals } from '../../src/store/queries/meeting-pack/pack-deals.ts';
import { pipelineAtDate } from '../../src/store/queries/pipeline-at-date.ts';
import { listOpportunities } from '../../src/store/queries/records/list-opportunities.ts';
import { putExchangeRates } from '../../src/store/tables/exchange-rates.ts';
import { describeStores, truncateAll } from '../support/stores.ts';
import { pipeline, user } from '../metrics/fixtures.ts';
import { dealWithHistory, type Step } from '../coaching/deal-fixtures.ts';

// A PLN workspace (zone UTC) with euro deals. Rates EUR -> PLN: 4.3 from 2026-10-01, 4.25 from 2026-11-20; none
// for GBP. Every converted amount is round_half_away(amount / 100 x rate x 100), worked out beside each deal.
// Week 2026-W47 is 16-22 November; its as-of date is its end, 2026-11-23 (rate 4.25).
const NOW = new Date('2026-11-30T12:00:00Z');
const OLD = '2026-10-05T09:00:00Z';

describeStores('deal lists in the workspace currency', (ctx) => {
  const ids: Record<string, number> = {};
  let ann = 0;

  beforeAll(async () => {
    const db = ctx.db;
    await truncateAll(db);
    await sql`update settings set currency = 'PLN'`.execute(db);
    await putExchangeRates(db, SYSTEM_VIEWER, [
      { currency: 'EUR', effectiveFrom: '2026-10-01', rate: '4.3' },
      { currency: 'EUR', effectiveFrom: '2026-11-20', rate: '4.25' },
    ]);
    const p = await pipeline(db);
    ann = await user(db, 'Ann');
    const s = (at: string, stage: string, amount: number, close: string): Step => ({
      at,
      stage,
      amount,
      close,
      owner: ann,
    });
    // 1,000.00 zł: never converted.
    ids.pln = await dealWithHistory(db, p, {
      name: 'PLN open',
      currency: 'PLN',
      steps: [s(OLD, 'Discovery', 100_000, '2026-12-10')],
    });
    // €200.00, raised to €300.00 on 18 November: today 300.00 x 4.25 = 1,275.00 zł; on 10 November 200.00 x 4.3
    // = 860.00 zł; in W47 both snapshots by 4.25: 850.00 -> 1,275.00 zł.
    ids.eurOpen = await dealWithHistory(db, p, {
      name: 'EUR open',
      currency: 'EUR',
      steps: [s(OLD, 'Demo', 20_000, '2026-12-01'), s('2026-11-18T10:00:00Z', 'Demo', 30_000, '2026-12-01')],
    });
    // €100.01 won on 19 November (rate 4.3): 430.043 zł -> 43004.3 grosze -> 43004. In the W47 start snapshot
    // (by 4.25): 425.0425 zł -> 42504.25 -> 42504.
    ids.eurWon = await dealWithHistory(db, p, {
      name: 'EUR won',
      currency: 'EUR',
      status: 'won',
      closedAt: '2026-11-19T10:00:00Z',
      steps: [s(OLD, 'Trial', 10_001, '2026-11-30'), s('2026-11-19T10:00:00Z', 'Won', 10_001, '2026-11-30')],
    });
    // £50.00: no GBP rate, so no amount in zł; moved on 20 November (close date earlier).
    ids.gbp = await dealWithHistory(db, p, {
      name: 'GBP open',
      currency: 'GBP',
      steps: [s(OLD, 'Demo', 5_000, '2026-12-20'), s('2026-11-20T10:00:00Z', 'Demo', 5_000, '2026-12-05')],
    });
  });

  const amounts = (rows: Array<{ opportunityId: number; workspaceAmountMinor: number | null }>) =>
    rows.map((r) => [r.opportunityId, r.workspaceAmountMinor] as const);

  it('opportunity lists: open deals by today’s rate, closed ones by their close date’s, null without a rate', async () => {
    const page = await listOpportunities(ctx.db, SYSTEM_VIEWER, {}, { limit: 10, offset: 0 }, NOW);
    const byId = new Map(page.items.map((o) => [o.id, o]));
    expect(byId.get(ids.pln!)).toMatchObject({
      amountMinor: 100_000,
      currency: 'PLN',
      workspaceAmountMinor: 100_000,
    });
    expect(byId.get(ids.eurOpen!)).toMatchObject({
      amountMinor: 30_000,
      currency: 'EUR',
      workspaceAmountMinor: 127_500,
    });
    expect(byId.get(ids.eurWon!)).toMatchObject({
      amountMinor: 10_001,
      currency: 'EUR',
      workspaceAmountMinor: 43_004,
    });
    expect(byId.get(ids.gbp!)).toMatchObject({
      amountMinor: 5_000,
      currency: 'GBP',
      workspaceAmountMinor: null,
    });
  });

  it('pipeline at a date converts by the rate of that date and sorts by the converted amount, no rate last', async () => {
    // 10 November: the euro deal at €200.00 x 4.3 = 86000; the deal won later was open (€100.01 x 4.3 = 43004).
    const past = await pipelineAtDate(ctx.db, SYSTEM_VIEWER, new Date('2026-11-10T00:00:00Z'), {}, NOW);
    expect(amounts(past)).toEqual([
      [ids.pln, 100_000],
      [ids.eurOpen, 86_000],
      [ids.eurWon, 43_004],
      [ids.gbp, null],
    ]);
    // Now: €300.00 x 4.25 = 127500 sorts above 1,000.00 zł although 30000 < 100000 in own units.
    const today = await pipelineAtDate(ctx.db, SYSTEM_VIEWER, NOW, {}, NOW);
    expect(amounts(today)).toEqual([
      [ids.eurOpen, 127_500],
      [ids.pln, 100_000],
      [ids.gbp, null],
    ]);
    expect(today[0]).toMatchObject({ amountMinor: 30_000, currency: 'EUR' });
  });

  it('cadence gaps: silent deals with today’s converted amount and a warning for GBP', async () => {
    const gaps = await cadenceGaps(ctx.db, SYSTEM_VIEWER, { now: NOW, silentDays: 7 });
    expect(new Map(amounts(gaps.silentDeals))).toEqual(
      new Map([
        [ids.pln, 100_000],
        [ids.eurOpen, 127_500],
        [ids.gbp, null],
      ]),
    );
    expect(gaps.currenciesWithoutRate).toEqual(['GBP']);
    expect(gaps.warnings).toEqual([expect.stringMatching(/^Deals in GBP are left out of money figures/)]);
  });

  it('pipeline changes reconcile in the workspace currency, snapshots by the as-of date’s rate', async () => {
    const annViewer: Viewer = { userId: ann, role: 'rep', visibleUserIds: [ann] };
    const r = await pipelineChanges(ctx.db, annViewer, { week: '2026-W47' }, NOW);
    const byName = Object.fromEntries(r.deals.map((d) => [d.name, d]));
    // Own currency: €200.00 -> €300.00; in zł both by 4.25: 85000 -> 127500.
    expect(byName['EUR open']).toMatchObject({
      category: 'amount_up',
      effectMinor: 10_000,
      workspace: {
        startAmountMinor: 85_000,
        endAmountMinor: 127_500,
        effectMinor: 42_500,
        amountMinor: 127_500,
      },
    });
    // Won: leaves the start snapshot's 42504; shown at its close date's 43004.
    expect(byName['EUR won']!.workspace).toEqual({
      startAmountMinor: 42_504,
      endAmountMinor: 0,
      effectMinor: -42_504,
      amountMinor: 43_004,
    });
    expect(byName['GBP open']!.workspace).toBeNull();
    // Largest converted effect first; the deal without a rate last.
    expect(r.deals.map((d) => d.name)).toEqual(['EUR won', 'EUR open', 'PLN open', 'GBP open']);
    // Start 100000 + 85000 + 42504 = 227504; end 100000 + 127500 = 227500; effects 42500 - 42504 = -4.
    const w = r.workspaceTotals;
    expect([w.currency, w.startCount, w.startValueMinor, w.endCount, w.endValueMinor]).toEqual([
      'PLN',
      3,
      227_504,
      2,
      227_500,
    ]);
    expect(w.categories.find((c) => c.category === 'won')).toEqual({
      category: 'won',
      count: 1,
      amountMinor: 43_004,
      effectMinor: -42_504,
    });
    expect(r.currenciesWithoutRate).toEqual(['GBP']);
    expect(r.warnings).toHaveLength(1);
    // The per-currency reconciliations in own amounts stay as they were.
    expect(r.totals.map((t) => [t.currency, t.startValueMinor, t.endValueMinor])).toEqual([
      ['PLN', 100_000, 100_000],
      ['EUR', 30_001, 30_000],
      ['GBP', 5_000, 5_000],
    ]);
  });

  it('meeting pack lists: hottest weighed in zł, stalled and wins sorted by the converted amount', async () => {
    const windowStart = new Date(NOW.getTime() - 14 * 86_400_000);
    const windows = await dealWindows(ctx.db, null, windowStart, NOW, NOW);
    // The euro deal moved (amount up): 127500 x 40% (Demo) = 51000. The GBP deal moved but cannot be weighed.
    expect(
      hottestDeals(windows, 10).map((d) => [d.opportunityId, d.workspaceAmountMinor, d.weightedMinor]),
    ).toEqual([[ids.eurOpen, 127_500, 51_000]]);
    expect(movedWithoutRate(windows).map((d) => d.opportunityId)).toEqual([ids.gbp]);
    const stalled = await stalledDeals(ctx.db, null, NOW, 14, NOW, 10);
    // A changed close date does not un-stall a deal: the GBP deal is stalled too, listed last without a rate.
    expect(amounts(stalled.deals)).toEqual([
      [ids.eurOpen, 127_500],
      [ids.pln, 100_000],
      [ids.gbp, null],
    ]);
    const wins = await wonDeals(
      ctx.db,
      null,
      new Date('2026-11-01T00:00:00Z'),
      new Date('2026-12-01T00:00:00Z'),
      'UTC',
      10,
    );
    expect(wins).toMatchObject([
      { opportunityId: ids.eurWon, amountMinor: 10_001, currency: 'EUR', workspaceAmountMinor: 43_004 },
    ]);
  });
});
