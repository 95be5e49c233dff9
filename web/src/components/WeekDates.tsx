import { parsePeriod } from '../../../src/domain/calendar/period.ts';
import { useWorkspace } from '../format/workspace.tsx';

/**
 * The days of a week key in the workspace's weeks ("Nov 15 – 21, 2026"), shown beside a week picker: a browser's
 * week input names only the ISO week and marks Monday to Sunday, while the workspace's week may start on Sunday.
 */
export function WeekDates({ weekKey, testId }: { weekKey: string | undefined; testId?: string }) {
  const { fmt, weekStartDay } = useWorkspace();
  if (!weekKey || !/^\d{4}-W\d{2}$/.test(weekKey)) return null;
  let week;
  try {
    week = parsePeriod(weekKey, { fiscalYearStartMonth: 1, weekStartDay });
  } catch {
    // A week the year does not have (2025-W53): the server says so when it is asked for.
    return null;
  }
  const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
  const lastDay = new Date(day(week.end).getTime() - 86_400_000);
  const text = new Intl.DateTimeFormat(fmt.locale, { dateStyle: 'medium', timeZone: 'UTC' }).formatRange(
    day(week.start),
    lastDay,
  );
  return (
    <bdi className="muted" data-testid={testId}>
      {text}
    </bdi>
  );
}
