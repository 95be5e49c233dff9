import { describe, expect, it } from 'vitest';
import type { MetricPart } from '../../src/domain/metrics/definition.ts';
import { DEFAULT_REPORT_METRICS, getMetric, metricRegistry } from '../../src/domain/metrics/registry.ts';
import { resolveMetrics } from '../../src/domain/metrics/resolve.ts';
import { defaultTimeColumn, type SourceContext } from '../../src/store/queries/metrics/source-spec.ts';
import { sourceSpec } from '../../src/store/queries/metrics/sources/index.ts';

const CTX: SourceContext = {
  from: '2026-07-01',
  toExclusive: '2026-10-01',
  timeZone: 'UTC',
  currency: 'USD',
  followUpTarget: 5,
  businessMinutes: 0,
  quotaGoals: [],
  now: new Date(0),
  forecastMethod: 'stage_weighted',
  forecastCheckpoint: 'start',
};

function columnsUsed(part: MetricPart): string[] {
  const a = part.aggregate;
  return [...('column' in a ? [a.column] : []), ...(a.where ?? []).map((w) => w.column)];
}

describe('metric registry', () => {
  it('has unique ids, the metrics the brief names, and well-formed parts for each kind', () => {
    const ids = metricRegistry.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of [
      'calls',
      'close_rate_meetings',
      'win_rate',
      'lead_response_time_p90',
      'clv',
      'selling_time_share',
    ]) {
      expect(getMetric(id)?.id).toBe(id);
    }
    for (const m of metricRegistry) {
      const parts = Object.keys(m.parts).sort();
      if (m.kind === 'ratio') expect(parts, m.id).toEqual(['denominator', 'numerator']);
      else if (m.kind === 'derived') expect(m.derivation, m.id).toBeDefined();
      else expect(parts, m.id).toEqual(['value']);
      // Only counts and sums add up across groups and periods.
      if (m.additive) expect(['count', 'sum'], m.id).toContain(m.kind);
    }
    expect(resolveMetrics([...DEFAULT_REPORT_METRICS]).length).toBe(DEFAULT_REPORT_METRICS.length);
  });

  it('only uses columns and time columns that its sources expose', () => {
    for (const m of metricRegistry) {
      for (const part of Object.values(m.parts)) {
        const spec = sourceSpec(part.source);
        const columns = spec.columns(CTX);
        for (const c of columnsUsed(part)) expect(Object.keys(columns), `${m.id}: ${c}`).toContain(c);
        if (spec.mode === 'event') {
          const time = part.timeColumn ?? defaultTimeColumn(spec);
          expect(Object.keys(spec.timeColumns), m.id).toContain(time);
        } else {
          expect(part.timeColumn, m.id).toBeUndefined();
        }
      }
    }
  });

  it('names every unknown id in one validation error', () => {
    expect(() => resolveMetrics(['calls', 'nope', 'win_ratio'])).toThrow(
      /Unknown metric ids: nope, win_ratio/,
    );
  });
});
