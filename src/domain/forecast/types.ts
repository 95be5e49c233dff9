/** Vocabulary shared by every forecast method: plain data in, plain numbers out (money in minor units). */

/** The forecast methods, in display order. */
export const METHOD_IDS = ['stage_weighted', 'judgement', 'run_rate', 'cycle_age', 'monte_carlo'] as const;
export type MethodId = (typeof METHOD_IDS)[number];

export type DealType = 'new_business' | 'upsell' | 'renewal';
export type DealCategory = 'pipeline' | 'best_case' | 'commit' | 'closed' | 'omitted';

/** One open opportunity as the forecast sees it (today's pipeline or the pipeline rebuilt at a past date). */
export interface ForecastDeal {
  id: number;
  ownerId: number | null;
  pipelineId: number;
  stageId: number;
  type: DealType;
  /** Open amount, minor units. */
  amount: number;
  /** Win probability of the deal's stage, 0..1 (the stage's probability in its pipeline). */
  probability: number;
  category: DealCategory;
  /** The rep's own forecast amount for the deal, when set; otherwise the amount counts. */
  forecastAmount: number | null;
  /** Local 'YYYY-MM-DD'; null when the rep has not set one. */
  expectedCloseDate: string | null;
  /** Local date the deal was created. */
  createdDate: string;
  /** Local date the deal last entered its current stage (absent or null: unknown, its creation date counts). */
  stageEnteredDate?: string | null;
}

/** The period being forecast and the day the forecast is made (all local dates, end exclusive). */
export interface ForecastWindow {
  start: string;
  end: string;
  asOfDate: string;
}

/** One method's answer for one scope and period. */
export interface MethodResult {
  method: MethodId;
  /** Forecast of revenue won in the period: won to date plus the method's projection of the rest. */
  value: number;
  wonToDate: number;
  /** The method's projection of what is still to be won (value - wonToDate). */
  projected: number;
  /** Of `projected`, the part from deals open at the as-of instant; null for methods that do not split. */
  inPipeline: number | null;
  /** Of `projected`, the part from deals still to be created and won in the period (new-pipeline.ts). */
  toBeCreated: number | null;
  /** Range, for methods that give one (Monte Carlo P10 / P90). */
  low: number | null;
  high: number | null;
  /** Method-specific parts of the number, for display (e.g. commit / best case / pipeline). */
  breakdown: Record<string, number | string | null>;
}
