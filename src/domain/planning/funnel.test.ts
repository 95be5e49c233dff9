import { describe, expect, it } from 'vitest';
import {
  projectFunnel,
  reachFromStepRates,
  requiredFunnel,
  stepRate,
  winsForRevenue,
  withWinRateDelta,
} from './funnel.ts';
import { planFunnel } from './plan.ts';

// The brief: 50% of leads reach a quote, 20% reach negotiation, 10% close.
const brief = [
  { id: 'lead', label: 'Leads', reach: 1 },
  { id: 'quote', label: 'Quotes', reach: 0.5 },
  { id: 'negotiation', label: 'Negotiation', reach: 0.2 },
  { id: 'won', label: 'Customers', reach: 0.1 },
];

describe('funnel planner', () => {
  it('needs 500 leads for 50 customers a month (the brief)', () => {
    expect(requiredFunnel(brief, 50)?.map((s) => s.required)).toEqual([500, 250, 100, 50]);
  });

  it('turns 120 inquiries into 12 customers where 100 made 10 (the brief)', () => {
    const tenPercent = [
      { id: 'lead', label: 'Inquiries', reach: 1 },
      { id: 'won', label: 'Customers', reach: 0.1 },
    ];
    expect(projectFunnel(tenPercent, 100)[1]?.required).toBeCloseTo(10, 10);
    expect(projectFunnel(tenPercent, 120)[1]?.required).toBeCloseTo(12, 10);
  });

  it('adds win-rate points to the last step only', () => {
    // Negotiation -> close is 50%; +5 points makes 55%, so reach 0.2 x 0.55 = 0.11.
    const better = withWinRateDelta(brief, 5);
    expect(stepRate(brief, 3)).toBeCloseTo(0.5, 10);
    expect(better[3]?.reach).toBeCloseTo(0.11, 10);
    expect(better[2]?.reach).toBe(0.2);
    // 50 customers now need ceil(50 / 0.11) = 455 leads.
    expect(requiredFunnel(better, 50)?.[0]?.required).toBe(455);
  });

  it('builds reach from step rates and wins from revenue', () => {
    const stages = reachFromStepRates([
      { id: 'lead', label: 'Leads', stepRate: 1 },
      { id: 'quote', label: 'Quotes', stepRate: 0.5 },
      { id: 'won', label: 'Won', stepRate: 0.2 },
    ]);
    expect(stages.map((s) => s.reach)).toEqual([1, 0.5, 0.1]);
    expect(winsForRevenue(500_000, 10_000)).toBe(50);
    expect(winsForRevenue(500_001, 10_000)).toBe(51);
    expect(winsForRevenue(1, 0)).toBeNull();
    expect(requiredFunnel([{ id: 'lead', label: 'L', reach: 0 }], 5)).toBeNull();
  });

  it('plans a revenue target and a what-if lead count on an observed funnel', () => {
    const plan = planFunnel(
      { stages: brief, avgDealSize: 10_000, topPerPeriod: 400 },
      { targetRevenue: 500_000, leads: 450 },
    );
    expect(plan.targetWins).toBe(50);
    expect(plan.required?.[0]?.required).toBe(500);
    expect(plan.projectedWins).toBeCloseTo(45, 10);
    expect(plan.projectedRevenue).toBe(450_000);
    expect(plan.gapWins).toBeCloseTo(-5, 10);
  });
});
