import type { Message } from './t.ts';

/** Strings of the data-quality page (/team/integrity, issue 18), spread into `en`. */
export const enIntegrity = {
  'nav.integrity': 'Data quality',
  'integrity.title': 'Activity data quality',
  'integrity.help':
    'Signs of padded activity per rep: calls logged with next to no duration, the same person touched again and again the same day, and activity typed in by the batch after hours. A flag is a reason to look, not a verdict: check the days listed.',
  'integrity.rep': 'Rep',
  'integrity.zero_length_call_share': 'Calls under {seconds} s',
  'integrity.repeat_touch_share': '{nth}rd+ touch of a person that day',
  'integrity.bulk_logged_share': 'Bulk-logged after hours',
  'integrity.median': 'Median rep',
  'integrity.flag': 'Flag',
  'integrity.flagged': 'Check',
  'integrity.ok': 'OK',
  'integrity.none': 'No reps you can see.',
  'integrity.noneFlagged': 'No rep is flagged in this period.',
  'integrity.flaggedReps': 'Flagged reps',
  'integrity.worstDays': 'Days to check',
  'integrity.day': 'Day',
  'integrity.dayCalls': 'Calls under {seconds} s / timed calls',
  'integrity.dayTouches': 'Repeat touches / touches',
  'integrity.dayBulk': 'Bulk-logged / typed in',
  'integrity.reason.zero_length_call_share': '{share} of calls under {seconds} s ({n} of {d}; {comparison})',
  'integrity.reason.repeat_touch_share':
    '{share} of touches were the {nth}rd or later to the same person that day ({n} of {d}; {comparison})',
  'integrity.reason.bulk_logged_share':
    '{share} of typed-in activities were logged after hours in bursts of {rows}+ within {minutes} min ({n} of {d}; {comparison})',
  'integrity.medianOf': 'median of all reps {median}',
  'integrity.noMedian': 'too few reps for a median',
} satisfies Record<string, Message>;
