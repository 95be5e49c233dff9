import { assertNever } from '../../../../errors.ts';
import type { MetricSource } from '../../../../domain/metrics/definition.ts';
import type { SourceSpec } from '../source-spec.ts';
import { activitiesSource } from './activities.ts';
import { costsSource } from './costs.ts';
import { customersSource } from './customers.ts';
import { customerSubscriptionsSource } from './customer-subscriptions.ts';
import { goalsSource } from './goals.ts';
import { leadsSource } from './leads.ts';
import { opportunitiesClosedSource } from './opportunities-closed.ts';
import { opportunitiesCreatedSource } from './opportunities-created.ts';
import { opportunitiesOpenAtEndSource } from './opportunities-open-at-end.ts';
import { workingTimeSource } from './working-time.ts';
import { forecastSnapshotsSource } from './forecast-snapshots.ts';
import { leadAssignmentsSource } from './lead-assignments.ts';
import { repsSource } from './reps.ts';
import { commissionStatementsSource } from './commission-statements.ts';

/** The SQL reading of each fact; swap an entry for a rollup-backed spec to move a source onto an aggregate table. */
export function sourceSpec(source: MetricSource): SourceSpec {
  switch (source) {
    case 'activities':
      return activitiesSource;
    case 'opportunities_closed':
      return opportunitiesClosedSource;
    case 'opportunities_created':
      return opportunitiesCreatedSource;
    case 'opportunities_open_at_end':
      return opportunitiesOpenAtEndSource;
    case 'leads':
      return leadsSource;
    case 'customers':
      return customersSource;
    case 'customer_subscriptions':
      return customerSubscriptionsSource;
    case 'costs':
      return costsSource;
    case 'goals':
      return goalsSource;
    case 'working_time':
      return workingTimeSource;
    case 'forecast_snapshots':
      return forecastSnapshotsSource;
    case 'lead_assignments':
      return leadAssignmentsSource;
    case 'reps':
      return repsSource;
    case 'commission_statements':
      return commissionStatementsSource;
    case 'stage_history':
      // Stage history feeds the funnel report (src/store/queries/funnel/), not registry metrics yet.
      throw new Error('No metric source reads stage_history yet');
    default:
      return assertNever(source, 'metric source');
  }
}
