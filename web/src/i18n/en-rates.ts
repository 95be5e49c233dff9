import type { Message } from './t.ts';

/** Strings of Settings → Exchange rates (spread into `en`). */
export const enRates = {
  'settings.rates': 'Exchange rates',
  'rates.help':
    'Deals in another currency are converted to {currency} by the rate in effect on their close date (open pipeline: today’s rate). A deal whose currency has no rate is left out of money figures.',
  'rates.currency': 'Currency',
  'rates.effectiveFrom': 'From',
  'rates.rate': 'Rate',
  'rates.rateHelp': '1 {from} = rate {to}',
  'rates.quote': 'To',
  'rates.applies': 'Applies',
  'rates.notApplied': 'Not applied (former workspace currency)',
  'rates.add': 'Add or replace rate',
  'rates.removeNamed': 'Remove the {currency} rate from {date}',
  'rates.none': 'No exchange rates yet: deals in other currencies are left out of money figures.',
  'rates.import': 'Import CSV',
  'rates.importHelp': 'Columns currency,effective_from,rate. The whole file is imported, or nothing.',
  'rates.imported': '{count, plural, one {{count} rate imported} other {{count} rates imported}}',
  'rates.list': 'Stored rates',
  'rates.leftOut':
    'Deals in {currencies} are left out of money figures: no exchange rate is in effect on their date (Settings → Exchange rates).',
  // Beside a listed deal's own amount when it has no rate to the workspace currency on its date.
  'rates.noRate': 'no rate',
} satisfies Record<string, Message>;
