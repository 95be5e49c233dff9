import { periodContaining, type Grain, type Period } from './period.ts';
import { instantToLocal } from './zoned.ts';

/** The period of `grain` that contains the instant `now`, in the workspace's time zone and fiscal year. */
export function currentPeriod(
  now: Date,
  grain: Grain,
  workspace: { timeZone: string; fiscalYearStartMonth: number },
): Period {
  return periodContaining(
    instantToLocal(now, workspace.timeZone).date,
    grain,
    workspace.fiscalYearStartMonth,
  );
}
