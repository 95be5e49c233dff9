import { AppError } from '../../errors.ts';
import type { Scope, ScopeSubject } from '../access/scope.ts';

/** Whom a forecast is for: the whole company, a team (with its sub-teams) or one rep. */
export type ForecastScope = ScopeSubject;

/** The scope's key as used in URLs, calls and snapshots: 'company', 'team:3', 'rep:7'. */
export function scopeKey(scope: ForecastScope): string {
  return scope.type === 'company' ? 'company' : `${scope.type}:${scope.id}`;
}

/** The key a rep's data is filed under; 'rep:none' holds deals without an owner. */
export function ownerKey(ownerId: number | null): string {
  return ownerId === null ? 'rep:none' : `rep:${ownerId}`;
}

// Built once per scope: a forecast tests every deal and every owner's totals against it.
const ownerKeySets = new WeakMap<Scope, ReadonlySet<string>>();

/** True when the owner filed under `key` ('rep:ID' or 'rep:none') is in the scope's owners. */
export function coversOwnerKey(scope: Scope, key: string): boolean {
  if (scope.ownerIds === null) return true;
  let keys = ownerKeySets.get(scope);
  if (!keys) {
    keys = new Set(scope.ownerIds.map((id) => ownerKey(id)));
    ownerKeySets.set(scope, keys);
  }
  return keys.has(key);
}

/**
 * The reps whose own numbers a team or company forecast adds up when it has no call of its own: a team's
 * members, every user of the company plus 'rep:none' (unassigned deals); none for a rep, whose fallback is its
 * own commit roll-up.
 */
export function rollupKeys(scope: Scope, userIds: readonly number[]): string[] {
  switch (scope.subject.type) {
    case 'rep':
      return [];
    case 'team':
      return (scope.ownerIds ?? []).map((id) => ownerKey(id));
    case 'company':
      return [...userIds.map((id) => ownerKey(id)), ownerKey(null)];
  }
}

/** Parses 'company', 'team:ID' or 'rep:ID'; a validation error names the parameter otherwise. */
export function parseScope(text: string, field = 'scope'): ForecastScope {
  const t = text.trim();
  if (t === 'company') return { type: 'company' };
  const m = /^(team|rep):(\d+)$/.exec(t);
  if (!m) {
    throw new AppError('validation', `Invalid scope '${text}'`, [
      { field, value: text, reason: "expected 'company', 'team:ID' or 'rep:ID'" },
    ]);
  }
  const id = Number(m[2]);
  // Ids are read into JavaScript numbers: larger ones cannot name a row exactly.
  if (!Number.isSafeInteger(id) || id < 1) {
    throw new AppError('validation', `Invalid scope '${text}'`, [
      { field, value: text, reason: `the id must be 1 to ${Number.MAX_SAFE_INTEGER}` },
    ]);
  }
  return { type: m[1] as 'team' | 'rep', id };
}
