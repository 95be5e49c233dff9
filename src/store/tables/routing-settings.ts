import type { Db } from '../db.ts';
import type { RouteOn } from './routing.ts';

/** When leads are routed and whether a missed response SLA moves them (routing_settings, one row). */
export interface RoutingSettings {
  routeOn: RouteOn;
  reassignOnSlaBreach: boolean;
  maxSlaReassignments: number;
}

/** The migration's defaults, also used when the row is missing (a store emptied by a test). */
export const DEFAULT_ROUTING_SETTINGS: RoutingSettings = {
  routeOn: 'sql',
  reassignOnSlaBreach: false,
  maxSlaReassignments: 1,
};

export async function getRoutingSettings(db: Db): Promise<RoutingSettings> {
  const row = await db.selectFrom('routing_settings').selectAll().where('id', '=', 1).executeTakeFirst();
  if (!row) return { ...DEFAULT_ROUTING_SETTINGS };
  return {
    routeOn: row.route_on,
    reassignOnSlaBreach: row.reassign_on_sla_breach,
    maxSlaReassignments: row.max_sla_reassignments,
  };
}

/** Changes some routing settings; returns the whole. */
export async function updateRoutingSettings(
  db: Db,
  patch: Partial<RoutingSettings>,
): Promise<RoutingSettings> {
  const next = { ...(await getRoutingSettings(db)), ...patch };
  const values = {
    route_on: next.routeOn,
    reassign_on_sla_breach: next.reassignOnSlaBreach,
    max_sla_reassignments: next.maxSlaReassignments,
    updated_at: new Date(),
  };
  await db
    .insertInto('routing_settings')
    .values({ id: 1, ...values })
    .onConflict((oc) => oc.column('id').doUpdateSet(values))
    .execute();
  return next;
}
