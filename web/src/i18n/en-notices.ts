import type { Message } from './t.ts';

/** API notices (a response's `notices`, src/domain/notices.ts) said by code: components/notice-text.tsx. */
export const enNotices = {
  'notice.statement.plan_currency':
    'The plan from {from} pays in {planCurrency} but the statement is in {currency}: its {planCurrency} amounts (cap, bonuses, SPIFs, draw) are read as {currency}.',
  'notice.statement.no_target':
    'No target this period, so attainment cannot be computed; tiered deals earn the on-target rate ({rate}, tier {tier}) and target bonuses are not paid.',
  'notice.statement.no_target_segment':
    'Plan segment {segment} ({from} to {to}): no target, so attainment cannot be computed; tiered deals earn the on-target rate ({rate}, tier {tier}) and target bonuses are not paid.',
  'notice.statement.bonus_repeated':
    'Bonus “{label}” was reached again after a plan change; it is paid once per period.',
  'notice.statement.outside_plan':
    '{count, plural, one {{count} deal credited on a day without a plan assignment is not counted.} other {{count} deals credited on days without a plan assignment are not counted.}}',
  'notice.statement.other_currency':
    '{count, plural, one {{count} deal in another currency than {currency} is not counted.} other {{count} deals in another currency than {currency} are not counted.}}',
  'notice.statement.negative_payout': 'The payout is negative ({amount}): deductions exceed earnings.',
  'notice.whatIf.no_plan_today': 'Not on a plan today (no baseline): {names}',
  'notice.whatIf.other_currency_plan': 'On a plan in another currency than {currency} (no baseline): {names}',
  'notice.whatIf.no_target': 'No target in some periods (tiered deals earn the on-target rate): {names}',
  'notice.names.more': '{names} and {count, plural, one {{count} more} other {{count} more}}',
  'notice.forecast.low_coverage':
    'Open pipeline closing in {period} covers {coverage} of what the run rate expects: too few deals; reps may not be prospecting enough.',
  'notice.forecast.blend_not_used':
    'The blended forecast is not used: it has not beaten {method} over the past periods, so {method} is the number to plan with.',
} satisfies Record<string, Message>;
