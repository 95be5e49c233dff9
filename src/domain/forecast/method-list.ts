import { AppError } from '../../errors.ts';
import { METHOD_IDS, type MethodId } from './types.ts';

/** Parses 'all' or a comma-separated list of method ids (undefined = all); a validation error names the bad one. */
export function parseMethodList(text: string, field = 'method'): MethodId[] | undefined {
  if (text.trim() === 'all') return undefined;
  const out: MethodId[] = [];
  for (const part of text.split(',')) {
    const m = part.trim();
    if (!(METHOD_IDS as readonly string[]).includes(m)) {
      throw new AppError('validation', `Unknown forecast method '${m}'`, [
        { field, value: m, reason: `expected all or one of ${METHOD_IDS.join(', ')}` },
      ]);
    }
    out.push(m as MethodId);
  }
  return out;
}
