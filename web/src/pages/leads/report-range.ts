import { addDays, todayIn } from '../../period/ranges.ts';

/** The last `days` days up to today in the workspace zone, as the routing reports take them (dates, both included). */
export function lastDays(timeZone: string, days: number): { from: string; to: string } {
  const to = todayIn(timeZone);
  return { from: addDays(to, -(days - 1)), to };
}
