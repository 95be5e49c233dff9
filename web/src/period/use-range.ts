import { useMemo, useState } from 'react';
import { useWorkspace } from '../format/workspace.tsx';
import { previousRange, rangeFor, todayIn, type DateRange, type RangeChoice } from './ranges.ts';

/** The chosen dashboard period, today in the workspace time zone, and the comparison period. */
export function useRange(initial: RangeChoice = 'month'): {
  choice: RangeChoice;
  setChoice: (c: RangeChoice) => void;
  today: string;
  range: DateRange;
  previous: DateRange;
} {
  const { settings } = useWorkspace();
  const [choice, setChoice] = useState<RangeChoice>(initial);
  const today = todayIn(settings?.timeZone ?? 'UTC');
  return useMemo(() => {
    const range = rangeFor(choice, today);
    return { choice, setChoice, today, range, previous: previousRange(choice, range) };
  }, [choice, today]);
}
