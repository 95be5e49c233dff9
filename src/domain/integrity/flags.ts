import type { MetricValue } from '../metrics/definition.ts';
import {
  BURST_MINUTES,
  BURST_ROWS,
  FLAG_RULES,
  INTEGRITY_SIGNALS,
  REPEAT_TOUCH_NTH,
  ZERO_LENGTH_CALL_SECONDS,
  type IntegritySignal,
} from './thresholds.ts';

/*
 * Pure judgement of the integrity signals (docs/capture.md, "Integrity (data quality)"): the values come from the
 * metrics engine; this only compares them with the flag rules and the median rep, and picks the days to check.
 */

/** Fewest reps with enough rows before a median is quoted or compared with (a median of 2 would give one away). */
export const MIN_REPS_FOR_MEDIAN = 5;

/** How many of a rep's worst days are listed as examples. */
export const WORST_DAYS = 3;

/** The numerator and denominator of each signal for one rep (whole period or one day). */
export type SignalParts = Record<IntegritySignal, { numerator: number; denominator: number }>;

export interface SignalJudgement {
  value: number | null;
  numerator: number;
  denominator: number;
  flagged: boolean;
  /** Plain-language reason when flagged, e.g. "41% of calls under 10 s (median of all reps 6%)". */
  reason: string | null;
}

export interface WorstDay {
  date: string;
  zeroLengthCalls: number;
  timedCalls: number;
  repeatTouches: number;
  touches: number;
  bulkLogged: number;
  typedIn: number;
}

/** The parts of a metric value (0/0 when the engine gave none). */
export function partsOf(values: Record<string, MetricValue | undefined>): SignalParts {
  const out = {} as SignalParts;
  for (const s of INTEGRITY_SIGNALS) {
    out[s] = { numerator: values[s]?.numerator ?? 0, denominator: values[s]?.denominator ?? 0 };
  }
  return out;
}

/** Adds b's parts to a's (counts of disjoint days add up). */
export function addParts(a: SignalParts, b: SignalParts): SignalParts {
  const out = {} as SignalParts;
  for (const s of INTEGRITY_SIGNALS) {
    out[s] = {
      numerator: a[s].numerator + b[s].numerator,
      denominator: a[s].denominator + b[s].denominator,
    };
  }
  return out;
}

export function emptyParts(): SignalParts {
  return partsOf({});
}

/** The median of the values, or null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const xs = [...values].sort((a, b) => a - b);
  const mid = Math.floor(xs.length / 2);
  return xs.length % 2 === 1 ? (xs[mid] as number) : ((xs[mid - 1] as number) + (xs[mid] as number)) / 2;
}

/**
 * The median rep per signal over reps with at least the rule's minimum rows, or null when fewer than
 * MIN_REPS_FOR_MEDIAN reps qualify.
 */
export function signalMedians(reps: readonly SignalParts[]): Record<IntegritySignal, number | null> {
  const out = {} as Record<IntegritySignal, number | null>;
  for (const s of INTEGRITY_SIGNALS) {
    const values = reps
      .filter((r) => r[s].denominator >= FLAG_RULES[s].minDenominator)
      .map((r) => r[s].numerator / r[s].denominator);
    out[s] = values.length >= MIN_REPS_FOR_MEDIAN ? median(values) : null;
  }
  return out;
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** What a flagged share means, in words, for the reason text. */
function describe(signal: IntegritySignal, value: number): string {
  switch (signal) {
    case 'zero_length_call_share':
      return `${pct(value)} of calls under ${ZERO_LENGTH_CALL_SECONDS} s`;
    case 'repeat_touch_share':
      return `${pct(value)} of touches were the ${REPEAT_TOUCH_NTH}rd or later to the same person that day`;
    case 'bulk_logged_share':
      return `${pct(value)} of typed-in activities were logged after hours in bursts of ${BURST_ROWS}+ within ${BURST_MINUTES} min`;
  }
}

/**
 * Flags a signal when the rep has at least the rule's minimum rows, the share reaches the rule's floor and, when
 * a median is known, the rule's multiple of the median rep.
 */
export function judge(
  signal: IntegritySignal,
  parts: { numerator: number; denominator: number },
  medianValue: number | null,
): SignalJudgement {
  const rule = FLAG_RULES[signal];
  const value = parts.denominator > 0 ? parts.numerator / parts.denominator : null;
  const flagged =
    value !== null &&
    parts.denominator >= rule.minDenominator &&
    value >= rule.floor &&
    (medianValue === null || value >= rule.medianMultiple * medianValue);
  const reason = flagged
    ? `${describe(signal, value)} (${parts.numerator} of ${parts.denominator}; ${
        medianValue === null ? 'too few reps for a median' : `median of all reps ${pct(medianValue)}`
      })`
    : null;
  return { value, ...parts, flagged, reason };
}

/** The rep's worst days: most suspicious rows first (ties: the earlier day), days with none left out. */
export function worstDays(
  days: ReadonlyArray<{ date: string; parts: SignalParts }>,
  limit = WORST_DAYS,
): WorstDay[] {
  const suspicious = (p: SignalParts) =>
    p.zero_length_call_share.numerator + p.repeat_touch_share.numerator + p.bulk_logged_share.numerator;
  return days
    .filter((d) => suspicious(d.parts) > 0)
    .sort((a, b) => suspicious(b.parts) - suspicious(a.parts) || a.date.localeCompare(b.date))
    .slice(0, limit)
    .map(({ date, parts: p }) => ({
      date,
      zeroLengthCalls: p.zero_length_call_share.numerator,
      timedCalls: p.zero_length_call_share.denominator,
      repeatTouches: p.repeat_touch_share.numerator,
      touches: p.repeat_touch_share.denominator,
      bulkLogged: p.bulk_logged_share.numerator,
      typedIn: p.bulk_logged_share.denominator,
    }));
}
