import type { Message } from './t.ts';

/** Hebrew strings of the data-quality page (mirrors en-integrity.ts). */
export const heIntegrity = {
  'nav.integrity': 'איכות נתונים',
  'integrity.title': 'איכות נתוני הפעילות',
  'integrity.help':
    'סימנים לניפוח פעילות לפי נציג: שיחות שנרשמו כמעט ללא משך, אותו אדם שנוצר איתו קשר שוב ושוב באותו יום, ופעילות שהוזנה בבת אחת אחרי שעות העבודה. סימון הוא סיבה לבדוק, לא פסק דין: בדקו את הימים המפורטים.',
  'integrity.rep': 'נציג',
  'integrity.zero_length_call_share': 'שיחות קצרות מ-{seconds} שניות',
  'integrity.repeat_touch_share': 'מגע {nth} ומעלה עם אותו אדם באותו יום',
  'integrity.bulk_logged_share': 'הוזנו בבת אחת אחרי שעות העבודה',
  'integrity.median': 'הנציג החציוני',
  'integrity.flag': 'סימון',
  'integrity.flagged': 'לבדיקה',
  'integrity.ok': 'תקין',
  'integrity.none': 'אין נציגים שאפשר לראות.',
  'integrity.noneFlagged': 'אף נציג לא סומן בתקופה זו.',
  'integrity.flaggedReps': 'נציגים שסומנו',
  'integrity.worstDays': 'ימים לבדיקה',
  'integrity.day': 'יום',
  'integrity.dayCalls': 'שיחות קצרות מ-{seconds} שניות / שיחות עם משך',
  'integrity.dayTouches': 'מגעים חוזרים / מגעים',
  'integrity.dayBulk': 'הוזנו בבת אחת / הוזנו ידנית',
  'integrity.reason.zero_length_call_share':
    '{share} מהשיחות קצרות מ-{seconds} שניות ({n} מתוך {d}; {comparison})',
  'integrity.reason.repeat_touch_share':
    '{share} מהמגעים היו מגע {nth} ומעלה עם אותו אדם באותו יום ({n} מתוך {d}; {comparison})',
  'integrity.reason.bulk_logged_share':
    '{share} מהפעילויות שהוזנו ידנית נרשמו אחרי שעות העבודה ברצפים של {rows}+ בתוך {minutes} דקות ({n} מתוך {d}; {comparison})',
  'integrity.medianOf': 'החציון של כל הנציגים {median}',
  'integrity.noMedian': 'מעט מדי נציגים לחציון',
} satisfies Record<string, Message>;
