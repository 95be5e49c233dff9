import type { Selectable } from 'kysely';
import type { Goal } from '../../../domain/goals/goal.ts';
import type { GoalsTable } from '../../schema.ts';

/** Maps a goals row to the domain object. */
export function toGoal(row: Selectable<GoalsTable>): Goal {
  return {
    id: row.id,
    externalId: row.external_id,
    name: row.name,
    metricId: row.metric_id,
    scopeType: row.scope_type,
    scopeId: row.scope_id,
    grain: row.grain,
    periodKey: row.period_key,
    target: Number(row.target),
    direction: row.direction,
    template: row.template,
    createdBy: row.created_by,
    archivedAt: row.archived_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
