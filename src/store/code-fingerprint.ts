import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

function sourceFiles(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .sort()
    .flatMap((f) => sourceFiles(join(path, f)));
}

/**
 * A hash of the source files (and folders of them, tests left out) that decide a stored result's numbers, given
 * relative to `base` (a module's import.meta.url). Stored results keyed by it are never served by another version
 * of that code, with no version constant to remember to bump. Call it once when the module loads: the code the
 * process runs, not a file edited later, decides what it computes.
 */
export function codeFingerprint(base: string, sources: readonly string[]): string {
  const here = fileURLToPath(new URL('.', base));
  const hash = createHash('sha256');
  for (const dir of sources) {
    for (const file of sourceFiles(join(here, dir))) {
      hash.update(file.slice(here.length));
      hash.update('\0');
      hash.update(readFileSync(file));
      hash.update('\0');
    }
  }
  return hash.digest('hex').slice(0, 16);
}
