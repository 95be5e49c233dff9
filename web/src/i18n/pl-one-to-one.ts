import type { Message } from './t.ts';

/** Polish strings of the rep coaching page, the one-to-one pack and the print frame (mirrors en-one-to-one.ts). */
export const plOneToOne = {
  'oneToOne.title': 'Rozmowa indywidualna: {name}',
  'oneToOne.subtitle': 'Przygotowano {date} · {team}',
  'oneToOne.noTeam': 'bez zespołu',
  'oneToOne.hired': 'Zatrudniony {date} · wdrożenie {months} mies.',
  'oneToOne.goals': 'Cele w tym okresie',
  'oneToOne.print': 'Widok do druku',
  'oneToOne.pdf': 'Pobierz PDF',
  'print.print': 'Drukuj',
  'print.back': 'Wstecz',
} satisfies Record<string, Message>;
