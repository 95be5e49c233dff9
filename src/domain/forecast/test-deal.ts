import type { ForecastDeal } from './types.ts';

/** Builds a deal for unit tests with neutral defaults. */
export function deal(over: Partial<ForecastDeal> & { id: number }): ForecastDeal {
  return {
    ownerId: 1,
    pipelineId: 1,
    stageId: 1,
    type: 'new_business',
    amount: 10_000,
    probability: 0.5,
    category: 'pipeline',
    forecastAmount: null,
    expectedCloseDate: '2026-11-15',
    createdDate: '2026-09-01',
    ...over,
  };
}
