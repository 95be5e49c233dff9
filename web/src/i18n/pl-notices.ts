import type { Message } from './t.ts';
import type { enNotices } from './en-notices.ts';

/** en-notices.ts in Polish. */
export const plNotices: Record<keyof typeof enNotices, Message> = {
  'notice.statement.plan_currency':
    'Plan obowiązujący od {from} wypłaca w {planCurrency}, a zestawienie jest w {currency}: jego kwoty w {planCurrency} (limit, premie, SPIF-y, zaliczka) są liczone jako {currency}.',
  'notice.statement.no_target':
    'Brak celu w tym okresie, więc nie można obliczyć realizacji; transakcje w progach dostają stawkę za realizację celu ({rate}, próg {tier}), a premie za cel nie są wypłacane.',
  'notice.statement.no_target_segment':
    'Część planu {segment} ({from}–{to}): brak celu, więc nie można obliczyć realizacji; transakcje w progach dostają stawkę za realizację celu ({rate}, próg {tier}), a premie za cel nie są wypłacane.',
  'notice.statement.bonus_repeated':
    'Premia „{label}” została osiągnięta ponownie po zmianie planu; jest wypłacana raz na okres.',
  'notice.statement.outside_plan':
    '{count, plural, one {{count} transakcja zaliczona w dniu bez przypisanego planu nie jest liczona.} few {{count} transakcje zaliczone w dniach bez przypisanego planu nie są liczone.} many {{count} transakcji zaliczonych w dniach bez przypisanego planu nie jest liczonych.} other {{count} transakcji zaliczonej w dniach bez przypisanego planu nie jest liczone.}}',
  'notice.statement.other_currency':
    '{count, plural, one {{count} transakcja w walucie innej niż {currency} nie jest liczona.} few {{count} transakcje w walucie innej niż {currency} nie są liczone.} many {{count} transakcji w walucie innej niż {currency} nie jest liczonych.} other {{count} transakcji w walucie innej niż {currency} nie jest liczone.}}',
  'notice.statement.negative_payout': 'Wypłata jest ujemna ({amount}): potrącenia przekraczają zarobki.',
  'notice.whatIf.no_plan_today': 'Bez planu na dziś (brak punktu odniesienia): {names}',
  'notice.whatIf.other_currency_plan':
    'Na planie w walucie innej niż {currency} (brak punktu odniesienia): {names}',
  'notice.whatIf.no_target':
    'Brak celu w niektórych okresach (transakcje w progach dostają stawkę za realizację celu): {names}',
  'notice.names.more':
    '{names} i {count, plural, one {{count} inna osoba} few {{count} inne osoby} many {{count} innych osób} other {{count} innej osoby}}',
  'notice.forecast.low_coverage':
    'Otwarty lejek zamykany w {period} pokrywa {coverage} tego, czego oczekuje historyczne tempo: za mało transakcji; handlowcy mogą za mało poszukiwać klientów.',
  'notice.forecast.blend_not_used':
    'Prognoza łączona nie jest używana: w minionych okresach nie była lepsza niż {method}, więc do planowania służy {method}.',
};
