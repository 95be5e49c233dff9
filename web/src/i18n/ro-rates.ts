import type { Message } from './t.ts';

/** Romanian strings of Setări → Cursuri de schimb (mirrors en-rates.ts). */
export const roRates = {
  'settings.rates': 'Cursuri de schimb',
  'rates.help':
    'Oportunitățile în altă monedă sunt convertite în {currency} la cursul în vigoare la data închiderii (pipeline deschis: cursul de azi). O oportunitate a cărei monedă nu are curs este omisă din sumele bănești.',
  'rates.currency': 'Monedă',
  'rates.effectiveFrom': 'De la',
  'rates.rate': 'Curs',
  'rates.rateHelp': '1 {from} = curs {to}',
  'rates.quote': 'În',
  'rates.applies': 'Se aplică',
  'rates.notApplied': 'Nu se aplică (fosta monedă a spațiului de lucru)',
  'rates.add': 'Adaugă sau înlocuiește cursul',
  'rates.removeNamed': 'Elimină cursul {currency} de la {date}',
  'rates.none': 'Niciun curs de schimb încă: oportunitățile în alte monede sunt omise din sumele bănești.',
  'rates.import': 'Importă CSV',
  'rates.importHelp': 'Coloane currency,effective_from,rate. Se importă tot fișierul sau nimic.',
  'rates.imported':
    '{count, plural, one {{count} curs importat} few {{count} cursuri importate} other {{count} de cursuri importate}}',
  'rates.list': 'Cursuri salvate',
  'rates.leftOut':
    'Oportunitățile în {currencies} sunt omise din sumele bănești: niciun curs de schimb nu este în vigoare la data lor (Setări → Cursuri de schimb).',
  // Beside a listed deal's own amount when it has no rate to the workspace currency on its date.
  'rates.noRate': 'fără curs',
} satisfies Record<string, Message>;
