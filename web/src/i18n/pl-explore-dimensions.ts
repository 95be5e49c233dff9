import type { Message } from './t.ts';

/** Polish strings of the Explore page's dimension groupings (mirrors en-explore-dimensions.ts). */
export const plExploreDimensions = {
  'explore.group.lead_source': 'Źródło leada',
  'explore.group.deal_type': 'Typ szansy',
  'explore.group.pipeline': 'Lejek',
  'explore.group.product': 'Produkt',
  'explore.group.time_category': 'Kategoria czasu',
  'explore.groupUnavailable': 'Nie każdy wybrany wskaźnik da się podzielić w ten sposób',
} satisfies Record<string, Message>;
