import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The source files whose code decides a backtest's numbers: the forecasting methods, the calendar and random
 * numbers they use, and the queries that load their inputs. A stored track record is keyed by their hash, so a new
 * version of any method (or of what it reads) never serves numbers computed by the old one, with no version
 * constant to remember to bump. Tests are left out.
 */
const SOURCES = [
  '../../../domain/forecast',
  '../../../domain/calendar',
  '../../../domain/random',
  '.',
  '../pipeline-at-date.ts',
  '../pipelines',
  '../../tables/calendar.ts',
  '../../tables/settings.ts',
];

function sourceFiles(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .sort()
    .flatMap((f) => sourceFiles(join(path, f)));
}

function fingerprint(): string {
  const here = fileURLToPath(new URL('.', import.meta.url));
  const hash = createHash('sha256');
  for (const dir of SOURCES) {
    for (const file of sourceFiles(join(here, dir))) {
      hash.update(file.slice(here.length));
      hash.update('\0');
      hash.update(readFileSync(file));
      hash.update('\0');
    }
  }
  return hash.digest('hex').slice(0, 16);
}

/**
 * Read once when the module loads, i.e. from the code this process runs (a file edited later does not change what
 * the running process computes, so it must not change its fingerprint either).
 */
export const FORECAST_MODEL_FINGERPRINT = fingerprint();
