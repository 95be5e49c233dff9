import { describe, expect, it } from 'vitest';
import { reportCsv, reportTable } from '../../src/cli/report-output.ts';
import { resolveMetrics } from '../../src/domain/metrics/resolve.ts';
import type { MetricReport } from '../../src/store/queries/metrics/report-metrics.ts';

const report: MetricReport = {
  period: { key: '2026-Q3', from: '2026-07-01', to: '2026-09-30' },
  previousPeriod: { key: '2026-Q2', from: '2026-04-01', to: '2026-06-30' },
  currency: 'USD',
  rows: [
    {
      group: { type: 'team', id: 1, name: 'Alpha' },
      period: null,
      values: {
        won_revenue: { value: 1_234_500, previous: 1_000_000, change: 234_500 },
        win_rate: { value: 0.5, numerator: 1, denominator: 2, previous: null, change: null },
      },
    },
  ],
};

describe('pacesetter report output', () => {
  const defs = resolveMetrics(['won_revenue', 'win_rate']);

  it('prints money in the workspace currency and ratios as percentages, with the previous period', () => {
    const lines = reportTable(report, defs, 'en-US').split('\n');
    expect(lines[0]).toBe('Period 2026-Q3 (2026-07-01 to 2026-09-30), compared with 2026-Q2');
    expect(lines[2]).toMatch(/^Group\s+Won revenue\s+Win rate$/);
    expect(lines[4]).toMatch(/^Alpha\s+\$12,345 \(prev \$10,000\)\s+50% \(prev -\)$/);
  });

  it('writes raw numbers, ratio parts and the comparison to CSV', () => {
    expect(reportCsv(report, defs).trim().split('\n')).toEqual([
      'group_type,group_id,group_name,period,won_revenue,won_revenue_previous,won_revenue_change,win_rate,win_rate_numerator,win_rate_denominator,win_rate_previous,win_rate_change',
      'team,1,Alpha,2026-Q3,1234500,1000000,234500,0.5,1,2,,',
    ]);
  });
});
