import type { MetricDefinition, MetricPart, MetricSource } from '../../../domain/metrics/definition.ts';
import type { RollupSpec } from './source-spec.ts';

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

/** Collects the distinct parts of the metrics and batches them by source, time column and rollup. */
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
      const batchKey = `${part.source}|${part.timeColumn ?? ''}|${rollup?.name ?? ''}`;
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
