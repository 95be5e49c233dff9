import type { Message } from './t.ts';

/**
 * Every user-facing English string. Keys are grouped by page; `{name}` is a placeholder and an object holds
 * plural forms chosen by Intl.PluralRules (roadmap 5 adds other catalogues with the same keys).
 */
export const en = {
  'app.name': 'Pacesetter',
  'nav.label': 'Main',
  'nav.skip': 'Skip to content',
  'nav.team': 'Team',
  'nav.me': 'My day',
  'nav.explore': 'Explore',
  'nav.settings': 'Settings',
  'nav.signOut': 'Sign out',
  'role.admin': 'Admin',
  'role.manager': 'Manager',
  'role.rep': 'Rep',

  'signIn.intro': 'Sign in to see your team and your day.',
  'signIn.email': 'Email',
  'signIn.password': 'Password',
  'signIn.submit': 'Sign in',
  'signIn.busy': 'Signing in…',
  'signIn.failed': 'Email or password is wrong.',
  'signIn.throttled': 'Too many attempts. Wait a minute and try again.',

  'state.loading': 'Loading…',
  'state.empty': 'Nothing to show for this period.',
  'state.unavailable': 'Not available on this server yet.',
  'state.line': 'line {line}',

  'period.label': 'Period',
  'period.today': 'Today',
  'period.week': 'This week',
  'period.month': 'This month',
  'period.quarter': 'This quarter',
  'period.last_month': 'Last month',
  'period.last_quarter': 'Last quarter',
  'period.year': 'This year',
  'period.custom': 'Custom',
  'period.from': 'From',
  'period.to': 'To',
  'period.range': '{from} – {to}',
  'period.vs': '{from} – {to}, compared with {prevFrom} – {prevTo}',
  'grain.day': 'Day',
  'grain.week': 'Week',
  'grain.month': 'Month',
  'grain.quarter': 'Quarter',
  'grain.year': 'Year',

  'unit.days': { one: '{n} day', other: '{n} days' },
  'unit.months': { one: '{n} month', other: '{n} months' },
  'metric.parts': '{numerator} / {denominator}',
  'kpi.previous': 'before: {value}',
  'opportunityType.new_business': 'New business',
  'opportunityType.upsell': 'Upsell',
  'opportunityType.renewal': 'Renewal',

  'manager.title': 'Team',
  'manager.kpis': 'Team KPIs',

  'rep.title': 'My day',

  'explore.title': 'Explore',
  'explore.controls': 'Query',
  'explore.metrics': 'Metrics',
  'explore.groupBy': 'Group by',
  'explore.group.rep': 'Rep',
  'explore.group.team': 'Team',
  'explore.group.company': 'Company',
  'explore.grain': 'Buckets',
  'explore.grainNone': 'Whole period',
  'explore.period': 'Period',
  'explore.teams': 'Teams',
  'explore.reps': 'Reps',
  'explore.opportunityTypes': 'Deal types',
  'explore.chart': 'Chart',
  'explore.chartLabel': 'Chart of {metric}',
  'explore.table': 'Metric values',
  'explore.exportCsv': 'Export CSV',
  'explore.empty': 'Pick at least one metric; no rows match these filters.',

  'settings.title': 'Settings',
} satisfies Record<string, Message>;

/** The name of a user-facing string. */
export type MessageKey = keyof typeof en;
