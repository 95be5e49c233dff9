import type { GoalPacing } from './goals.ts';
import type { LeaderboardLine } from './leaderboard.ts';

/** How an open deal moved in the hot window (docs/meeting-pack.md). */
export type DealMove = 'new' | 'advanced' | 'amount_up' | 'amount_down' | 'close_earlier' | 'close_later';

/** A stalled or won deal of the pack. */
export interface PackDeal {
  opportunityId: number;
  name: string;
  ownerId: number | null;
  ownerName: string | null;
  currency: string;
  amountMinor: number;
  /** In the workspace currency (stalled: as-of date's rate; won: close date's); null without a rate. */
  workspaceAmountMinor: number | null;
  stageName: string;
  date: string | null;
  days: number | null;
}

export interface HotDeal {
  opportunityId: number;
  name: string;
  ownerName: string | null;
  currency: string;
  stageName: string;
  probabilityPct: number;
  amountMinor: number;
  /** In the workspace currency by the as-of date's rate (deals without one are not listed). */
  workspaceAmountMinor: number;
  /** workspaceAmountMinor x probability, in the workspace currency. */
  weightedMinor: number;
  expectedCloseDate: string | null;
  moves: DealMove[];
}

interface StageSide {
  entered: number;
  advanced: number;
  rate: number | null;
}

/** GET /api/meeting-pack?team=&period=. */
export interface MeetingPack {
  subject: { type: 'team' | 'company'; id: number | null; name: string };
  period: { key: string; from: string; to: string };
  previousPeriod: { key: string; from: string; to: string };
  asOf: string;
  currency: string;
  kpis: { metricId: string; value: number | null; previous: number | null }[];
  goals: GoalPacing[];
  hottest: { windowDays: number; deals: HotDeal[] };
  stalled: { stalledDays: number; total: number; deals: PackDeal[] };
  wins: PackDeal[];
  /** Currencies of listed deals (or hottest candidates left out) without a rate on their date. */
  currenciesWithoutRate: string[];
  leaderboard: { metricId: string; previousPeriod: string; lines: LeaderboardLine[] };
  funnel: {
    from: string;
    to: string;
    stages: { stageId: number; from: string; to: string; rep: StageSide; team: StageSide }[];
    weakest: {
      stageId: number;
      from: string;
      to: string;
      entered: number;
      advanced: number;
      rate: number;
      companyRate: number | null;
    } | null;
  };
}

export const MEETING_PACK_FIELDS = [
  'subject',
  'period',
  'previousPeriod',
  'currency',
  'kpis',
  'goals',
  'hottest',
  'stalled',
  'wins',
  'currenciesWithoutRate',
  'leaderboard',
  'funnel',
] as const satisfies readonly (keyof MeetingPack)[];
