/** Response types of the coaching endpoints (src/server/routes/coaching/). */

export type PipelineCategory =
  | 'added'
  | 'pulled_in'
  | 'reassigned_in'
  | 'amount_up'
  | 'amount_down'
  | 'moved_forward'
  | 'moved_back'
  | 'stalled'
  | 'unchanged'
  | 'won'
  | 'lost'
  | 'pushed'
  | 'reassigned_out'
  | 'removed';

export type PipelineFlag =
  | 'created'
  | 'moved_forward'
  | 'moved_back'
  | 'close_date_later'
  | 'close_date_earlier'
  | 'amount_up'
  | 'amount_down'
  | 'owner_changed'
  | 'stalled';

/** One currency's reconciliation: start + the categories' effects = end. */
export interface PipelineTotals {
  currency: string;
  startCount: number;
  startValueMinor: number;
  endCount: number;
  endValueMinor: number;
  categories: Array<{ category: PipelineCategory; count: number; amountMinor: number; effectMinor: number }>;
  flags: Array<{ flag: PipelineFlag; count: number }>;
}

export interface PipelineDeal {
  opportunityId: number;
  name: string;
  currency: string;
  ownerId: number | null;
  ownerName: string | null;
  category: PipelineCategory;
  flags: PipelineFlag[];
  startAmountMinor: number;
  endAmountMinor: number;
  effectMinor: number;
  amountMinor: number;
  startCloseDate: string | null;
  endCloseDate: string | null;
}

/** GET /api/pipeline-changes. */
export interface PipelineChanges {
  week: { key: string; from: string; to: string };
  closePeriod: { key: string; from: string | null; to: string | null };
  subject: { type: 'rep' | 'team' | 'visible'; id: number | null; name: string };
  stalledDays: number;
  totals: PipelineTotals[];
  /** At most `limit` deals (of `category` when asked), largest effect first. */
  deals: PipelineDeal[];
  dealCount: number;
}

export const PIPELINE_CHANGES_FIELDS = [
  'week',
  'closePeriod',
  'subject',
  'stalledDays',
  'totals',
  'deals',
] as const;

interface StageSide {
  entered: number;
  advanced: number;
  rate: number | null;
  medianDays: number | null;
  avgDays: number | null;
}

export type DiagnosisSentence =
  | { kind: 'biggest_gap'; values: { from: string; to: string; rep: number; team: number }; text: string }
  | { kind: 'no_gap'; values: { points: number }; text: string }
  | {
      kind: 'follow_up_gaps';
      values: { count: number; lost: number; threshold: number; teamShare: number | null };
      text: string;
    }
  | { kind: 'response_time'; values: { rep: number; team: number | null }; text: string };

/** GET /api/coaching/funnel-diagnosis. */
export interface FunnelDiagnosis {
  rep: { id: number; name: string };
  peers: { kind: 'team' | 'company'; teamId: number | null; teamName: string | null; reps: number };
  period: { key: string; from: string; to: string };
  stages: Array<{
    stageId: number;
    from: string;
    to: string;
    rep: StageSide;
    team: StageSide;
    gap: number | null;
    daysGap: number | null;
  }>;
  biggestGap: { stageId: number; from: string; to: string; repRate: number; teamRate: number } | null;
  followUps: {
    threshold: number;
    rep: { lost: number; fewFollowUps: number; share: number | null };
    team: { lost: number; fewFollowUps: number; share: number | null };
  };
  responseTime: { repMinutes: number | null; teamMinutes: number | null };
  sentences: DiagnosisSentence[];
}

export const FUNNEL_DIAGNOSIS_FIELDS = [
  'rep',
  'peers',
  'period',
  'stages',
  'biggestGap',
  'followUps',
  'responseTime',
  'sentences',
] as const;
