import { assertNever } from '../../errors.ts';
import type { Aggregate, Condition, MetricDefinition, MetricPart } from './definition.ts';

/** Markers around the generated part of docs/metrics.md; the text between them is rewritten from the registry. */
export const DOCS_BEGIN = '<!-- metrics-reference:begin (generated from src/domain/metrics/registry.ts) -->';
export const DOCS_END = '<!-- metrics-reference:end -->';

function describeCondition(c: Condition): string {
  switch (c.op) {
    case 'eq':
      return `${c.column} = ${String(c.value)}`;
    case 'in':
      return `${c.column} in (${c.values.join(', ')})`;
    case 'not_in':
      return `${c.column} not in (${c.values.join(', ')})`;
    case 'not_null':
      return `${c.column} is set`;
    case 'is_true':
      return c.column;
    case 'is_false':
      return `not ${c.column}`;
    default:
      return assertNever(c, 'condition');
  }
}

function describeAggregate(a: Aggregate): string {
  switch (a.fn) {
    case 'count':
      return 'count of rows';
    case 'count_distinct':
      return `distinct ${a.column}`;
    case 'sum':
      return `sum of ${a.column}`;
    case 'mean':
      return `mean of ${a.column}`;
    case 'percentile':
      return `percentile_cont(${a.fraction}) of ${a.column}`;
    default:
      return assertNever(a, 'aggregate');
  }
}

/** One part in words, e.g. "count of rows of activities (by occurred_at) where type = call". */
export function describePart(p: MetricPart): string {
  const time = p.timeColumn ? ` (by ${p.timeColumn})` : '';
  const where = p.aggregate.where?.length
    ? ` where ${p.aggregate.where.map(describeCondition).join(' and ')}`
    : '';
  return `${describeAggregate(p.aggregate)} of \`${p.source}\`${time}${where}`;
}

function section(m: MetricDefinition): string {
  const lines = [`### \`${m.id}\`: ${m.label}`, '', m.description, '', `- **Formula:** ${m.formula}`];
  for (const [name, part] of Object.entries(m.parts)) {
    const label =
      name === 'value' ? 'Value' : name.charAt(0).toUpperCase() + name.slice(1).replace(/_/g, ' ');
    lines.push(`- **${label}:** ${describePart(part)}`);
  }
  lines.push(`- **What counts:** ${m.counts}`);
  lines.push(
    `- **Unit:** ${m.unit}; **kind:** ${m.kind}; **additive:** ${m.additive ? 'yes' : 'no'}; ` +
      `**${m.indicator}**, **${m.focus}**; ${m.direction} is better.`,
  );
  return lines.join('\n');
}

/** The generated reference: an overview table and one section per metric, in registry order. */
export function metricsReference(metrics: readonly MetricDefinition[]): string {
  // A list rather than a table: Markdown formatters re-align tables, which would break the exact comparison.
  const overview = metrics
    .map(
      (m) =>
        `- \`${m.id}\`: ${m.label} (${m.unit}; ${m.indicator}, ${m.focus}; ${m.additive ? 'additive' : 'not additive'})`,
    )
    .join('\n');
  return [DOCS_BEGIN, '', overview, '', ...metrics.map((m) => `${section(m)}\n`), DOCS_END].join('\n');
}
