import { periodContaining, type Grain, type Period, type PeriodCalendar } from './period.ts';
import { instantToLocal } from './zoned.ts';

/** The period of `grain` that contains the instant `now`, in the workspace's time zone, fiscal year and week. */
export function currentPeriod(
  now: Date,
  grain: Grain,
  workspace: PeriodCalendar & { timeZone: string },
): Period {
  return periodContaining(instantToLocal(now, workspace.timeZone).date, grain, workspace);
}
