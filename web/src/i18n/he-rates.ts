import type { Message } from './t.ts';

/** Hebrew strings of הגדרות ← שערי חליפין (mirrors en-rates.ts; arrows point left in right-to-left text). */
export const heRates = {
  'settings.rates': 'שערי חליפין',
  'rates.help':
    'עסקאות במטבע אחר מומרות ל-{currency} לפי השער שבתוקף בתאריך הסגירה (צנרת פתוחה: השער של היום). עסקה שלמטבע שלה אין שער מושמטת מהסכומים הכספיים.',
  'rates.currency': 'מטבע',
  'rates.effectiveFrom': 'מתאריך',
  'rates.rate': 'שער',
  'rates.rateHelp': '1 {from} = שער {to}',
  'rates.quote': 'אל',
  'rates.applies': 'בשימוש',
  'rates.notApplied': 'לא בשימוש (מטבע קודם של סביבת העבודה)',
  'rates.add': 'הוספה או החלפה של שער',
  'rates.removeNamed': 'הסרת שער {currency} מ-{date}',
  'rates.none': 'אין עדיין שערי חליפין: עסקאות במטבעות אחרים מושמטות מהסכומים הכספיים.',
  'rates.import': 'ייבוא CSV',
  'rates.importHelp': 'עמודות currency,effective_from,rate. הקובץ מיובא כולו, או שדבר אינו מיובא.',
  'rates.imported': '{count, plural, one {שער אחד יובא} two {שני שערים יובאו} other {{count} שערים יובאו}}',
  'rates.list': 'שערים שמורים',
  'rates.leftOut':
    'עסקאות ב-{currencies} מושמטות מהסכומים הכספיים: אין שער חליפין בתוקף בתאריך שלהן (הגדרות ← שערי חליפין).',
  // Beside a listed deal's own amount when it has no rate to the workspace currency on its date.
  'rates.noRate': 'אין שער',
} satisfies Record<string, Message>;
