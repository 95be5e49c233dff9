import type { Insertable } from 'kysely';
import { AccountTable } from './account-table.ts';
import { ActivityLog } from './activity-log.ts';
import { ContactTable } from './contact-table.ts';
import { HistoryTable } from './history-table.ts';
import type { DemoLeadEvent } from './sim/lead-engagement.ts';
import type {
  AcquisitionCostsTable,
  CustomersTable,
  GoalsTable,
  LeadsTable,
  OpportunitiesTable,
  SubscriptionsTable,
  TeamsTable,
  UsersTable,
} from '../store/schema.ts';

/** A row with the id the generator chose, so rows can reference each other before anything is written. */
type WithId<T> = Insertable<T> & { id: number };

/** Everything the demo writes, in memory; ids are assigned by the generator (1, 2, 3, ... per table). */
export interface DemoDataset {
  teams: WithId<TeamsTable>[];
  users: WithId<UsersTable>[];
  /** Column-wise, like the activities: hundreds of thousands of rows at the 200-rep size. */
  accounts: AccountTable;
  contacts: ContactTable;
  leads: WithId<LeadsTable>[];
  opportunities: WithId<OpportunitiesTable>[];
  opportunityHistory: HistoryTable;
  /** Column-wise: millions of rows at the 200-rep size (see activity-log.ts). */
  activities: ActivityLog;
  goals: Insertable<GoalsTable>[];
  customers: WithId<CustomersTable>[];
  subscriptions: Insertable<SubscriptionsTable>[];
  acquisitionCosts: Insertable<AcquisitionCostsTable>[];
  /** Engagement events of the leads, for lead scoring (sim/lead-engagement.ts). */
  leadEvents: DemoLeadEvent[];
}

/** An empty dataset; `expectedActivities` sizes the activity log once (see ActivityLog). */
export function emptyDataset(expectedActivities = 0): DemoDataset {
  return {
    teams: [],
    users: [],
    accounts: new AccountTable(),
    contacts: new ContactTable(),
    leads: [],
    opportunities: [],
    opportunityHistory: new HistoryTable(),
    activities: new ActivityLog(expectedActivities),
    goals: [],
    customers: [],
    subscriptions: [],
    acquisitionCosts: [],
    leadEvents: [],
  };
}

/** Row counts per table, printed after a run and compared by the determinism test. */
export function datasetCounts(ds: DemoDataset): Record<keyof DemoDataset, number> {
  const counts = {} as Record<keyof DemoDataset, number>;
  for (const key of Object.keys(ds) as (keyof DemoDataset)[]) counts[key] = ds[key].length;
  return counts;
}
