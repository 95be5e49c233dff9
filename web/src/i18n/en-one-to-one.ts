import type { Message } from './t.ts';

/** Strings of the rep coaching page, the one-to-one pack and the print frame. */
export const enOneToOne = {
  'oneToOne.title': 'One-to-one: {name}',
  'oneToOne.subtitle': 'Prepared {date} · {team}',
  'oneToOne.noTeam': 'no team',
  'oneToOne.hired': 'Hired {date} · ramp {months} months',
  'oneToOne.goals': 'Goals this period',
  'oneToOne.print': 'Print view',
  'oneToOne.pdf': 'Download PDF',
  'print.print': 'Print',
  'print.back': 'Back',
} satisfies Record<string, Message>;
