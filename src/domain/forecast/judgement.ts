import { dealsInWindow } from './deal-window.ts';
import type { ForecastDeal, ForecastWindow, MethodResult } from './types.ts';

/** A period-level call: a rep's (or manager's) own number for a scope, or a manager's override of it. */
export interface ForecastCall {
  /** 'company', 'team:ID' or 'rep:ID'. */
  scopeKey: string;
  kind: 'call' | 'override';
  amount: number;
  setBy: number | null;
  setAt: Date;
  note: string | null;
}

/** Won to date plus the open deals by forecast category, cumulative (commit <= best case <= pipeline). */
export interface CategoryRollup {
  commit: number;
  bestCase: number;
  pipeline: number;
}

/** The latest call and the latest override for one scope. */
export interface ScopeCalls {
  call: ForecastCall | null;
  override: ForecastCall | null;
}

/** Rolls deals closing in the period up by category; a deal's forecast amount, when set, replaces its amount. */
export function categoryRollup(
  deals: readonly ForecastDeal[],
  window: ForecastWindow,
  wonToDate: number,
): CategoryRollup {
  let commit = 0;
  let bestCase = 0;
  let pipeline = 0;
  for (const d of dealsInWindow(deals, window)) {
    const amount = d.forecastAmount ?? d.amount;
    switch (d.category) {
      case 'commit':
      case 'closed':
        commit += amount;
        break;
      case 'best_case':
        bestCase += amount;
        break;
      case 'pipeline':
        pipeline += amount;
        break;
      case 'omitted':
        break;
      default: {
        const never: never = d.category;
        throw new Error(`Unexpected category ${String(never)}`);
      }
    }
  }
  return {
    commit: wonToDate + commit,
    bestCase: wonToDate + commit + bestCase,
    pipeline: wonToDate + commit + bestCase + pipeline,
  };
}

export interface JudgementInput {
  scopeKey: string;
  /** 'rep:ID' of every rep in a team or company scope ('rep:none' collects unassigned deals); empty for a rep scope. */
  repKeys: readonly string[];
  calls: ReadonlyMap<string, ScopeCalls>;
  /** Category roll-up per rep key (used when a rep has made no call). */
  rollupByRep: ReadonlyMap<string, CategoryRollup>;
  /** The scope's own roll-up. */
  rollup: CategoryRollup;
  wonToDate: number;
}

const NO_ROLLUP: CategoryRollup = { commit: 0, bestCase: 0, pipeline: 0 };

/** A rep's number: the manager's override, else the rep's call, else the commit roll-up of the rep's deals. */
function repNumber(
  key: string,
  input: JudgementInput,
): { amount: number; source: 'override' | 'call' | 'commit' } {
  const c = input.calls.get(key);
  if (c?.override) return { amount: c.override.amount, source: 'override' };
  if (c?.call) return { amount: c.call.amount, source: 'call' };
  return { amount: (input.rollupByRep.get(key) ?? NO_ROLLUP).commit, source: 'commit' };
}

/**
 * Judgement forecast. The scope's own override wins, then the scope's own call; without either, a rep scope
 * falls back to its commit roll-up and a team or company scope sums its reps' numbers (each rep: override, call,
 * or commit roll-up). Both the call and the override are reported, with who and when.
 */
export function judgementForecast(input: JudgementInput): MethodResult {
  const own = input.calls.get(input.scopeKey);
  let value: number;
  let source: string;
  if (own?.override) {
    value = own.override.amount;
    source = 'override';
  } else if (own?.call) {
    value = own.call.amount;
    source = 'call';
  } else if (input.repKeys.length === 0) {
    value = input.rollup.commit;
    source = 'commit';
  } else {
    value = 0;
    let fromCalls = 0;
    for (const key of input.repKeys) {
      const n = repNumber(key, input);
      value += n.amount;
      if (n.source !== 'commit') fromCalls += 1;
    }
    source = fromCalls > 0 ? 'rep_calls' : 'commit';
  }
  return {
    method: 'judgement',
    value,
    wonToDate: input.wonToDate,
    projected: value - input.wonToDate,
    low: input.rollup.commit,
    high: input.rollup.bestCase,
    inPipeline: null,
    toBeCreated: null,
    breakdown: {
      source,
      commit: input.rollup.commit,
      bestCase: input.rollup.bestCase,
      pipeline: input.rollup.pipeline,
      callAmount: own?.call?.amount ?? null,
      callBy: own?.call?.setBy ?? null,
      callAt: own?.call?.setAt.toISOString() ?? null,
      overrideAmount: own?.override?.amount ?? null,
      overrideBy: own?.override?.setBy ?? null,
      overrideAt: own?.override?.setAt.toISOString() ?? null,
    },
  };
}
