import type { Message } from './t.ts';

/** Romanian strings of the rep coaching page, the one-to-one pack and the print frame (mirrors en-one-to-one.ts). */
export const roOneToOne = {
  'oneToOne.title': 'Întâlnire individuală: {name}',
  'oneToOne.subtitle': 'Pregătit la {date} · {team}',
  'oneToOne.noTeam': 'fără echipă',
  'oneToOne.hired': 'Angajat la {date} · acomodare {months} luni',
  'oneToOne.goals': 'Obiectivele din această perioadă',
  'oneToOne.print': 'Vizualizare pentru tipărire',
  'oneToOne.pdf': 'Descarcă PDF',
  'print.print': 'Tipărește',
  'print.back': 'Înapoi',
} satisfies Record<string, Message>;
