import { authCleanupJob } from './definitions/auth-cleanup.ts';
import { badgesJob } from './definitions/badges.ts';
import { slaCheckJob } from './definitions/sla-check.ts';
import { webhookDispatchJob } from './definitions/webhook-dispatch.ts';
import { forecastSnapshotJob } from './definitions/forecast-snapshot.ts';
import { rollupRebuildJob } from './definitions/rollup-rebuild.ts';
import { forecastRefreshJob } from './definitions/forecast-refresh.ts';
import { scoringRescoreJob } from './definitions/scoring-rescore.ts';
import { leadRoutingJob } from './definitions/lead-routing.ts';
import type { Job } from './job.ts';

/** Every background job the server runs. Add one import and one entry per job module. */
export const jobs: Job[] = [
  slaCheckJob,
  webhookDispatchJob,
  forecastSnapshotJob,
  badgesJob,
  authCleanupJob,
  rollupRebuildJob,
  forecastRefreshJob,
  scoringRescoreJob,
  leadRoutingJob,
];
