import type { Viewer } from '../../../domain/access/viewer.ts';
import type { ForecastCall, ScopeCalls } from '../../../domain/forecast/judgement.ts';
import type { ForecastScope } from '../../../domain/forecast/scope.ts';
import type { Db } from '../../db.ts';
import type { ScopeType } from '../../tables/forecast.ts';

/** A stored call, with who made it. */
export interface StoredCall extends ForecastCall {
  id: number;
  periodKey: string;
  currency: string;
}

function keyOf(type: ScopeType, id: number | null): string {
  return type === 'company' ? 'company' : `${type}:${id}`;
}

/**
 * The latest call and the latest override per scope for a period, as known at `at` (later calls are ignored, so a
 * backtest sees only what had been said by then).
 */
export async function latestCalls(db: Db, periodKey: string, at: Date): Promise<Map<string, ScopeCalls>> {
  const rows = await db
    .selectFrom('forecast_calls')
    .distinctOn(['scope_type', 'scope_id', 'kind'])
    .selectAll()
    .where('period_key', '=', periodKey)
    .where('set_at', '<=', at)
    .orderBy('scope_type')
    .orderBy('scope_id')
    .orderBy('kind')
    .orderBy('set_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  const out = new Map<string, ScopeCalls>();
  for (const r of rows) {
    const key = keyOf(r.scope_type, r.scope_id);
    const entry = out.get(key) ?? { call: null, override: null };
    const call: ForecastCall = {
      scopeKey: key,
      kind: r.kind,
      amount: r.amount_minor,
      setBy: r.set_by,
      setAt: r.set_at,
      note: r.note,
    };
    if (r.kind === 'call') entry.call = call;
    else entry.override = call;
    out.set(key, entry);
  }
  return out;
}

/** Appends a call or override (calls are never updated, so the history of who said what stays). */
export async function recordCall(
  db: Db,
  viewer: Viewer,
  input: {
    periodKey: string;
    scope: ForecastScope;
    kind: 'call' | 'override';
    amount: number;
    currency: string;
    note: string | null;
    at: Date;
  },
): Promise<StoredCall> {
  const row = await db
    .insertInto('forecast_calls')
    .values({
      period_key: input.periodKey,
      scope_type: input.scope.type,
      scope_id: input.scope.type === 'company' ? null : input.scope.id,
      kind: input.kind,
      amount_minor: input.amount,
      currency: input.currency,
      note: input.note,
      set_by: viewer.userId,
      set_at: input.at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toStoredCall(row);
}

function toStoredCall(r: {
  id: number;
  period_key: string;
  scope_type: ScopeType;
  scope_id: number | null;
  kind: 'call' | 'override';
  amount_minor: number;
  currency: string;
  note: string | null;
  set_by: number | null;
  set_at: Date;
}): StoredCall {
  return {
    id: r.id,
    periodKey: r.period_key,
    scopeKey: keyOf(r.scope_type, r.scope_id),
    kind: r.kind,
    amount: r.amount_minor,
    currency: r.currency.trim(),
    setBy: r.set_by,
    setAt: r.set_at,
    note: r.note,
  };
}

/** Every call made for one scope and period, newest first (the history behind the judgement number). */
export async function callHistory(db: Db, periodKey: string, scope: ForecastScope): Promise<StoredCall[]> {
  let q = db
    .selectFrom('forecast_calls')
    .selectAll()
    .where('period_key', '=', periodKey)
    .where('scope_type', '=', scope.type);
  q = scope.type === 'company' ? q.where('scope_id', 'is', null) : q.where('scope_id', '=', scope.id);
  const rows = await q.orderBy('set_at', 'desc').orderBy('id', 'desc').execute();
  return rows.map(toStoredCall);
}
