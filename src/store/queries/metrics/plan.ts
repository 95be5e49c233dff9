import type { MetricDefinition, MetricPart, MetricSource } from '../../../domain/metrics/definition.ts';
import type { RollupSpec } from './source-spec.ts';
import { sourceSpec } from './sources/index.ts';

/** A distinct part across the requested metrics; identical parts are computed once. */
export interface PlannedPart {
  key: string;
  part: MetricPart;
}

/** The parts one SQL query computes: same source, same time column, and the same rollup (or the raw rows). */
export interface SourceBatch {
  source: MetricSource;
  timeColumn: string | undefined;
  /** The maintained aggregate that answers these parts; absent = the source's raw rows. */
  rollup?: RollupSpec;
  parts: PlannedPart[];
}

/** Picks the rollup that answers a part, or null for the raw rows (see choose-rollup.ts). */
export type RollupPicker = (part: MetricPart) => RollupSpec | null;

/** Stable identity of a part (definitions are plain data, so their JSON is their identity). */
export function partKey(part: MetricPart): string {
  return JSON.stringify(part);
}

/**
 * The costly columns (SourceSpec.ownStatementColumns) a raw part names, as a batch key: '' for a part that names
 * none. A part a rollup answers reads no such column.
 */
function costlyColumnsKey(part: MetricPart): string {
  const costly = sourceSpec(part.source).ownStatementColumns;
  if (!costly) return '';
  const agg = part.aggregate;
  const named = new Set((agg.where ?? []).map((c) => c.column));
  if ('column' in agg) named.add(agg.column);
  return costly.filter((c) => named.has(c)).join(',');
}

/**
 * Collects the distinct parts of the metrics and batches them by source, time column and rollup, and for raw parts
 * by the costly columns they name (each such set its own statement).
 */
export function planBatches(
  defs: readonly MetricDefinition[],
  pickRollup: RollupPicker = () => null,
): SourceBatch[] {
  const batches = new Map<string, SourceBatch>();
  const seen = new Set<string>();
  for (const def of defs) {
    for (const part of Object.values(def.parts)) {
      const key = partKey(part);
      if (seen.has(key)) continue;
      seen.add(key);
      const rollup = pickRollup(part);
      const costly = rollup ? '' : costlyColumnsKey(part);
      const batchKey = `${part.source}|${part.timeColumn ?? ''}|${rollup?.name ?? ''}|${costly}`;
      let batch = batches.get(batchKey);
      if (!batch) {
        batch = { source: part.source, timeColumn: part.timeColumn, parts: [] };
        if (rollup) batch.rollup = rollup;
        batches.set(batchKey, batch);
      }
      batch.parts.push({ key, part });
    }
  }
  return [...batches.values()];
}
