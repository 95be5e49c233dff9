import type { Message } from './t.ts';

/** Polish strings of the win analysis page (mirrors en-wins.ts). */
export const plWins = {
  'nav.wins': 'Analiza wygranych',
  'wins.title': 'Analiza wygranych',
  'wins.help':
    'Szanse zamknięte od {from} do {to} ({subject}): wygrane {won}, przegrane {lost}. Czym wygrane szanse różniły się od przegranych, od największej różnicy; wielkość to delta Cliffa (umiarkowana od 0,33, duża od 0,474).',
  'wins.findings': 'Czym wyróżniały się wygrane szanse',
  'wins.none': 'W tym okresie nie wygrano ani nie przegrano żadnej szansy.',
  'wins.sources': 'Wskaźnik wygranych według źródła leada',
  'wins.source': 'Źródło leada',
  'wins.noSource': 'Brak źródła leada',
  'wins.deals': 'Szanse',
  'wins.wonCount': 'Wygrane',
  'wins.winRate': 'Wskaźnik wygranych',
  'wins.vsOverall': 'Względem ogółu (pkt proc.)',
  'wins.otherSources': 'Pominięto mniejsze źródła ({sources}) z łączną liczbą szans: {deals}.',
  'wins.skipped': 'Nieporównane (za mało szans)',
  'wins.won': 'Wygrane',
  'wins.lost': 'Przegrane',
  'wins.median': 'Mediana',
  'wins.mean': 'Średnia',
  'wins.charts': 'Wygrane a przegrane, cecha po cesze',
} satisfies Record<string, Message>;
