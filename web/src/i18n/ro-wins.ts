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
  // Findings from their structured form (web/src/pages/wins/finding-text.ts).
  'wins.feature.touches': 'Contacte',
  'wins.feature.follow_ups': 'Reveniri după prima întâlnire ținută',
  'wins.feature.meetings_held': 'Întâlniri ținute',
  'wins.feature.response_minutes': 'Timp de răspuns la lead (minute lucrătoare)',
  'wins.feature.cadence_days': 'Zile între contacte (ritm)',
  'wins.feature.deal_size': 'Valoarea tranzacției (doar {currency})',
  'wins.feature.stage_days': 'Zile în {stage}',
  'wins.finding':
    '{feature}: mediana {won} pentru tranzacțiile câștigate față de {lost} pentru cele pierdute ({ratio}; diferență {size}; câștigate: {wonN}, pierdute: {lostN}).',
  'wins.ratio': '{ratio}×',
  'wins.ratioLostZero': 'mediana pierdutelor 0',
  'wins.size.negligible': 'neglijabilă',
  'wins.size.small': 'mică',
  'wins.size.moderate': 'moderată',
  'wins.size.large': 'mare',
  'wins.skippedLine':
    '{feature}: necomparat, îl au {wonN} tranzacții câștigate și {lostN} pierdute (sunt necesare cel puțin {min} din fiecare).',
  'wins.subjectEveryone': 'toți cei vizibili pentru dvs.',
  'wins.subjectYou': 'ale dvs.',
} satisfies Record<string, Message>;
