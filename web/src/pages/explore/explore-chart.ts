import type { EChartsOption } from '../../charts/echarts.ts';
import type { MetricRow } from '../../api/types/metrics.ts';

/** A row's group identity: text dimension groups (lead source, product...) all have id null, so the name counts. */
export const groupKeyOf = (r: MetricRow) => `${r.group.type}:${r.group.id}:${r.group.name}`;

/**
 * Chart option for one metric of the explore result: a line per group over periods when bucketed by grain,
 * otherwise one bar per group. Values are plotted as the API returned them.
 */
export function exploreChartOption(
  rows: readonly MetricRow[],
  metricId: string,
  label: string,
  formatValue: (v: number | null) => string,
): EChartsOption {
  const periods = [...new Set(rows.map((r) => r.period).filter((p): p is string => p !== null))].sort();
  const groups = [...new Map(rows.map((r) => [groupKeyOf(r), r.group.name])).entries()];
  const tooltip = { valueFormatter: (v: unknown) => formatValue(typeof v === 'number' ? v : null) };
  const grid = { containLabel: true, left: 8, right: 16, top: 36, bottom: 8 };
  const axisLabel = { formatter: (v: number) => formatValue(v) };
  if (periods.length > 0) {
    return {
      grid,
      tooltip: { ...tooltip, trigger: 'axis' },
      legend: { type: 'scroll', top: 0 },
      xAxis: { type: 'category', data: periods },
      yAxis: { type: 'value', name: label, axisLabel },
      series: groups.map(([key, name]) => ({
        type: 'line',
        name,
        data: periods.map(
          (p) => rows.find((r) => groupKeyOf(r) === key && r.period === p)?.values[metricId]?.value ?? null,
        ),
      })),
    };
  }
  return {
    grid,
    tooltip: { ...tooltip, trigger: 'axis' },
    xAxis: {
      type: 'category',
      data: groups.map(([, name]) => name),
      axisLabel: { interval: 0, rotate: groups.length > 6 ? 30 : 0 },
    },
    yAxis: { type: 'value', name: label, axisLabel },
    series: [{ type: 'bar', name: label, data: rows.map((r) => r.values[metricId]?.value ?? null) }],
  };
}
