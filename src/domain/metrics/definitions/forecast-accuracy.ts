import type { MetricDefinition } from '../definition.ts';

/** Forecast accuracy: how close a forecast made during a quarter came to what was won in it. */
export const forecastAccuracy = {
  id: 'forecast_accuracy',
  label: 'Forecast accuracy',
  description:
    'How close the forecast made at a checkpoint of a quarter came to what was then won in it: 1 = exact. One method and checkpoint per query (API `forecastMethod` and `checkpoint`, CLI `--forecast-method` and `--checkpoint`; default stage-weighted at quarter start).',
  unit: 'ratio',
  kind: 'derived',
  formula: '1 - |forecast - actual| / actual',
  counts:
    "Quarters that ended in the range and have a stored forecast snapshot at the checkpoint (start: the quarter's first week; week2: its second; mid: the week up to its middle; the earliest snapshot in that week). Forecast: the rep-scope value the snapshot stored for the method, summed over the group's reps. Actual: revenue the reps won in the quarter (workspace currency). Deals without an owner are not counted. No quarter won anything: no value.",
  parts: {
    forecast: {
      source: 'forecast_snapshots',
      aggregate: { fn: 'sum', column: 'forecast' },
    },
    actual: {
      source: 'forecast_snapshots',
      aggregate: { fn: 'sum', column: 'actual' },
    },
  },
  additive: false,
  indicator: 'lagging',
  focus: 'effectiveness',
  direction: 'higher',
  derivation: 'forecast_accuracy',
} satisfies MetricDefinition;
