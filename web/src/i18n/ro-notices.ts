import type { Message } from './t.ts';
import type { enNotices } from './en-notices.ts';

/** en-notices.ts in Romanian. */
export const roNotices: Record<keyof typeof enNotices, Message> = {
  'notice.statement.plan_currency':
    'Planul de la {from} plătește în {planCurrency}, dar extrasul este în {currency}: sumele sale în {planCurrency} (plafon, bonusuri, SPIF-uri, avans) sunt citite ca {currency}.',
  'notice.statement.no_target':
    'Nu există țintă în această perioadă, deci realizarea nu poate fi calculată; tranzacțiile pe praguri primesc rata la țintă ({rate}, pragul {tier}), iar bonusurile de țintă nu se plătesc.',
  'notice.statement.no_target_segment':
    'Segmentul de plan {segment} ({from} – {to}): nu există țintă, deci realizarea nu poate fi calculată; tranzacțiile pe praguri primesc rata la țintă ({rate}, pragul {tier}), iar bonusurile de țintă nu se plătesc.',
  'notice.statement.bonus_repeated':
    'Bonusul „{label}” a fost atins din nou după o schimbare de plan; se plătește o singură dată pe perioadă.',
  'notice.statement.outside_plan':
    '{count, plural, one {{count} tranzacție creditată într-o zi fără plan atribuit nu este luată în calcul.} few {{count} tranzacții creditate în zile fără plan atribuit nu sunt luate în calcul.} other {{count} de tranzacții creditate în zile fără plan atribuit nu sunt luate în calcul.}}',
  'notice.statement.other_currency':
    '{count, plural, one {{count} tranzacție în altă monedă decât {currency} nu este luată în calcul.} few {{count} tranzacții în altă monedă decât {currency} nu sunt luate în calcul.} other {{count} de tranzacții în altă monedă decât {currency} nu sunt luate în calcul.}}',
  'notice.statement.negative_payout': 'Plata este negativă ({amount}): deducerile depășesc câștigurile.',
  'notice.whatIf.no_plan_today': 'Fără plan astăzi (fără referință): {names}',
  'notice.whatIf.other_currency_plan': 'Pe un plan în altă monedă decât {currency} (fără referință): {names}',
  'notice.whatIf.no_target':
    'Fără țintă în unele perioade (tranzacțiile pe praguri primesc rata la țintă): {names}',
  'notice.names.more':
    '{names} și {count, plural, one {încă {count} persoană} few {încă {count} persoane} other {încă {count} de persoane}}',
  'notice.forecast.low_coverage':
    'Pipeline-ul deschis care se închide în {period} acoperă {coverage} din cât așteaptă ritmul istoric: prea puține tranzacții; agenții poate nu prospectează destul.',
  'notice.forecast.blend_not_used':
    'Prognoza combinată nu este folosită: în perioadele trecute nu a fost mai bună decât {method}, deci cifra de planificare este {method}.',
};
