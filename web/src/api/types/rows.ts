/** One opportunity of GET /api/opportunities (row-level, filtered by the viewer's access). */
export interface Opportunity {
  id: number;
  name: string;
  ownerId: number | null;
  ownerName?: string | null;
  accountName?: string | null;
  stageName?: string | null;
  status: 'open' | 'won' | 'lost';
  amountMinor: number;
  currency: string;
  forecastCategory: 'pipeline' | 'best_case' | 'commit' | 'closed' | 'omitted';
  expectedCloseDate: string | null;
  /** Days since the last stage/amount change, from the server. */
  daysSinceChange?: number | null;
}

/** One lead of GET /api/leads. */
export interface Lead {
  id: number;
  name: string;
  company: string | null;
  source: string | null;
  ownerId: number | null;
  ownerName?: string | null;
  status: string;
  createdAt: string;
  firstTouchAt: string | null;
  /** When the SLA runs out (business time), from the server. */
  slaDueAt?: string | null;
}

/** One lead SLA alert of GET /api/alerts. */
export interface Alert {
  id: number;
  kind: 'lead_sla';
  leadId: number;
  ownerId: number | null;
  dueAt: string;
  raisedAt: string;
  details: { leadName?: string; ownerName?: string; [key: string]: unknown };
  acknowledgedAt: string | null;
}
