import type { Message } from './t.ts';

/** Hebrew strings of the rep coaching page, the one-to-one pack and the print frame (mirrors en-one-to-one.ts). */
export const heOneToOne = {
  'oneToOne.title': 'שיחה אישית: {name}',
  'oneToOne.subtitle': 'הוכן ב-{date} · {team}',
  'oneToOne.noTeam': 'ללא צוות',
  'oneToOne.hired': 'גויס ב-{date} · חפיפה {months} חודשים',
  'oneToOne.goals': 'יעדים לתקופה זו',
  'oneToOne.print': 'תצוגת הדפסה',
  'oneToOne.pdf': 'הורדת PDF',
  'print.print': 'הדפסה',
  'print.back': 'חזרה',
} satisfies Record<string, Message>;
