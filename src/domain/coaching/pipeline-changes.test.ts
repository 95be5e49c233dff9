import { describe, expect, it } from 'vitest';
import { classifyDeal, reconcile, type DealState, type DealWeekFacts } from './pipeline-changes.ts';

const state = (over: Partial<DealState> = {}): DealState => ({
  stagePosition: 2,
  amountMinor: 1000,
  expectedCloseDate: '2026-12-01',
  ownerId: 1,
  ownerInScope: true,
  closeInPeriod: true,
  ...over,
});
const facts = (over: Partial<DealWeekFacts>): DealWeekFacts => ({
  opportunityId: 1,
  name: 'Deal',
  currency: 'USD',
  start: state(),
  end: state(),
  createdInWeek: false,
  closedInWeek: null,
  closedAmountMinor: null,
  stalledAtEnd: false,
  ...over,
});

describe('pipeline change rules', () => {
  it('gives amount changes precedence over stage moves, and stage moves over stalled', () => {
    const up = classifyDeal(
      facts({ end: state({ amountMinor: 1500, stagePosition: 3 }), stalledAtEnd: true }),
    )!;
    expect([up.category, up.flags, up.effectMinor]).toEqual([
      'amount_up',
      ['moved_forward', 'amount_up', 'stalled'],
      500,
    ]);
    expect(classifyDeal(facts({ end: state({ stagePosition: 1 }), stalledAtEnd: true }))!.category).toBe(
      'moved_back',
    );
    expect(classifyDeal(facts({ stalledAtEnd: true }))!.category).toBe('stalled');
    expect(classifyDeal(facts({}))!.category).toBe('unchanged');
  });

  it('tells pushed, reassigned and removed apart for deals that left, and added, pulled in and reassigned for deals that came', () => {
    expect(
      classifyDeal(facts({ end: state({ closeInPeriod: false, expectedCloseDate: '2027-01-10' }) }))!,
    ).toMatchObject({
      category: 'pushed',
      effectMinor: -1000,
      flags: ['close_date_later'],
    });
    expect(
      classifyDeal(facts({ end: state({ ownerInScope: false, ownerId: 2, closeInPeriod: false }) }))!
        .category,
    ).toBe('reassigned_out');
    expect(classifyDeal(facts({ end: null }))!.category).toBe('removed');
    expect(classifyDeal(facts({ start: null, createdInWeek: true }))!).toMatchObject({
      category: 'added',
      effectMinor: 1000,
    });
    expect(classifyDeal(facts({ start: state({ closeInPeriod: false }) }))!.category).toBe('pulled_in');
    expect(classifyDeal(facts({ start: state({ ownerInScope: false }) }))!.category).toBe('reassigned_in');
    expect(
      classifyDeal(facts({ start: state({ closeInPeriod: false }), end: state({ closeInPeriod: false }) })),
    ).toBeNull();
  });

  it('counts a deal won in the week once, with no effect when it was not in last week’s pipeline', () => {
    const won = classifyDeal(facts({ end: null, closedInWeek: 'won', closedAmountMinor: 1200 }))!;
    expect([won.category, won.amountMinor, won.effectMinor]).toEqual(['won', 1200, -1000]);
    const quick = classifyDeal(
      facts({ start: null, end: null, createdInWeek: true, closedInWeek: 'won', closedAmountMinor: 700 }),
    )!;
    expect([quick.category, quick.amountMinor, quick.effectMinor, quick.flags]).toEqual([
      'won',
      700,
      0,
      ['created'],
    ]);
  });

  it('reconciles per currency, the workspace currency first, without converting', () => {
    const deals = [
      classifyDeal(facts({ opportunityId: 1, end: null, closedInWeek: 'lost', closedAmountMinor: 1000 }))!,
      classifyDeal(facts({ opportunityId: 2, start: null, createdInWeek: true, currency: 'EUR' }))!,
      classifyDeal(facts({ opportunityId: 3, end: state({ amountMinor: 400 }) }))!,
    ];
    const [usd, eur] = reconcile(deals, 'USD');
    expect([usd!.currency, usd!.startValueMinor, usd!.endValueMinor, usd!.startCount, usd!.endCount]).toEqual(
      ['USD', 2000, 400, 2, 1],
    );
    expect(usd!.categories.filter((c) => c.count > 0)).toEqual([
      { category: 'amount_down', count: 1, amountMinor: 400, effectMinor: -600 },
      { category: 'lost', count: 1, amountMinor: 1000, effectMinor: -1000 },
    ]);
    expect([eur!.currency, eur!.startValueMinor, eur!.endValueMinor]).toEqual(['EUR', 0, 1000]);
  });
});
