import type { ColumnType, Generated, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;

/** Kinds of alert: a lead's response SLA missed, or a captured email that could not be logged (0031). */
export type AlertKind = 'lead_sla' | 'capture_unmatched';

export interface AlertsTable {
  id: Generated<number>;
  kind: AlertKind;
  /** Always set for lead_sla; null for capture_unmatched. */
  lead_id: number | null;
  owner_id: number | null;
  manager_id: number | null;
  due_at: Timestamp;
  raised_at: Timestamp;
  details: Generated<unknown>;
  acknowledged_at: Timestamp | null;
  acknowledged_by: number | null;
}

export interface WebhookEndpointsTable {
  id: Generated<number>;
  url: string;
  secret: string;
  description: string | null;
  active: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export type DeliveryStatus = 'pending' | 'delivered' | 'failed';

export interface WebhookDeliveriesTable {
  id: Generated<number>;
  endpoint_id: number;
  event: string;
  alert_id: number | null;
  body: string;
  status: Generated<DeliveryStatus>;
  attempts: Generated<number>;
  next_attempt_at: Timestamp;
  last_attempt_at: Timestamp | null;
  last_status_code: number | null;
  last_error: string | null;
  delivered_at: Timestamp | null;
  created_at: CreatedAt;
}

/** An alert as the API and CLI show it. */
export interface Alert {
  id: number;
  kind: AlertKind;
  leadId: number | null;
  ownerId: number | null;
  managerId: number | null;
  dueAt: Date;
  raisedAt: Date;
  details: Record<string, unknown>;
  acknowledgedAt: Date | null;
  acknowledgedBy: number | null;
}

/** Maps an alerts row to the domain shape. */
export function toAlert(row: Selectable<AlertsTable>): Alert {
  return {
    id: row.id,
    kind: row.kind,
    leadId: row.lead_id,
    ownerId: row.owner_id,
    managerId: row.manager_id,
    dueAt: row.due_at,
    raisedAt: row.raised_at,
    details: (row.details ?? {}) as Record<string, unknown>,
    acknowledgedAt: row.acknowledged_at,
    acknowledgedBy: row.acknowledged_by,
  };
}

/** A webhook endpoint without its secret (secrets are write-only through the API). */
export interface WebhookEndpoint {
  id: number;
  url: string;
  description: string | null;
  active: boolean;
  createdAt: Date;
}

/** Maps an endpoint row to the public shape (drops the secret). */
export function toWebhookEndpoint(row: Selectable<WebhookEndpointsTable>): WebhookEndpoint {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    active: row.active,
    createdAt: row.created_at,
  };
}
