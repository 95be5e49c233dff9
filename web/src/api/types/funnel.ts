/** A ratio with its parts, as the API returns it. */
export interface Ratio {
  value: number | null;
  numerator?: number;
  denominator?: number;
}

/** One pipeline stage of GET /api/funnel: how many reached it, moved on, won, and how long they stayed. */
export interface FunnelStage {
  stageId: number;
  name: string;
  position: number;
  entered: number;
  advanced: number;
  won: number;
  conversion: Ratio;
  winRate: Ratio;
  avgDays: number | null;
  medianDays: number | null;
}

/** One step of the lead funnel (lead -> MQL -> SQL -> opportunity -> won). */
export interface LeadStep {
  step: 'lead' | 'mql' | 'sql' | 'opportunity' | 'won';
  count: number;
  fromPrevious: Ratio | null;
  fromLeads: Ratio;
}

/** GET /api/funnel?period=. */
export interface Funnel {
  period: { key: string; from: string; to: string };
  pipeline: { id: number; name: string };
  stages: FunnelStage[];
  leads: LeadStep[];
}

export const FUNNEL_FIELDS = [
  'period',
  'pipeline',
  'stages',
  'leads',
] as const satisfies readonly (keyof Funnel)[];
