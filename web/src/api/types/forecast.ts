/** Forecast method ids (src/domain/forecast/types.ts). */
export type MethodId = 'stage_weighted' | 'judgement' | 'run_rate' | 'cycle_age' | 'monte_carlo';

/** One method's forecast for the period (money in minor units). */
export interface MethodResult {
  method: MethodId;
  value: number;
  wonToDate: number;
  projected: number;
  low: number | null;
  high: number | null;
}

/** GET /api/forecast: every method side by side for one scope and period. */
export interface Forecast {
  period: { key: string; start: string; end: string };
  methods: MethodResult[];
  target?: number | null;
}

/** One method's track record from GET /api/forecast/backtest (errors of past forecasts vs actual won). */
export interface BacktestMethod {
  method: MethodId;
  /** Mean absolute percentage error, 0..1. */
  mape: number | null;
  /** Mean signed error (bias) as a share of actual, -1..1. */
  bias?: number | null;
  periods?: number;
}

/** GET /api/forecast/backtest. */
export interface Backtest {
  methods: BacktestMethod[];
}
