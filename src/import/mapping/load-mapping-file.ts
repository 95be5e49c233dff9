import { AppError, type ErrorDetail } from '../../errors.ts';
import { MappingSpecSchema, type MappingSpec } from './mapping-spec.ts';

/**
 * Parses a user mapping file (JSON). Every schema problem is reported at once, each naming the JSON path, so a
 * user fixes the file in one pass. Field names and header presence are checked later against the CSV header.
 */
export function parseMappingFile(text: string, file: string): MappingSpec {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new AppError('validation', `${file} is not valid JSON`, [
      { file, reason: err instanceof Error ? err.message : String(err) },
    ]);
  }
  const parsed = MappingSpecSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  const details: ErrorDetail[] = parsed.error.issues.map((i) => ({
    file,
    field: i.path.join('.') || '(root)',
    reason: i.message,
  }));
  throw new AppError('validation', `${file} is not a valid mapping file`, details);
}
