import type { Message } from './t.ts';
import type { enNotices } from './en-notices.ts';

/** en-notices.ts in Hebrew. */
export const heNotices: Record<keyof typeof enNotices, Message> = {
  'notice.statement.plan_currency':
    'התוכנית מ-{from} משלמת ב-{planCurrency} אבל הדוח הוא ב-{currency}: סכומי ה-{planCurrency} שלה (תקרה, בונוסים, SPIF, מקדמה) נקראים כ-{currency}.',
  'notice.statement.no_target':
    'אין יעד בתקופה זו, ולכן אי אפשר לחשב עמידה ביעד; עסקאות במדרגות מקבלות את שיעור העמידה ביעד ({rate}, מדרגה {tier}) ובונוסי יעד אינם משולמים.',
  'notice.statement.no_target_segment':
    'מקטע תוכנית {segment} ({from} עד {to}): אין יעד, ולכן אי אפשר לחשב עמידה ביעד; עסקאות במדרגות מקבלות את שיעור העמידה ביעד ({rate}, מדרגה {tier}) ובונוסי יעד אינם משולמים.',
  'notice.statement.bonus_repeated': 'הבונוס „{label}” הושג שוב אחרי שינוי תוכנית; הוא משולם פעם אחת בתקופה.',
  'notice.statement.outside_plan':
    '{count, plural, one {עסקה אחת שזוכתה ביום ללא שיוך לתוכנית אינה נספרת.} two {שתי עסקאות שזוכו בימים ללא שיוך לתוכנית אינן נספרות.} other {{count} עסקאות שזוכו בימים ללא שיוך לתוכנית אינן נספרות.}}',
  'notice.statement.other_currency':
    '{count, plural, one {עסקה אחת במטבע שאינו {currency} אינה נספרת.} two {שתי עסקאות במטבע שאינו {currency} אינן נספרות.} other {{count} עסקאות במטבע שאינו {currency} אינן נספרות.}}',
  'notice.statement.negative_payout': 'התשלום שלילי ({amount}): הניכויים עולים על ההכנסות.',
  'notice.whatIf.no_plan_today': 'ללא תוכנית היום (אין בסיס להשוואה): {names}',
  'notice.whatIf.other_currency_plan': 'בתוכנית במטבע שאינו {currency} (אין בסיס להשוואה): {names}',
  'notice.whatIf.no_target': 'ללא יעד בחלק מהתקופות (עסקאות במדרגות מקבלות את שיעור העמידה ביעד): {names}',
  'notice.names.more': '{names} ועוד {count, plural, one {אחד} two {שניים} other {{count}}}',
  'notice.forecast.low_coverage':
    'הצנרת הפתוחה שנסגרת ב-{period} מכסה {coverage} ממה שהקצב ההיסטורי צופה: מעט מדי עסקאות; ייתכן שהנציגים אינם מחפשים לקוחות מספיק.',
  'notice.forecast.blend_not_used':
    'התחזית המשולבת אינה בשימוש: בתקופות הקודמות היא לא עלתה על {method}, ולכן {method} הוא המספר לתכנון.',
};
