import type { EChartsOption } from '../../charts/echarts.ts';
import type { Formatters } from '../../format/formatters.ts';
import type { CurvePoint } from '../../../../src/domain/commissions/types.ts';

/**
 * The attainment curve of a statement: after each credited deal (in credit order) the attainment reached and
 * the commission earned to date, both from the API's curve; the tier boundaries of the plan are horizontal
 * lines on the attainment axis, so a reader sees where a deal crossed into an accelerator.
 */
export function attainmentCurveOption(
  curve: CurvePoint[],
  tierBoundaries: number[],
  fmt: Formatters,
  names: {
    attainment: string;
    commission: string;
    deal: (p: CurvePoint) => string;
    tier: (pct: string) => string;
  },
): EChartsOption {
  const top = Math.max(100, ...curve.map((p) => p.attainmentPct), ...tierBoundaries);
  // Five even steps of a multiple of 25%, so the tick labels never crowd the axis maximum.
  const step = Math.ceil(top / 5 / 25) * 25;
  return {
    grid: { left: 56, right: 72, top: 40, bottom: 40 },
    legend: { top: 0 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: curve.map((p) => names.deal(p)), axisLabel: { hideOverlap: true } },
    yAxis: [
      {
        type: 'value',
        name: names.attainment,
        max: Math.ceil(top / step) * step,
        interval: step,
        axisLabel: { formatter: (v: number) => fmt.percent(v / 100) },
      },
      { type: 'value', name: names.commission, axisLabel: { formatter: (v: number) => fmt.moneyCompact(v) } },
    ],
    series: [
      {
        name: names.attainment,
        type: 'line',
        step: 'end',
        data: curve.map((p) => p.attainmentPct),
        tooltip: { valueFormatter: (v: unknown) => fmt.percent(Number(v) / 100) },
        markLine: {
          symbol: 'none',
          label: {
            position: 'insideStartTop',
            // One whole message per label ('tier from 120%'), so each language orders the words its own way.
            formatter: (d: { value?: unknown }) => names.tier(fmt.percent(Number(d.value) / 100)),
          },
          data: tierBoundaries.filter((x) => x > 0).map((x) => ({ yAxis: x })),
        },
      },
      {
        name: names.commission,
        type: 'line',
        yAxisIndex: 1,
        step: 'end',
        data: curve.map((p) => p.commissionToDateMinor),
        tooltip: { valueFormatter: (v: unknown) => fmt.money(Number(v)) },
      },
    ],
  };
}
