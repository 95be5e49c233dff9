import type { Message } from './t.ts';

/** Polish strings of the data-quality page (mirrors en-integrity.ts). */
export const plIntegrity = {
  'nav.integrity': 'Jakość danych',
  'integrity.title': 'Jakość danych o aktywnościach',
  'integrity.help':
    'Oznaki zawyżania aktywności według handlowca: rozmowy zapisane prawie bez czasu trwania, ta sama osoba kontaktowana raz po raz tego samego dnia i aktywności wpisywane hurtem po godzinach. Flaga to powód, by sprawdzić, a nie wyrok: sprawdź wymienione dni.',
  'integrity.rep': 'Handlowiec',
  'integrity.zero_length_call_share': 'Rozmowy krótsze niż {seconds} s',
  'integrity.repeat_touch_share': '{nth}. lub kolejny kontakt z osobą tego dnia',
  'integrity.bulk_logged_share': 'Wpisane hurtem po godzinach',
  'integrity.median': 'Mediana handlowców',
  'integrity.flag': 'Flaga',
  'integrity.flagged': 'Sprawdź',
  'integrity.ok': 'OK',
  'integrity.none': 'Brak handlowców, których możesz zobaczyć.',
  'integrity.noneFlagged': 'W tym okresie nikt nie jest oznaczony.',
  'integrity.flaggedReps': 'Oznaczeni handlowcy',
  'integrity.worstDays': 'Dni do sprawdzenia',
  'integrity.day': 'Dzień',
  'integrity.dayCalls': 'Rozmowy krótsze niż {seconds} s / rozmowy z czasem',
  'integrity.dayTouches': 'Powtórne kontakty / kontakty',
  'integrity.dayBulk': 'Wpisane hurtem / wpisane ręcznie',
  'integrity.reason.zero_length_call_share':
    '{share} rozmów krótszych niż {seconds} s ({n} z {d}; {comparison})',
  'integrity.reason.repeat_touch_share':
    '{share} kontaktów to {nth}. lub kolejny kontakt z tą samą osobą tego dnia ({n} z {d}; {comparison})',
  'integrity.reason.bulk_logged_share':
    '{share} ręcznie wpisanych aktywności zapisano po godzinach w seriach po {rows}+ w ciągu {minutes} min ({n} z {d}; {comparison})',
  'integrity.medianOf': 'mediana wszystkich handlowców {median}',
  'integrity.noMedian': 'za mało handlowców na medianę',
} satisfies Record<string, Message>;
