import { describe, expect, it } from 'vitest';
import { DEFAULT_RULE_SET } from './default-rules.ts';
import {
  applyCap,
  emailDomainOf,
  roundPoints,
  scoreLead,
  type LeadFacts,
  type ScoredEvent,
} from './evaluate.ts';
import type { EngagementRule, FitRule } from './rules.ts';
import { promotion, scoreBand } from './thresholds.ts';
import { urlMatches, urlPatternToLike } from './url-pattern.ts';
import { validateRuleSet } from './validate-rule-set.ts';

const AS_OF = new Date('2026-06-30T12:00:00Z');
const daysAgo = (d: number) => new Date(AS_OF.getTime() - d * 86_400_000);
const ev = (type: string, ago = 0, url: string | null = null): ScoredEvent => ({
  type,
  url,
  occurredAt: daysAgo(ago),
});
const NO_FACTS: LeadFacts = {
  industry: null,
  companySize: null,
  country: null,
  region: null,
  persona: null,
  source: null,
  emailDomain: null,
  dataQuality: null,
};
const eng = (over: Partial<EngagementRule>): EngagementRule => ({
  id: 'r',
  label: 'R',
  type: 'engagement',
  eventType: 'email_open',
  urlPattern: null,
  points: 1,
  cap: null,
  windowDays: null,
  halfLifeDays: null,
  ...over,
});
const fit = (condition: FitRule['condition'], points = 5): FitRule => ({
  id: 'f',
  label: 'F',
  type: 'fit',
  condition,
  points,
});
const one = (rule: EngagementRule | FitRule, facts: LeadFacts, events: ScoredEvent[]) =>
  scoreLead(facts, events, { rules: [rule] }, AS_OF);

describe('the brief five rules', () => {
  it('pricing visit, two opens, one click, fits the persona: 10 + 2 + 3 + 5 = 20, an SQL', () => {
    const s = scoreLead(
      { ...NO_FACTS, persona: 'Buyer' },
      [
        ev('page_view', 3, 'https://acme.example/pricing'),
        ev('email_open', 2),
        ev('email_open', 1),
        ev('email_click', 1),
      ],
      DEFAULT_RULE_SET,
      AS_OF,
    );
    expect(s).toEqual({
      fit: 5,
      engagement: 15,
      score: 20,
      demoRequested: false,
      why: [
        {
          ruleId: 'pricing_page',
          label: 'Visited the pricing page',
          type: 'engagement',
          points: 10,
          events: 1,
          capped: false,
        },
        {
          ruleId: 'email_open',
          label: 'Opened an email',
          type: 'engagement',
          points: 2,
          events: 2,
          capped: false,
        },
        {
          ruleId: 'email_click',
          label: 'Clicked an email',
          type: 'engagement',
          points: 3,
          events: 1,
          capped: false,
        },
        {
          ruleId: 'buyer_persona',
          label: 'Matches the buyer persona',
          type: 'fit',
          points: 5,
          events: 1,
          capped: false,
        },
      ],
    });
    expect(scoreBand(s.score, s.demoRequested, DEFAULT_RULE_SET)).toBe('sql');
  });

  it('inaccurate company data subtracts 5; a page other than pricing scores nothing', () => {
    const s = scoreLead(
      { ...NO_FACTS, dataQuality: 'inaccurate' },
      [ev('page_view', 0, 'https://acme.example/blog'), ev('email_click', 0)],
      DEFAULT_RULE_SET,
      AS_OF,
    );
    expect([s.fit, s.engagement, s.score]).toEqual([-5, 3, -2]);
    expect(s.why.map((h) => h.ruleId)).toEqual(['email_click', 'inaccurate_data']);
  });

  it('a lead with nothing scores 0 with an empty why', () => {
    expect(scoreLead(NO_FACTS, [], DEFAULT_RULE_SET, AS_OF)).toEqual({
      fit: 0,
      engagement: 0,
      score: 0,
      why: [],
      demoRequested: false,
    });
  });
});

describe('fit rules', () => {
  it('equals ignores letter case; other values and missing values do not match', () => {
    const r = fit({ kind: 'equals', attribute: 'industry', value: 'Software' });
    expect(one(r, { ...NO_FACTS, industry: 'software' }, []).score).toBe(5);
    expect(one(r, { ...NO_FACTS, industry: 'Retail' }, []).score).toBe(0);
    expect(one(r, NO_FACTS, []).score).toBe(0);
  });
  it('in_list matches any listed value', () => {
    const r = fit({ kind: 'in_list', attribute: 'country', values: ['DE', 'AT', 'CH'] }, 4);
    expect(one(r, { ...NO_FACTS, country: 'AT' }, []).score).toBe(4);
    expect(one(r, { ...NO_FACTS, country: 'FR' }, []).score).toBe(0);
  });
  it('company_size is inclusive at both ends, open when a bound is null', () => {
    const band = fit({ kind: 'company_size', min: 50, max: 199 }, 3);
    expect([49, 50, 199, 200].map((n) => one(band, { ...NO_FACTS, companySize: n }, []).score)).toEqual([
      0, 3, 3, 0,
    ]);
    const big = fit({ kind: 'company_size', min: 1000, max: null }, 7);
    expect(one(big, { ...NO_FACTS, companySize: 25_000 }, []).score).toBe(7);
    expect(one(big, NO_FACTS, []).score).toBe(0);
  });
  it('email_domain compares the text after the last @ (negative points allowed)', () => {
    const r = fit({ kind: 'email_domain', domains: ['gmail.com', 'Yahoo.com'] }, -3);
    expect(one(r, { ...NO_FACTS, emailDomain: emailDomainOf('Ann@YAHOO.com') }, []).score).toBe(-3);
    expect(one(r, { ...NO_FACTS, emailDomain: emailDomainOf('ann@acme.com') }, []).score).toBe(0);
    expect(emailDomainOf('odd@name@Gmail.com')).toBe('gmail.com');
    expect(emailDomainOf('no-at-sign')).toBeNull();
  });
  it('data_quality: ok, inaccurate, unassessed (null)', () => {
    expect(one(fit({ kind: 'data_quality', is: 'unassessed' }, -1), NO_FACTS, []).score).toBe(-1);
    expect(
      one(fit({ kind: 'data_quality', is: 'ok' }, 2), { ...NO_FACTS, dataQuality: 'ok' }, []).score,
    ).toBe(2);
    expect(
      one(fit({ kind: 'data_quality', is: 'ok' }, 2), { ...NO_FACTS, dataQuality: 'inaccurate' }, []).score,
    ).toBe(0);
  });
});

describe('engagement rules', () => {
  it('counts points per matching event of the type', () => {
    const s = one(eng({ points: 3, eventType: 'email_click' }), NO_FACTS, [
      ev('email_click'),
      ev('email_click'),
      ev('email_open'),
    ]);
    expect(s.why).toEqual([
      { ruleId: 'r', label: 'R', type: 'engagement', points: 6, events: 2, capped: false },
    ]);
  });
  it('a URL pattern is a case-insensitive glob over the whole URL', () => {
    expect(urlMatches('*/pricing*', 'https://x.io/Pricing?plan=pro')).toBe(true);
    expect(urlMatches('*/pricing*', 'https://x.io/pricing-tips')).toBe(true);
    expect(urlMatches('*/pricing', 'https://x.io/pricing/enterprise')).toBe(false);
    expect(urlMatches('*/pricing*', null)).toBe(false);
    expect(urlMatches('https://x.io/a.b', 'https://x.io/aXb')).toBe(false);
    expect(urlPatternToLike('*/50%_off*')).toBe('%/50\\%\\_off%');
  });
  it('a cap limits the rule total in magnitude; a negative rule is floored', () => {
    const events = [ev('email_open'), ev('email_open'), ev('email_open'), ev('email_open')];
    expect(one(eng({ points: 3, cap: 10 }), NO_FACTS, events).why[0]).toMatchObject({
      points: 10,
      events: 4,
      capped: true,
    });
    expect(one(eng({ points: -3, cap: 10 }), NO_FACTS, events).why[0]).toMatchObject({
      points: -10,
      capped: true,
    });
    expect(one(eng({ points: 3, cap: 12 }), NO_FACTS, events).why[0]).toMatchObject({
      points: 12,
      capped: false,
    });
    expect(applyCap(14, 10)).toEqual({ value: 10, capped: true });
  });
  it('a window counts only the last N days (an event exactly N days old counts)', () => {
    const s = one(eng({ windowDays: 30 }), NO_FACTS, [
      ev('email_open', 0),
      ev('email_open', 30),
      ev('email_open', 31),
    ]);
    expect(s.why[0]).toMatchObject({ points: 2, events: 2 });
    expect(one(eng({ windowDays: 7 }), NO_FACTS, [ev('email_open', 8)]).why).toEqual([]);
  });
  it('decay halves the points every half-life: 10 now + 10 at 30 days + 10 at 60 days = 10 + 5 + 2.5 = 17.5 -> 18', () => {
    const s = one(eng({ points: 10, halfLifeDays: 30 }), NO_FACTS, [
      ev('email_open', 0),
      ev('email_open', 30),
      ev('email_open', 60),
    ]);
    expect(s.why[0]).toMatchObject({ points: 18, events: 3 });
  });
  it('decayed points are summed before rounding: three opens at 45 days (0.354 each) make 1, not 0', () => {
    const s = one(eng({ points: 1, halfLifeDays: 30 }), NO_FACTS, [
      ev('email_open', 45),
      ev('email_open', 45),
      ev('email_open', 45),
    ]);
    expect(s.why[0]).toMatchObject({ points: 1, events: 3 });
  });
  it('a rule that fired but rounds to 0 is still listed in why', () => {
    const s = one(eng({ points: 1, halfLifeDays: 10 }), NO_FACTS, [ev('email_open', 100)]);
    expect(s.why).toEqual([
      { ruleId: 'r', label: 'R', type: 'engagement', points: 0, events: 1, capped: false },
    ]);
  });
  it('cap applies after decay, then rounding: 4 x 10 at 10 days (half-life 10) = 20 -> cap 15', () => {
    const events = [1, 2, 3, 4].map(() => ev('email_open', 10));
    expect(one(eng({ points: 10, halfLifeDays: 10, cap: 15 }), NO_FACTS, events).why[0]).toMatchObject({
      points: 15,
      capped: true,
    });
  });
  it('events after the scoring instant are not counted', () => {
    expect(one(eng({}), NO_FACTS, [ev('email_open', -1)]).why).toEqual([]);
  });
  it('rounds halves away from zero', () => {
    expect([2.5, -2.5, 2.4999, 0.5, -0.4].map(roundPoints)).toEqual([3, -3, 2, 1, -0]);
  });
});

describe('thresholds', () => {
  const rs = { mqlThreshold: 10, sqlThreshold: 20, demoRequestQualifies: true };
  it('bands: below, mql at the MQL threshold, sql at the SQL threshold or on a demo request', () => {
    expect([9, 10, 19, 20].map((s) => scoreBand(s, false, rs))).toEqual(['below', 'mql', 'mql', 'sql']);
    expect(scoreBand(0, true, rs)).toBe('sql');
    expect(scoreBand(0, true, { ...rs, demoRequestQualifies: false })).toBe('below');
  });
  it('promotes new/working forward only; never demotes, never touches closed leads', () => {
    expect(promotion('new', 'mql')).toBe('mql');
    expect(promotion('working', 'sql')).toBe('sql');
    expect(promotion('mql', 'sql')).toBe('sql');
    expect(promotion('mql', 'mql')).toBeNull();
    expect(promotion('sql', 'below')).toBeNull();
    expect(promotion('mql', 'below')).toBeNull();
    expect(promotion('converted', 'sql')).toBeNull();
    expect(promotion('disqualified', 'sql')).toBeNull();
  });
});

describe('validateRuleSet', () => {
  it('accepts the default set', () => {
    expect(validateRuleSet(DEFAULT_RULE_SET)).toEqual([]);
  });
  it('names every problem with its field', () => {
    const errors = validateRuleSet({
      mqlThreshold: 30,
      sqlThreshold: 20,
      demoRequestQualifies: false,
      rules: [
        eng({ id: 'a', points: 1.5, cap: 0, halfLifeDays: -1 }),
        eng({ id: 'a', eventType: 'Page View' }),
        fit({ kind: 'company_size', min: 200, max: 50 }),
      ],
    });
    expect(errors.map((e) => e.field)).toEqual([
      'rules[0].points',
      'rules[0].cap',
      'rules[0].halfLifeDays',
      'rules[1].id',
      'rules[1].eventType',
      'rules[2].condition.max',
      'mqlThreshold',
    ]);
  });
});
