import type { ScoreReason } from './scoring.ts';

/** One opportunity of GET /api/opportunities ({ items, total }; row-level, filtered by the viewer's access). */
export interface Opportunity {
  id: number;
  name: string;
  accountName: string | null;
  ownerId: number | null;
  ownerName: string | null;
  pipelineId: number;
  stageId: number;
  stageName: string;
  status: 'open' | 'won' | 'lost';
  type: 'new_business' | 'upsell' | 'renewal';
  amountMinor: number;
  currency: string;
  /** In the workspace currency (close date's rate; open deals today's); null when no rate is in effect. */
  workspaceAmountMinor: number | null;
  forecastCategory: 'pipeline' | 'best_case' | 'commit' | 'closed' | 'omitted';
  expectedCloseDate: string | null;
  createdAt: string;
}

export const OPPORTUNITY_FIELDS = [
  'id',
  'name',
  'ownerName',
  'stageName',
  'status',
  'amountMinor',
  'currency',
  'workspaceAmountMinor',
  'forecastCategory',
  'expectedCloseDate',
] as const satisfies readonly (keyof Opportunity)[];

/** One lead of GET /api/leads ({ items, total }). */
export interface Lead {
  id: number;
  name: string;
  email: string | null;
  company: string | null;
  source: string | null;
  ownerId: number | null;
  ownerName: string | null;
  status: 'new' | 'working' | 'mql' | 'sql' | 'disqualified' | 'converted';
  createdAt: string;
  firstTouchAt: string | null;
  firstResponseAt: string | null;
  responseBusinessMinutes: number | null;
  /** Latest lead score and the rules that fired (null before the lead was first scored). */
  score: number | null;
  scoreWhy: ScoreReason[] | null;
}

export const LEAD_FIELDS = [
  'id',
  'name',
  'company',
  'ownerId',
  'status',
  'createdAt',
  'firstTouchAt',
  'score',
  'scoreWhy',
] as const satisfies readonly (keyof Lead)[];
