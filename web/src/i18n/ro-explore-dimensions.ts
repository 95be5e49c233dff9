import type { Message } from './t.ts';

/** Romanian strings of the Explore page's dimension groupings (mirrors en-explore-dimensions.ts). */
export const roExploreDimensions = {
  'explore.group.lead_source': 'Sursa lead-ului',
  'explore.group.deal_type': 'Tip de oportunitate',
  'explore.group.pipeline': 'Pipeline',
  'explore.group.product': 'Produs',
  'explore.group.time_category': 'Categorie de timp',
  'explore.groupUnavailable': 'Nu toți indicatorii aleși pot fi împărțiți astfel',
} satisfies Record<string, Message>;
