import type { RuleSet } from './rules.ts';

/**
 * The brief's five rules (visited the pricing page +10, opened an email +1, clicked an email +3, inaccurate
 * company data -5, matches the buyer persona +5), with no caps, windows or decay, and thresholds at which the
 * issue's example lead (pricing, two opens, one click, fits the persona: 20) is sales-qualified.
 * Migration 0021 stores a frozen copy as version 1; test/scoring/default-rule-set.test.ts keeps the two equal.
 */
export const DEFAULT_RULE_SET: RuleSet = {
  version: 1,
  mqlThreshold: 10,
  sqlThreshold: 20,
  demoRequestQualifies: true,
  rules: [
    {
      id: 'pricing_page',
      label: 'Visited the pricing page',
      type: 'engagement',
      eventType: 'page_view',
      urlPattern: '*/pricing*',
      points: 10,
      cap: null,
      windowDays: null,
      halfLifeDays: null,
    },
    {
      id: 'email_open',
      label: 'Opened an email',
      type: 'engagement',
      eventType: 'email_open',
      urlPattern: null,
      points: 1,
      cap: null,
      windowDays: null,
      halfLifeDays: null,
    },
    {
      id: 'email_click',
      label: 'Clicked an email',
      type: 'engagement',
      eventType: 'email_click',
      urlPattern: null,
      points: 3,
      cap: null,
      windowDays: null,
      halfLifeDays: null,
    },
    {
      id: 'inaccurate_data',
      label: 'Inaccurate company data',
      type: 'fit',
      condition: { kind: 'data_quality', is: 'inaccurate' },
      points: -5,
    },
    {
      id: 'buyer_persona',
      label: 'Matches the buyer persona',
      type: 'fit',
      condition: { kind: 'in_list', attribute: 'persona', values: ['buyer'] },
      points: 5,
    },
  ],
};
