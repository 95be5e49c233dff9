import { useMemo, useState } from 'react';
import { useWorkspace } from '../format/workspace.tsx';
import { periodKeyFor, rangeFor, todayIn, type DateRange, type RangeChoice } from './ranges.ts';

/** The chosen dashboard period: its metrics API key, its dates, and today, in the workspace time zone. */
export function useRange(initial: RangeChoice = 'month'): {
  choice: RangeChoice;
  setChoice: (c: RangeChoice) => void;
  today: string;
  range: DateRange;
  periodKey: string;
} {
  const { settings, weekStartDay } = useWorkspace();
  const [choice, setChoice] = useState<RangeChoice>(initial);
  const today = todayIn(settings?.timeZone ?? 'UTC');
  return useMemo(
    () => ({
      choice,
      setChoice,
      today,
      range: rangeFor(choice, today, weekStartDay),
      periodKey: periodKeyFor(choice, today, weekStartDay),
    }),
    [choice, today, weekStartDay],
  );
}
