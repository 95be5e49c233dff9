import { sql } from 'kysely';
import type { SourceSpec } from '../source-spec.ts';
import { opportunityColumns, opportunityDimensions } from './opportunities-closed.ts';
import { opportunityCreatedMonths } from './opportunity-rollups.ts';

/** Opportunities in the period by created_at, any status, credited to their owner. */
export const opportunitiesCreatedSource: SourceSpec = {
  name: 'opportunities_created',
  mode: 'event',
  from: () => sql`opportunities o left join users u on u.id = o.owner_id`,
  where: () => [],
  owner: sql`o.owner_id`,
  team: sql`u.team_id`,
  timeColumns: { created_at: { expr: sql`o.created_at`, type: 'timestamptz' } },
  columns: opportunityColumns,
  filterColumns: {
    pipeline: sql`o.pipeline_id`,
    opportunityType: sql`o.type`,
    leadSource: sql`o.lead_source`,
  },
  rollups: [opportunityCreatedMonths],
  dimensions: opportunityDimensions,
};
