import { addDays, isoWeekday } from '../calendar/local-date.ts';

/** Weekly snapshot slot: Monday at 06:00 workspace time. */
export const SNAPSHOT_WEEKDAY = 1;
export const SNAPSHOT_MINUTE = 6 * 60;

/**
 * The local date of the latest Monday snapshot slot at or before local `date` + `minuteOfDay`: the same day when
 * it is Monday at or after 06:00, else the Monday before.
 */
export function latestSlotDate(date: string, minuteOfDay: number): string {
  const back = (isoWeekday(date) - SNAPSHOT_WEEKDAY + 7) % 7;
  const monday = addDays(date, -back);
  return back === 0 && minuteOfDay < SNAPSHOT_MINUTE ? addDays(monday, -7) : monday;
}
