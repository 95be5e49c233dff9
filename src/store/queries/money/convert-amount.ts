import { sql } from 'kysely';
import type { Db } from '../../db.ts';
import { toWorkspaceCurrency } from './to-workspace-currency.ts';

/**
 * One amount in the workspace currency by the rate in effect on local date `on`, through the one SQL conversion
 * (toWorkspaceCurrency); null when no rate is in effect. For single values computed outside a set-based query
 * (a deal's commission estimate).
 */
export async function convertAmount(
  db: Db,
  amountMinor: number,
  currency: string,
  on: string,
  workspaceCurrency: string,
): Promise<number | null> {
  const r = await sql<{ minor: string | null }>`select ${toWorkspaceCurrency(
    sql`${amountMinor}::bigint`,
    sql`${currency}::bpchar`,
    sql`${on}::date`,
    workspaceCurrency,
  )}::text as minor`.execute(db);
  const minor = r.rows[0]?.minor;
  return minor === null || minor === undefined ? null : Number(minor);
}
