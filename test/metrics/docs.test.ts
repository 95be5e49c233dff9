import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DOCS_BEGIN, DOCS_END, metricsReference } from '../../src/domain/metrics/docs-reference.ts';
import { metricRegistry } from '../../src/domain/metrics/registry.ts';

const DOCS = 'docs/metrics.md';

describe('docs/metrics.md', () => {
  it('holds the reference generated from the registry (UPDATE_DOCS=1 rewrites it)', () => {
    const text = readFileSync(DOCS, 'utf8');
    const expected = metricsReference(metricRegistry);
    const begin = text.indexOf(DOCS_BEGIN);
    const end = text.indexOf(DOCS_END);
    if (process.env.UPDATE_DOCS) {
      const next =
        begin >= 0 && end > begin
          ? text.slice(0, begin) + expected + text.slice(end + DOCS_END.length)
          : `${text.trimEnd()}\n\n${expected}\n`;
      writeFileSync(DOCS, next);
      return;
    }
    expect(begin, 'docs/metrics.md has no generated reference').toBeGreaterThanOrEqual(0);
    expect(text.slice(begin, end + DOCS_END.length)).toBe(expected);
    for (const m of metricRegistry) expect(text).toContain(`### \`${m.id}\``);
  });
});
