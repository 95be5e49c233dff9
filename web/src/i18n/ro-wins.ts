import type { Message } from './t.ts';

/** Romanian strings of the win analysis page (mirrors en-wins.ts). */
export const roWins = {
  'nav.wins': 'Analiza câștigurilor',
  'wins.title': 'Analiza câștigurilor',
  'wins.help':
    'Oportunități închise între {from} și {to} ({subject}): câștigate {won}, pierdute {lost}. Ce au făcut diferit oportunitățile câștigate, de la cea mai mare diferență; mărimea este delta lui Cliff (moderată de la 0,33, mare de la 0,474).',
  'wins.findings': 'Ce au făcut diferit oportunitățile câștigate',
  'wins.none': 'Nicio oportunitate nu a fost câștigată sau pierdută în această perioadă.',
  'wins.sources': 'Rata de câștig după sursa lead-ului',
  'wins.source': 'Sursa lead-ului',
  'wins.noSource': 'Fără sursă de lead',
  'wins.deals': 'Oportunități',
  'wins.wonCount': 'Câștigate',
  'wins.winRate': 'Rată de câștig',
  'wins.vsOverall': 'Față de total (puncte procentuale)',
  'wins.otherSources': 'Surse mai mici omise: {sources}, cu {deals} oportunități în total.',
  'wins.skipped': 'Necomparate (prea puține oportunități)',
  'wins.won': 'Câștigate',
  'wins.lost': 'Pierdute',
  'wins.median': 'Mediană',
  'wins.mean': 'Medie',
  'wins.charts': 'Câștigate față de pierdute, caracteristică cu caracteristică',
} satisfies Record<string, Message>;
