import { AppError } from '../../errors.ts';
import { BUILT_IN_MAPPINGS } from '../mappings/index.ts';
import { normalizeHeader } from './compile.ts';
import type { EntityName } from './entities.ts';
import type { MappingSpec } from './mapping-spec.ts';

/**
 * Picks the built-in mapping for a header row: the one whose identifying headers are all present (most specific
 * first), narrowed by `source` and `entity` when the user gave them.
 */
export function detectMapping(
  headers: readonly string[],
  wanted: { source?: string | undefined; entity?: EntityName | undefined },
  file: string,
): MappingSpec {
  const have = new Set(headers.map(normalizeHeader));
  const candidates = BUILT_IN_MAPPINGS.filter(
    (m) => (!wanted.source || m.source === wanted.source) && (!wanted.entity || m.entity === wanted.entity),
  );
  if (candidates.length === 0) {
    throw new AppError(
      'validation',
      `No built-in mapping for source '${wanted.source}' and entity '${wanted.entity}'`,
      [{ file, reason: 'use --map mapping.json for this kind of file' }],
    );
  }
  const matches = candidates
    .filter((m) => (m.detect ?? []).every((h) => have.has(normalizeHeader(h))))
    .sort((a, b) => (b.detect?.length ?? 0) - (a.detect?.length ?? 0));
  const best = matches[0];
  if (best) return best;
  // The user named exactly one mapping: use it and let the header check report what is missing.
  if (candidates.length === 1 && candidates[0]) return candidates[0];
  throw new AppError('validation', 'Cannot tell which export this is from its header row', [
    {
      file,
      line: 1,
      reason: `headers ${JSON.stringify(headers.slice(0, 8))} match no built-in mapping; pass --source and --entity, or --map mapping.json`,
    },
  ]);
}
