import type { ApiNotice } from '../../components/notice-text.tsx';
/** Forecast method ids (src/domain/forecast/types.ts). */
export type MethodId = 'stage_weighted' | 'judgement' | 'run_rate' | 'cycle_age' | 'monte_carlo';

/** One method's forecast for the period (money in minor units). */
export interface MethodResult {
  method: MethodId;
  value: number;
  wonToDate: number;
  projected: number;
  /** Of projected: from deals open now; null when the method does not split. */
  inPipeline: number | null;
  /** Of projected: from deals still to be created and won in the period. */
  toBeCreated: number | null;
  low: number | null;
  high: number | null;
}

/** Error statistics of past forecasts against what was actually won. */
export interface ErrorStats {
  mape: number | null;
  bias: number | null;
  n: number;
}

/** GET /api/forecast: every method side by side for one scope and period, the range and the track record. */
export interface Forecast {
  period: { key: string; grain: string; start: string; end: string };
  scope: { key: string; name: string };
  currency: string;
  methods: MethodResult[];
  range: { p10: number; p50: number; p90: number } | null;
  pipelineCoverage: number | null;
  warnings: string[];
  /** The warnings as codes and values, in the same order. */
  notices: ApiNotice[];
  /** Configured vs observed stage probabilities (company, closed deals of the last 365 days). */
  calibration: {
    stageId: number;
    stageName: string;
    configured: number;
    /** Won share of the days closed deals spent in the stage. */
    observed: number | null;
    closed: number;
    learned: number;
    /** The probability the forecast used for the stage's pipeline. */
    source: 'configured' | 'learned';
  }[];
  /** The number to plan with: the blend while it beats the best method so far, else that method. */
  recommended: { method: MethodId | 'blended'; value: number; reason: string } | null;
  trackRecord: {
    /** Error at the period starts, 7 days in and at mid-period of the last periods of this kind. */
    methods: {
      method: MethodId;
      atStart: ErrorStats;
      atWeek2: ErrorStats;
      atMid: ErrorStats;
      allCheckpoints: ErrorStats;
    }[];
    best: MethodId | null;
  } | null;
  /** When it was computed (ISO instant). */
  asOf: string;
  /** Only with stale=allow: the data changed since asOf and the current answer is being computed; ask again. */
  stale: boolean;
}

export const FORECAST_FIELDS = [
  'period',
  'methods',
  'range',
  'trackRecord',
  'warnings',
  'notices',
  'calibration',
  'recommended',
  'asOf',
  'stale',
] as const satisfies readonly (keyof Forecast)[];
