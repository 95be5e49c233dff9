import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Viewer } from '../../src/domain/access/viewer.ts';
import { storedAliasKey } from '../../src/store/queries/metrics/stored-answer-lookup.ts';
import { METRICS_CODE_SOURCES } from '../../src/store/queries/metrics/stored-results.ts';

/*
 * Regression (probe, session 11): kept answers and their aliases outlive a deploy while the data version stands
 * (up to a day on a quiet store), so whatever code decides their numbers, or what a viewer's request resolves to,
 * must be in their keys. The fingerprint listed folders by hand and missed the exchange-rate conversion
 * (store/queries/money, domain/money), the integrity thresholds and the SQL list helper; the alias key held the
 * user and role but not the users they may see, which the access code (store/access) decides.
 */

const stored = fileURLToPath(new URL('../../src/store/queries/metrics/stored-results.ts', import.meta.url));
const root = fileURLToPath(new URL('../../src/', import.meta.url));

/** Every src module the report engine reaches through value imports (type-only imports decide no number). */
function reachedFrom(entry: string): string[] {
  const seen = new Set<string>();
  const stack = [entry];
  while (stack.length > 0) {
    const file = stack.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/^\s*(import|export)\s+(?!type\s)[^;]*?\sfrom\s+'(\.[^']+)'/gms))
      stack.push(resolve(dirname(file), m[2] as string));
    for (const m of text.matchAll(/import\(\s*'(\.[^']+)'\s*\)/g))
      stack.push(resolve(dirname(file), m[1] as string));
  }
  return [...seen].map((f) => relative(root, f)).sort();
}

describe('what keys a kept metrics answer', () => {
  it('fingerprints every module the report engine imports', () => {
    const covered = METRICS_CODE_SOURCES.map((s) => relative(root, join(dirname(stored), s)));
    const isCovered = (f: string) => covered.some((c) => f === c || f.startsWith(`${c}/`));
    // errors.ts (messages) and the fingerprint itself decide no number.
    const engine = reachedFrom(
      fileURLToPath(new URL('../../src/store/queries/metrics/report-metrics.ts', import.meta.url)),
    ).filter((f) => f !== 'errors.ts' && f !== 'store/code-fingerprint.ts');
    expect(engine.length).toBeGreaterThan(20);
    expect(engine.filter((f) => !isCovered(f))).toEqual([]);
  });

  it('gives a manager another alias once the users they may see change, at any data version', () => {
    const before: Viewer = { userId: 3, role: 'manager', visibleUserIds: [3, 6, 7] };
    const after: Viewer = { userId: 3, role: 'manager', visibleUserIds: [3, 6] };
    const q = { group: 'rep', period: '2026-11' };
    expect(storedAliasKey(after, q, 'code')).not.toBe(storedAliasKey(before, q, 'code'));
    expect(storedAliasKey({ ...before }, q, 'code')).toBe(storedAliasKey(before, q, 'code'));
    // The route's own parsing is part of the key too.
    expect(storedAliasKey(before, q, 'other code')).not.toBe(storedAliasKey(before, q, 'code'));
  });
});
