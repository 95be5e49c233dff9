/** The data-quality view the web app reads (src/server/routes/capture/get-integrity.ts). */

export type IntegritySignal = 'zero_length_call_share' | 'repeat_touch_share' | 'bulk_logged_share';

export const INTEGRITY_SIGNALS: readonly IntegritySignal[] = [
  'zero_length_call_share',
  'repeat_touch_share',
  'bulk_logged_share',
];

export interface SignalJudgement {
  value: number | null;
  numerator: number;
  denominator: number;
  flagged: boolean;
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

export interface IntegrityRep {
  userId: number;
  name: string;
  flagged: boolean;
  signals: Record<IntegritySignal, SignalJudgement>;
  worstDays: WorstDay[];
}

export interface IntegrityReport {
  from: string;
  to: string;
  thresholds: {
    zeroLengthCallSeconds: number;
    repeatTouchNth: number;
    burstRows: number;
    burstMinutes: number;
  };
  medians: Record<IntegritySignal, number | null>;
  reps: IntegrityRep[];
}

export const INTEGRITY_FIELDS = ['from', 'to', 'thresholds', 'medians', 'reps'] as const;
