import type { Message } from './t.ts';

/** Polish strings of Ustawienia → Kursy walut (mirrors en-rates.ts). */
export const plRates = {
  'settings.rates': 'Kursy walut',
  'rates.help':
    'Szanse w innej walucie są przeliczane na {currency} po kursie obowiązującym w dniu zamknięcia (otwarty lejek: po dzisiejszym kursie). Szansa, dla której waluty nie ma kursu, jest pomijana w kwotach.',
  'rates.currency': 'Waluta',
  'rates.effectiveFrom': 'Od',
  'rates.rate': 'Kurs',
  'rates.rateHelp': '1 {from} = kurs {to}',
  'rates.quote': 'Na',
  'rates.applies': 'Stosowany',
  'rates.notApplied': 'Niestosowany (dawna waluta obszaru roboczego)',
  'rates.add': 'Dodaj lub zastąp kurs',
  'rates.removeNamed': 'Usuń kurs {currency} od {date}',
  'rates.none': 'Brak kursów walut: szanse w innych walutach są pomijane w kwotach.',
  'rates.import': 'Importuj CSV',
  'rates.importHelp': 'Kolumny currency,effective_from,rate. Importowany jest cały plik albo nic.',
  'rates.imported':
    '{count, plural, one {Zaimportowano {count} kurs} few {Zaimportowano {count} kursy} many {Zaimportowano {count} kursów} other {Zaimportowano {count} kursu}}',
  'rates.list': 'Zapisane kursy',
  'rates.leftOut':
    'Szanse w walutach {currencies} są pomijane w kwotach: w ich dniu nie obowiązuje żaden kurs (Ustawienia → Kursy walut).',
  // Beside a listed deal's own amount when it has no rate to the workspace currency on its date.
  'rates.noRate': 'brak kursu',
} satisfies Record<string, Message>;
