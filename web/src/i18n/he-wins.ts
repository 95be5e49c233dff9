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
  // Findings from their structured form (web/src/pages/wins/finding-text.ts).
  'wins.feature.touches': 'מגעים',
  'wins.feature.follow_ups': 'מעקבים אחרי הפגישה הראשונה שהתקיימה',
  'wins.feature.meetings_held': 'פגישות שהתקיימו',
  'wins.feature.response_minutes': 'זמן תגובה לליד (דקות עבודה)',
  'wins.feature.cadence_days': 'ימים בין מגעים (קצב)',
  'wins.feature.deal_size': 'גודל עסקה ({currency} בלבד)',
  'wins.feature.stage_days': 'ימים בשלב {stage}',
  'wins.finding':
    '{feature}: חציון {won} בעסקאות שנסגרו בהצלחה מול {lost} בעסקאות שאבדו ({ratio}; הבדל {size}; זכיות: {wonN}, הפסדים: {lostN}).',
  'wins.ratio': '{ratio}×',
  'wins.ratioLostZero': 'חציון ההפסדים 0',
  'wins.size.negligible': 'זניח',
  'wins.size.small': 'קטן',
  'wins.size.moderate': 'בינוני',
  'wins.size.large': 'גדול',
  'wins.skippedLine':
    '{feature}: לא הושווה, יש לו {wonN} עסקאות שנזכו ו-{lostN} שאבדו (נדרשות לפחות {min} מכל צד).',
  'wins.subjectEveryone': 'כל מי שגלוי לך',
  'wins.subjectYou': 'שלך',
} satisfies Record<string, Message>;
