import { describe, expect, it } from 'vitest';
import { makeFormatters } from '../../format/formatters.ts';
import { attainmentCurveOption } from './curve-option.ts';

const fmt = makeFormatters('en-US', 'EUR');
const names = {
  attainment: 'Attainment',
  commission: 'Commission',
  deal: (p: { date: string }) => p.date,
  tier: (pct: string) => `tier from ${pct}`,
};

describe('attainmentCurveOption', () => {
  const curve = [
    {
      date: '2026-10-03',
      opportunityId: 1,
      creditedToDateMinor: 400_000,
      attainmentPct: 40,
      commissionToDateMinor: 0,
    },
    {
      date: '2026-10-20',
      opportunityId: 2,
      creditedToDateMinor: 1_300_000,
      attainmentPct: 130,
      commissionToDateMinor: 95_000,
    },
  ];

  it('plots the API curve as it is, attainment on the left axis and commission to date on the right', () => {
    const option = attainmentCurveOption(curve, [0, 50, 100], fmt, names) as {
      xAxis: { data: string[] };
      yAxis: { max?: number }[];
      series: { data: number[]; yAxisIndex?: number; markLine?: { data: { yAxis: number }[] } }[];
    };
    expect(option.xAxis.data).toEqual(['2026-10-03', '2026-10-20']);
    expect(option.series[0]?.data).toEqual([40, 130]);
    expect(option.series[1]?.data).toEqual([0, 95_000]);
    expect(option.series[1]?.yAxisIndex).toBe(1);
    // Tier boundaries above 0 are the mark lines; the axis reaches past the highest point.
    expect(option.series[0]?.markLine?.data).toEqual([{ yAxis: 50 }, { yAxis: 100 }]);
    expect(option.yAxis[0]?.max).toBe(150);
  });

  it('labels each tier line with one whole message holding the formatted boundary', () => {
    const option = attainmentCurveOption(curve, [120], fmt, names) as {
      series: { markLine?: { label: { formatter: (d: { value?: unknown }) => string } } }[];
    };
    expect(option.series[0]?.markLine?.label.formatter({ value: 120 })).toBe('tier from 120%');
  });

  it('keeps 100% in view when attainment is low', () => {
    const option = attainmentCurveOption(curve.slice(0, 1), [], fmt, names) as { yAxis: { max?: number }[] };
    expect(option.yAxis[0]?.max).toBe(100);
  });
});
