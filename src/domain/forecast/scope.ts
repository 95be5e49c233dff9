import { AppError } from '../../errors.ts';

/** Whom a forecast is for: the whole company, a team (with its sub-teams) or one rep. */
export type ForecastScope = { type: 'company' } | { type: 'team'; id: number } | { type: 'rep'; id: number };

/** The scope's key as used in URLs, calls and snapshots: 'company', 'team:3', 'rep:7'. */
export function scopeKey(scope: ForecastScope): string {
  return scope.type === 'company' ? 'company' : `${scope.type}:${scope.id}`;
}

/** The key a rep's data is filed under; 'rep:none' holds deals without an owner. */
export function ownerKey(ownerId: number | null): string {
  return ownerId === null ? 'rep:none' : `rep:${ownerId}`;
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
