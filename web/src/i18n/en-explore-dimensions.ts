/** Strings of the Explore page's dimension groupings (issue 18), spread into `en`. */
export const enExploreDimensions = {
  'explore.group.lead_source': 'Lead source',
  'explore.group.deal_type': 'Deal type',
  'explore.group.pipeline': 'Pipeline',
  'explore.group.product': 'Product',
  'explore.group.time_category': 'Time category',
  'explore.groupUnavailable': 'Not every chosen metric can be split this way',
} as const;
