import type { Message } from './t.ts';

/** Hebrew strings of the win analysis page (mirrors en-wins.ts). */
export const heWins = {
  'nav.wins': 'ניתוח זכיות',
  'wins.title': 'ניתוח זכיות',
  'wins.help':
    'עסקאות שנסגרו בין {from} ל-{to} ({subject}): {won} נסגרו בהצלחה ו-{lost} הופסדו. במה נבדלו העסקאות שנסגרו בהצלחה, מההבדל הגדול ביותר; גודל ההבדל הוא הדלתא של Cliff (בינוני מ-0.33, גדול מ-0.474).',
  'wins.findings': 'במה נבדלו העסקאות שנסגרו בהצלחה',
  'wins.none': 'לא נסגרו עסקאות בהצלחה או בהפסד בתקופה זו.',
  'wins.sources': 'שיעור זכייה לפי מקור הליד',
  'wins.source': 'מקור הליד',
  'wins.noSource': 'ללא מקור ליד',
  'wins.deals': 'עסקאות',
  'wins.wonCount': 'נסגרו בהצלחה',
  'wins.winRate': 'שיעור זכייה',
  'wins.vsOverall': 'לעומת הכלל (נקודות אחוז)',
  'wins.otherSources': 'מקורות קטנים יותר ({sources}) עם {deals} עסקאות בסך הכול הושמטו.',
  'wins.skipped': 'לא הושוו (מעט מדי עסקאות)',
  'wins.won': 'נסגרו בהצלחה',
  'wins.lost': 'הפסדים',
  'wins.median': 'חציון',
  'wins.mean': 'ממוצע',
  'wins.charts': 'זכיות מול הפסדים, מאפיין אחר מאפיין',
} satisfies Record<string, Message>;
