import type { MetricDefinition, MetricPart, MetricSource } from '../../../domain/metrics/definition.ts';

/** A distinct part across the requested metrics; identical parts are computed once. */
export interface PlannedPart {
  key: string;
  part: MetricPart;
}

/** The parts one SQL query computes: same source and same time column. */
export interface SourceBatch {
  source: MetricSource;
  timeColumn: string | undefined;
  parts: PlannedPart[];
}

/** Stable identity of a part (definitions are plain data, so their JSON is their identity). */
export function partKey(part: MetricPart): string {
  return JSON.stringify(part);
}

/** Collects the distinct parts of the metrics and batches them by source and time column. */
export function planBatches(defs: readonly MetricDefinition[]): SourceBatch[] {
  const batches = new Map<string, SourceBatch>();
  const seen = new Set<string>();
  for (const def of defs) {
    for (const part of Object.values(def.parts)) {
      const key = partKey(part);
      if (seen.has(key)) continue;
      seen.add(key);
      const batchKey = `${part.source}|${part.timeColumn ?? ''}`;
      let batch = batches.get(batchKey);
      if (!batch) {
        batch = { source: part.source, timeColumn: part.timeColumn, parts: [] };
        batches.set(batchKey, batch);
      }
      batch.parts.push({ key, part });
    }
  }
  return [...batches.values()];
}
