/** Strings of the win analysis page (spread into en.ts). */
export const enWins = {
  'nav.wins': 'Win analysis',
  'wins.title': 'Win analysis',
  'wins.help':
    'Deals closed {from} to {to} ({subject}): {won} won and {lost} lost. What the won deals did differently, largest difference first; the size is Cliff\u2019s delta (moderate from 0.33, large from 0.474).',
  'wins.findings': 'What won deals did differently',
  'wins.none': 'No deals were won or lost in this period.',
  'wins.sources': 'Win rate by lead source',
  'wins.source': 'Lead source',
  'wins.noSource': 'No lead source',
  'wins.deals': 'Deals',
  'wins.wonCount': 'Won',
  'wins.winRate': 'Win rate',
  'wins.vsOverall': 'Against overall (points)',
  'wins.otherSources': '{sources} smaller sources with {deals} deals between them are left out.',
  'wins.skipped': 'Not compared (too few deals)',
  'wins.won': 'Won',
  'wins.lost': 'Lost',
  'wins.median': 'Median',
  'wins.mean': 'Mean',
  'wins.charts': 'Won against lost, feature by feature',
} as const;
