import { codeFingerprint } from '../../code-fingerprint.ts';

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

/**
 * Read once when the module loads, i.e. from the code this process runs (a file edited later does not change what
 * the running process computes, so it must not change its fingerprint either).
 */
export const FORECAST_MODEL_FINGERPRINT = codeFingerprint(import.meta.url, SOURCES);
