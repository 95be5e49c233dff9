import type { Message } from './t.ts';

/** Hebrew strings of the Explore page's dimension groupings (mirrors en-explore-dimensions.ts). */
export const heExploreDimensions = {
  'explore.group.lead_source': 'מקור הליד',
  'explore.group.deal_type': 'סוג עסקה',
  'explore.group.pipeline': 'צנרת',
  'explore.group.product': 'מוצר',
  'explore.group.time_category': 'קטגוריית זמן',
  'explore.groupUnavailable': 'לא כל המדדים שנבחרו ניתנים לפילוח כזה',
} satisfies Record<string, Message>;
