import type { Migration, MigrationProvider } from 'kysely/migration';
import * as m0001 from './0001-initial.ts';
import * as m0002 from './0002-auth.ts';
import * as m0003 from './0003-alerts-webhooks.ts';
import * as m0004 from './0004-forecast.ts';
import * as m0005 from './0005-import.ts';
import * as m0007 from './0007-lead-sla-deadline.ts';
import * as m0009 from './0009-leaderboard-metrics.ts';
import * as m0010 from './0010-activity-rollups.ts';
import * as m0011 from './0011-stage-spans.ts';
import * as m0012 from './0012-forecast-settings.ts';
import * as m0013 from './0013-job-runs.ts';
import * as m0014 from './0014-activity-month-rollups.ts';
import * as m0015 from './0015-opportunity-rollups.ts';
import * as m0016 from './0016-forecast-track-record.ts';
import * as m0017 from './0017-stage-entries-by-deal.ts';
import * as m0018 from './0018-forecast-live-results.ts';
import * as m0019 from './0019-activity-rollups-fill.ts';
import * as m0020 from './0020-lead-fit-attributes.ts';
import * as m0021 from './0021-lead-scoring.ts';
import * as m0022 from './0022-lead-routing.ts';
import * as m0023 from './0023-metrics-stored-results.ts';
import * as m0024 from './0024-forecast-live-refreshes.ts';
import * as m0025 from './0025-lead-assignment-score.ts';
import * as m0026 from './0026-coaching-scorecards.ts';
import * as m0027 from './0027-coaching-plans.ts';
import * as m0028 from './0028-hiring.ts';
import * as m0029 from './0029-deal-product-payment-splits.ts';
import * as m0030 from './0030-commissions.ts';
import * as m0031 from './0031-activity-capture.ts';
import * as m0032 from './0032-activity-time-and-logging.ts';
import * as m0033 from './0033-exchange-rates.ts';
import * as m0034 from './0034-user-language.ts';
import * as m0035 from './0035-week-start.ts';
import * as m0036 from './0036-scheduled-not-touches.ts';
import * as m0037 from './0037-activities-booked-at-index.ts';
import * as m0038 from './0038-activity-counts-time-category.ts';
import * as m0039 from './0039-activity-people-runs.ts';
import * as m0040 from './0040-metrics-answers-encoded.ts';
import * as m0041 from './0041-activity-signal-flags.ts';
import * as m0042 from './0042-activity-counts-integrity-keys.ts';
import * as m0043 from './0043-deal-follow-ups.ts';

/** Forward-only migrations, in order. Add one entry per new numbered file. */
export const migrations: Record<string, Migration> = {
  '0001-initial': m0001,
  '0002-auth': m0002,
  '0003-alerts-webhooks': m0003,
  '0004-forecast': m0004,
  '0005-import': m0005,
  '0007-lead-sla-deadline': m0007,
  '0009-leaderboard-metrics': m0009,
  '0010-activity-rollups': m0010,
  '0011-stage-spans': m0011,
  '0012-forecast-settings': m0012,
  '0013-job-runs': m0013,
  '0014-activity-month-rollups': m0014,
  '0015-opportunity-rollups': m0015,
  '0016-forecast-track-record': m0016,
  '0017-stage-entries-by-deal': m0017,
  '0018-forecast-live-results': m0018,
  '0019-activity-rollups-fill': m0019,
  '0020-lead-fit-attributes': m0020,
  '0021-lead-scoring': m0021,
  '0022-lead-routing': m0022,
  '0023-metrics-stored-results': m0023,
  '0024-forecast-live-refreshes': m0024,
  '0025-lead-assignment-score': m0025,
  '0026-coaching-scorecards': m0026,
  '0027-coaching-plans': m0027,
  '0028-hiring': m0028,
  '0029-deal-product-payment-splits': m0029,
  '0030-commissions': m0030,
  '0031-activity-capture': m0031,
  '0032-activity-time-and-logging': m0032,
  '0033-exchange-rates': m0033,
  '0034-user-language': m0034,
  '0035-week-start': m0035,
  '0036-scheduled-not-touches': m0036,
  '0037-activities-booked-at-index': m0037,
  '0038-activity-counts-time-category': m0038,
  '0039-activity-people-runs': m0039,
  '0040-metrics-answers-encoded': m0040,
  '0041-activity-signal-flags': m0041,
  '0042-activity-counts-integrity-keys': m0042,
  '0043-deal-follow-ups': m0043,
};

/** Hands Kysely's Migrator the list above (no file-system scanning, so bundling and tests behave the same). */
export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
