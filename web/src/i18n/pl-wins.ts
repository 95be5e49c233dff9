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
  // Findings from their structured form (web/src/pages/wins/finding-text.ts).
  'wins.feature.touches': 'Kontakty',
  'wins.feature.follow_ups': 'Kontakty po pierwszym odbytym spotkaniu',
  'wins.feature.meetings_held': 'Odbyte spotkania',
  'wins.feature.response_minutes': 'Czas reakcji na lead (minuty robocze)',
  'wins.feature.cadence_days': 'Dni między kontaktami (rytm)',
  'wins.feature.deal_size': 'Wartość transakcji (tylko {currency})',
  'wins.feature.stage_days': 'Dni w etapie {stage}',
  'wins.finding':
    '{feature}: mediana {won} dla wygranych wobec {lost} dla przegranych ({ratio}; różnica {size}; wygrane: {wonN}, przegrane: {lostN}).',
  'wins.ratio': '{ratio}×',
  'wins.ratioLostZero': 'mediana przegranych 0',
  'wins.size.negligible': 'znikoma',
  'wins.size.small': 'mała',
  'wins.size.moderate': 'umiarkowana',
  'wins.size.large': 'duża',
  'wins.skippedLine':
    '{feature}: nie porównano, ma to {wonN} wygranych i {lostN} przegranych transakcji (potrzeba co najmniej {min} z każdej strony).',
  'wins.subjectEveryone': 'wszyscy widoczni dla Ciebie',
  'wins.subjectYou': 'Twoje',
} satisfies Record<string, Message>;
