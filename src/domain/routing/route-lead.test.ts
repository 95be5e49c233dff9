import { describe, expect, it } from 'vitest';
import { routeLead, cloneContext, type RoutingContext } from './route-lead.ts';
import { pickWeighted } from './round-robin.ts';
import { territoryMismatch } from './territory.ts';
import type { RepState, RoutingLead, RoutingRule } from './types.ts';

// Monday 2026-11-30 10:00 UTC.
const MONDAY_10 = new Date('2026-11-30T10:00:00Z');
const UTC_HOURS = { timeZone: 'UTC', workingDays: [1, 2, 3, 4, 5], startMinute: 540, endMinute: 1080 };

function rep(userId: number, patch: Partial<RepState> = {}): RepState {
  return {
    userId,
    name: `rep${userId}`,
    active: true,
    weight: 1,
    maxOpenLeads: null,
    openLeads: 0,
    hours: UTC_HOURS,
    outOfOffice: [],
    ...patch,
  };
}

function rule(id: number, repIds: number[], patch: Partial<RoutingRule> = {}): RoutingRule {
  return {
    id,
    name: `rule${id}`,
    position: id,
    active: true,
    countries: null,
    regions: null,
    industries: null,
    minCompanySize: null,
    maxCompanySize: null,
    accountIds: null,
    repIds,
    ...patch,
  };
}

function lead(id: number, patch: Partial<RoutingLead> = {}): RoutingLead {
  return { id, country: null, region: null, industry: null, companySize: null, accountId: null, ...patch };
}

function ctx(rules: RoutingRule[], reps: RepState[], now = MONDAY_10): RoutingContext {
  return { rules, reps: new Map(reps.map((r) => [r.userId, r])), state: new Map(), now, holidays: new Set() };
}

describe('territory', () => {
  const emea = rule(1, [1], {
    countries: ['DE', 'FR'],
    industries: ['Software'],
    minCompanySize: 50,
    maxCompanySize: 499,
  });

  it('matches when every set criterion matches (industry ignores case)', () => {
    expect(
      territoryMismatch(lead(1, { country: 'DE', industry: 'software', companySize: 50 }), emea),
    ).toBeNull();
    expect(
      territoryMismatch(lead(1, { country: 'FR', industry: 'Software', companySize: 499 }), emea),
    ).toBeNull();
  });

  it('names the first criterion that fails', () => {
    expect(territoryMismatch(lead(1, { country: 'US', industry: 'Software', companySize: 100 }), emea)).toBe(
      'country US not in DE, FR',
    );
    expect(territoryMismatch(lead(1, { country: 'DE', industry: 'Retail', companySize: 100 }), emea)).toBe(
      'industry Retail not in Software',
    );
    expect(territoryMismatch(lead(1, { country: 'DE', industry: 'Software', companySize: 500 }), emea)).toBe(
      'company size 500 above 50-499',
    );
    expect(territoryMismatch(lead(1, { country: 'DE', industry: 'Software' }), emea)).toBe(
      'company size unknown (rule wants 50-499)',
    );
  });

  it('named accounts: only the listed accounts', () => {
    const named = rule(1, [1], { accountIds: [7, 9] });
    expect(territoryMismatch(lead(1, { accountId: 9 }), named)).toBeNull();
    expect(territoryMismatch(lead(1, { accountId: 8 }), named)).toBe('account 8 not named');
    expect(territoryMismatch(lead(1), named)).toBe('no account (named-account rule)');
  });

  it('rules are tried by position: a named-account rule before the country rule', () => {
    const rules = [
      rule(1, [1], { position: 2, countries: ['DE'] }),
      rule(2, [2], { position: 1, accountIds: [5] }),
    ];
    const d = routeLead(lead(1, { country: 'DE', accountId: 5 }), ctx(rules, [rep(1), rep(2)]));
    expect(d).toMatchObject({ kind: 'assigned', userId: 2, ruleId: 2 });
    const other = routeLead(lead(2, { country: 'DE', accountId: 6 }), ctx(rules, [rep(1), rep(2)]));
    expect(other).toMatchObject({ kind: 'assigned', userId: 1, ruleId: 1 });
    expect(other.trace[0]).toMatchObject({ ruleId: 2, outcome: 'no_match', detail: 'account 6 not named' });
  });
});

describe('weighted round robin', () => {
  it('a weight-2 rep gets twice the leads over a run, interleaved', () => {
    const c = ctx([rule(1, [10, 11, 12])], [rep(10, { weight: 2 }), rep(11), rep(12)]);
    const picks: number[] = [];
    for (let i = 1; i <= 12; i += 1) {
      const d = routeLead(lead(i), c);
      if (d.kind !== 'assigned') throw new Error(d.reason);
      picks.push(d.userId);
    }
    expect(picks.filter((u) => u === 10)).toHaveLength(6);
    expect(picks.filter((u) => u === 11)).toHaveLength(3);
    expect(picks.filter((u) => u === 12)).toHaveLength(3);
    // Hand-run of the smooth algorithm: cw after each pick (10,11,12): [2-4,1,1] -> pick 10 ...
    expect(picks.slice(0, 4)).toEqual([10, 11, 12, 10]);
  });

  it('pickWeighted keeps the state of reps that are not candidates', () => {
    const cw = new Map([[1, 5]]);
    expect(
      pickWeighted(
        [
          { userId: 2, weight: 1 },
          { userId: 3, weight: 1 },
        ],
        cw,
      ),
    ).toBe(2);
    expect(cw.get(1)).toBe(5);
    expect(cw.get(2)).toBe(-1);
    expect(cw.get(3)).toBe(1);
  });

  it('is deterministic: the same inputs give the same decisions', () => {
    const make = () => ctx([rule(1, [1, 2, 3])], [rep(1, { weight: 3 }), rep(2, { weight: 2 }), rep(3)]);
    const run = (c: RoutingContext) => [1, 2, 3, 4, 5, 6].map((i) => routeLead(lead(i), c));
    expect(run(make())).toEqual(run(make()));
  });

  it('a dry run on a clone leaves the state alone', () => {
    const c = ctx([rule(1, [1, 2])], [rep(1), rep(2)]);
    routeLead(lead(1), cloneContext(c));
    expect(c.state.size).toBe(0);
    expect(c.reps.get(1)!.openLeads).toBe(0);
  });
});

describe('availability', () => {
  it('skips a rep who is out of office, with the dates', () => {
    const c = ctx(
      [rule(1, [1, 2])],
      [rep(1, { outOfOffice: [{ from: '2026-11-27', to: '2026-12-01' }] }), rep(2)],
    );
    const d = routeLead(lead(1), c);
    expect(d).toMatchObject({ kind: 'assigned', userId: 2 });
    expect(d.trace[0]!.skipped).toEqual([
      { userId: 1, reason: 'out_of_office', detail: 'out of office 2026-11-27..2026-12-01' },
    ]);
  });

  it('out of office ends: the last day is inclusive, the next day is not', () => {
    const ooo = [{ from: '2026-11-23', to: '2026-11-29' }];
    expect(routeLead(lead(1), ctx([rule(1, [1])], [rep(1, { outOfOffice: ooo })]))).toMatchObject({
      userId: 1,
    });
    const sunday = new Date('2026-11-29T10:00:00Z');
    const weekend = { ...UTC_HOURS, workingDays: [1, 2, 3, 4, 5, 6, 7] };
    const d = routeLead(lead(1), ctx([rule(1, [1])], [rep(1, { outOfOffice: ooo, hours: weekend })], sunday));
    expect(d.kind).toBe('unassigned');
  });

  it('working hours are read in the rep zone: 10:00 UTC is 19:00 in Tokyo and 05:00 in New York', () => {
    const tokyo = rep(1, { hours: { ...UTC_HOURS, timeZone: 'Asia/Tokyo' } });
    const newYork = rep(2, { hours: { ...UTC_HOURS, timeZone: 'America/New_York' } });
    const london = rep(3, { hours: { ...UTC_HOURS, timeZone: 'Europe/London' } });
    const d = routeLead(lead(1), ctx([rule(1, [1, 2, 3])], [tokyo, newYork, london]));
    expect(d).toMatchObject({ kind: 'assigned', userId: 3 });
    expect(d.trace[0]!.skipped).toEqual([
      { userId: 1, reason: 'outside_hours', detail: '19:00 is outside 09:00-18:00 Asia/Tokyo' },
      { userId: 2, reason: 'outside_hours', detail: '05:00 is outside 09:00-18:00 America/New_York' },
    ]);
  });

  it('weekends and workspace holidays are outside hours', () => {
    const saturday = new Date('2026-11-28T10:00:00Z');
    const d = routeLead(lead(1), ctx([rule(1, [1])], [rep(1)], saturday));
    expect(d.trace[0]!.skipped[0]).toMatchObject({
      reason: 'outside_hours',
      detail: '2026-11-28 is not a working day (09:00-18:00 UTC)',
    });
    const c = ctx([rule(1, [1])], [rep(1)]);
    const withHoliday = { ...c, holidays: new Set(['2026-11-30']) };
    expect(routeLead(lead(1), withHoliday).trace[0]!.skipped[0]).toMatchObject({
      detail: '2026-11-30 is a holiday',
    });
  });

  it('caps open leads: a rep at the cap is skipped, and the batch counts its own assignments', () => {
    const c = ctx(
      [rule(1, [1, 2])],
      [rep(1, { maxOpenLeads: 2, openLeads: 1 }), rep(2, { maxOpenLeads: 1 })],
    );
    const users = [1, 2, 3, 4].map((i) => routeLead(lead(i), c));
    expect(users.map((d) => (d.kind === 'assigned' ? d.userId : null))).toEqual([1, 2, null, null]);
    expect(users[2]!.trace[0]!.skipped).toEqual([
      { userId: 1, reason: 'at_cap', detail: '2 open leads, cap 2' },
      { userId: 2, reason: 'at_cap', detail: '1 open leads, cap 1' },
    ]);
  });

  it('inactive and zero-weight reps are skipped', () => {
    const d = routeLead(
      lead(1),
      ctx([rule(1, [1, 2, 3])], [rep(1, { active: false }), rep(2, { weight: 0 }), rep(3)]),
    );
    expect(d).toMatchObject({ kind: 'assigned', userId: 3 });
    expect(d.trace[0]!.skipped.map((s) => s.reason)).toEqual(['inactive', 'zero_weight']);
  });
});

describe('overflow and no eligible rep', () => {
  it('a matching rule with nobody available passes the lead to the next matching rule', () => {
    const rules = [rule(1, [1], { countries: ['DE'] }), rule(2, [2])];
    const d = routeLead(lead(1, { country: 'DE' }), ctx(rules, [rep(1, { active: false }), rep(2)]));
    expect(d).toMatchObject({ kind: 'assigned', userId: 2, ruleId: 2 });
    expect(d.trace[0]).toMatchObject({ ruleId: 1, outcome: 'no_available_rep' });
    expect(d.kind === 'assigned' && d.reason).toBe(
      'rule "rule2": catch-all; weighted round robin among 1 (rep2 1)',
    );
  });

  it('no eligible rep: unassigned with the reason and every rule trace', () => {
    const rules = [rule(1, [1], { countries: ['DE'] }), rule(2, [2], { countries: ['FR'] })];
    const none = routeLead(lead(1, { country: 'US' }), ctx(rules, [rep(1), rep(2)]));
    expect(none).toMatchObject({ kind: 'unassigned', reason: 'no rule matches the lead' });
    expect(none.trace).toHaveLength(2);
    const away = routeLead(lead(1, { country: 'DE' }), ctx(rules, [rep(1, { weight: 0 }), rep(2)]));
    expect(away).toMatchObject({ kind: 'unassigned', reason: 'every matching rule has no available rep' });
    expect(routeLead(lead(1), ctx([], [rep(1)]))).toMatchObject({
      kind: 'unassigned',
      reason: 'no active routing rule',
    });
  });

  it('an SLA reassignment excludes the current owner', () => {
    const d = routeLead(lead(1), ctx([rule(1, [1, 2])], [rep(1), rep(2)]), new Set([1]));
    expect(d).toMatchObject({ kind: 'assigned', userId: 2 });
    expect(d.trace[0]!.skipped[0]).toMatchObject({ userId: 1, reason: 'excluded' });
  });
});
