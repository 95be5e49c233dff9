import type { Message } from './t.ts';

/** Romanian strings of the data-quality page (mirrors en-integrity.ts). */
export const roIntegrity = {
  'nav.integrity': 'Calitatea datelor',
  'integrity.title': 'Calitatea datelor despre activități',
  'integrity.help':
    'Semne de activitate umflată, pe agent: apeluri înregistrate aproape fără durată, aceeași persoană contactată iar și iar în aceeași zi și activități introduse în bloc după program. Un semnal este un motiv de verificare, nu un verdict: verificați zilele listate.',
  'integrity.rep': 'Agent',
  'integrity.zero_length_call_share': 'Apeluri sub {seconds} s',
  'integrity.repeat_touch_share': 'Al {nth}-lea contact sau mai mult cu o persoană în ziua respectivă',
  'integrity.bulk_logged_share': 'Introduse în bloc după program',
  'integrity.median': 'Agentul median',
  'integrity.flag': 'Semnal',
  'integrity.flagged': 'De verificat',
  'integrity.ok': 'OK',
  'integrity.none': 'Niciun agent pe care îl puteți vedea.',
  'integrity.noneFlagged': 'Niciun agent semnalat în această perioadă.',
  'integrity.flaggedReps': 'Agenți semnalați',
  'integrity.worstDays': 'Zile de verificat',
  'integrity.day': 'Zi',
  'integrity.dayCalls': 'Apeluri sub {seconds} s / apeluri cu durată',
  'integrity.dayTouches': 'Contacte repetate / contacte',
  'integrity.dayBulk': 'Introduse în bloc / introduse manual',
  'integrity.reason.zero_length_call_share':
    '{share} din apeluri sub {seconds} s ({n} din {d}; {comparison})',
  'integrity.reason.repeat_touch_share':
    '{share} din contacte au fost al {nth}-lea sau mai mult cu aceeași persoană în aceeași zi ({n} din {d}; {comparison})',
  'integrity.reason.bulk_logged_share':
    '{share} din activitățile introduse manual au fost înregistrate după program, în serii de {rows}+ în {minutes} min ({n} din {d}; {comparison})',
  'integrity.medianOf': 'mediana tuturor agenților {median}',
  'integrity.noMedian': 'prea puțini agenți pentru o mediană',
} satisfies Record<string, Message>;
