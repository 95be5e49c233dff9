import { stringify } from 'csv-stringify/sync';
import type { MetricDefinition } from '../domain/metrics/definition.ts';
import { formatMetricValue } from '../domain/metrics/format.ts';
import type { MetricReport } from '../store/queries/metrics/report-metrics.ts';

/** Pads cells into aligned columns: text left, numbers right. */
function alignTable(header: string[], body: string[][], rightAligned: boolean[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (rightAligned[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

/** A readable table: money in the workspace currency, ratios as percentages, the change when compared. */
export function reportTable(report: MetricReport, defs: readonly MetricDefinition[], locale: string): string {
  const hasPeriod = report.rows.some((r) => r.period !== null);
  const header = ['Group', ...(hasPeriod ? ['Period'] : []), ...defs.map((d) => d.label)];
  const fmt = (v: number | null, d: MetricDefinition) =>
    formatMetricValue(v, d.unit, locale, report.currency);
  const body = report.rows.map((r) => [
    r.group.name,
    ...(hasPeriod ? [r.period ?? ''] : []),
    ...defs.map((d) => {
      const v = r.values[d.id];
      if (!v) return '-';
      const now = fmt(v.value, d);
      return v.previous === undefined ? now : `${now} (prev ${fmt(v.previous, d)})`;
    }),
  ]);
  const right = header.map((_, i) => i >= (hasPeriod ? 2 : 1));
  const title = `Period ${report.period.key} (${report.period.from} to ${report.period.to})${
    report.previousPeriod ? `, compared with ${report.previousPeriod.key}` : ''
  }`;
  return `${title}\n\n${alignTable(header, body, right)}`;
}

/** CSV with raw numbers (money in minor units, ratios 0..1) and every ratio's numerator and denominator. */
export function reportCsv(report: MetricReport, defs: readonly MetricDefinition[]): string {
  const compare = report.previousPeriod !== null;
  const header = ['group_type', 'group_id', 'group_name', 'period'];
  for (const d of defs) {
    header.push(d.id);
    if (d.kind === 'ratio') header.push(`${d.id}_numerator`, `${d.id}_denominator`);
    if (compare) header.push(`${d.id}_previous`, `${d.id}_change`);
  }
  const rows = report.rows.map((r) => {
    const cells: (string | number | null)[] = [
      r.group.type,
      r.group.id,
      r.group.name,
      r.period ?? report.period.key,
    ];
    for (const d of defs) {
      const v = r.values[d.id];
      cells.push(v?.value ?? null);
      if (d.kind === 'ratio') cells.push(v?.numerator ?? null, v?.denominator ?? null);
      if (compare) cells.push(v?.previous ?? null, v?.change ?? null);
    }
    return cells;
  });
  return stringify([header, ...rows]);
}
