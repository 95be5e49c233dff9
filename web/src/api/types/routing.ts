/** Lead routing shapes the web app reads (src/server/routes/routing/*). */

// The bucket names are the domain's (one list); the web app reads only the type.
import type { ResponseBucket } from '../../../../src/domain/metrics/response-buckets.ts';

export interface SpeedToLeadRow {
  groupType: 'company' | 'rep' | 'source';
  groupName: string;
  bucket: ResponseBucket;
  leads: number;
  converted: number;
  won: number;
  conversionRate: number | null;
  winRate: number | null;
}

export interface FairnessRow {
  userId: number;
  name: string;
  leadsAssigned: number;
  averageScore: number | null;
}

export interface OutOfOffice {
  id: number;
  userId: number;
  startsOn: string;
  endsOn: string;
  note: string | null;
}

export interface RoutingRule {
  id: number;
  name: string;
  position: number;
  active: boolean;
  countries: string[] | null;
  regions: string[] | null;
  industries: string[] | null;
  minCompanySize: number | null;
  maxCompanySize: number | null;
  accountIds: number[] | null;
  repIds: number[];
  teamId: number | null;
}
