import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { seededRandom } from '../../src/domain/random/seeded-random.ts';
import type { RuleSet } from '../../src/domain/scoring/rules.ts';
import { DEFAULT_RULE_SET } from '../../src/domain/scoring/default-rules.ts';
import { explainLead } from '../../src/store/queries/scoring/explain-lead.ts';
import { scoreLeads } from '../../src/store/queries/scoring/score-leads.ts';
import { scoreSelect } from '../../src/store/queries/scoring/score-sql.ts';
import { getLeadScore } from '../../src/store/tables/lead-scores.ts';
import { leadStatusChanges } from '../../src/store/tables/lead-status-changes.ts';
import { getActiveRuleSet } from '../../src/store/tables/scoring-rule-sets.ts';
import { describeStores, truncateAll } from '../support/stores.ts';

const AS_OF = new Date('2026-06-30T12:00:00Z');
const DAY = 86_400_000;

/** Every rule kind, with decay, windows, caps and negative points, to compare the SQL with the domain evaluation. */
const RICH: RuleSet = {
  version: 1,
  mqlThreshold: 10,
  sqlThreshold: 25,
  demoRequestQualifies: true,
  rules: [
    {
      id: 'pricing',
      label: 'Pricing',
      type: 'engagement',
      eventType: 'page_view',
      urlPattern: '*/pricing*',
      points: 10,
      cap: 25,
      windowDays: null,
      halfLifeDays: 30,
    },
    {
      id: 'opens',
      label: 'Opens',
      type: 'engagement',
      eventType: 'email_open',
      urlPattern: null,
      points: 1,
      cap: 4,
      windowDays: 60,
      halfLifeDays: null,
    },
    {
      id: 'clicks',
      label: 'Clicks',
      type: 'engagement',
      eventType: 'email_click',
      urlPattern: null,
      points: 3,
      cap: null,
      windowDays: 90,
      halfLifeDays: 14,
    },
    {
      id: 'unsub',
      label: 'Unsubscribed',
      type: 'engagement',
      eventType: 'unsubscribe',
      urlPattern: null,
      points: -7,
      cap: 10,
      windowDays: null,
      halfLifeDays: null,
    },
    {
      id: 'blog_50',
      label: 'Blog 50% off',
      type: 'engagement',
      eventType: 'page_view',
      urlPattern: '*/50%_off',
      points: 2,
      cap: null,
      windowDays: null,
      halfLifeDays: null,
    },
    {
      id: 'software',
      label: 'Software',
      type: 'fit',
      condition: { kind: 'equals', attribute: 'industry', value: 'Software' },
      points: 4,
    },
    {
      id: 'dach',
      label: 'DACH',
      type: 'fit',
      condition: { kind: 'in_list', attribute: 'country', values: ['DE', 'AT', 'CH'] },
      points: 3,
    },
    {
      id: 'mid',
      label: 'Mid-size',
      type: 'fit',
      condition: { kind: 'company_size', min: 50, max: 999 },
      points: 5,
    },
    {
      id: 'free_mail',
      label: 'Free mail',
      type: 'fit',
      condition: { kind: 'email_domain', domains: ['gmail.com', 'yahoo.com'] },
      points: -4,
    },
    {
      id: 'bad_data',
      label: 'Bad data',
      type: 'fit',
      condition: { kind: 'data_quality', is: 'inaccurate' },
      points: -5,
    },
    {
      id: 'unassessed',
      label: 'Unassessed',
      type: 'fit',
      condition: { kind: 'data_quality', is: 'unassessed' },
      points: -1,
    },
    {
      id: 'persona',
      label: 'Buyer',
      type: 'fit',
      condition: { kind: 'in_list', attribute: 'persona', values: ['buyer', 'Champion'] },
      points: 5,
    },
    {
      id: 'emea',
      label: 'EMEA region',
      type: 'fit',
      condition: { kind: 'equals', attribute: 'region', value: 'emea' },
      points: 1,
    },
  ],
};

describeStores('lead scoring in SQL', (ctx) => {
  const leadIds: number[] = [];

  beforeAll(async () => {
    await truncateAll(ctx.db);
    const rnd = seededRandom(15);
    const accounts = await ctx.db
      .insertInto('accounts')
      .values([
        { name: 'Acme', industry: 'software', company_size: 120, country: 'DE', region: 'EMEA' },
        { name: 'Big', industry: 'Retail', company_size: 5000, country: 'US', region: 'NA' },
      ])
      .returning('id')
      .execute();
    const pick = <T>(xs: readonly T[]) => rnd.pick(xs);
    for (let i = 0; i < 60; i += 1) {
      const row = await ctx.db
        .insertInto('leads')
        .values({
          name: `L${i}`,
          email: pick([`a${i}@gmail.com`, `b${i}@Acme.example`, `c${i}@x@YAHOO.com`, null]),
          created_at: new Date(AS_OF.getTime() - 200 * DAY),
          status: pick(['new', 'working', 'mql', 'sql', 'converted'] as const),
          account_id: pick([null, accounts[0]!.id, accounts[1]!.id]),
          industry: pick([null, 'Software', 'software', 'Health']),
          company_size: pick([null, 49, 50, 999, 1000]),
          country: pick([null, 'DE', 'CH', 'FR']),
          region: pick([null, 'emea', 'APAC']),
          persona: pick([null, 'buyer', 'CHAMPION', 'user']),
          data_quality: pick([null, 'ok', 'inaccurate'] as const),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      leadIds.push(row.id);
      const events = [];
      for (let k = rnd.int(0, 12); k > 0; k -= 1) {
        events.push({
          external_id: `e${i}-${k}`,
          lead_id: row.id,
          type: pick([
            'page_view',
            'email_open',
            'email_click',
            'unsubscribe',
            'form_submit',
            'demo_request',
          ]),
          url: pick([
            null,
            'https://x.io/pricing',
            'https://x.io/PRICING?plan=pro',
            'https://x.io/blog/50%_off',
            'https://x.io/blog/50x_off',
          ]),
          // Some in the future of AS_OF (not counted), some exactly on a window's edge.
          occurred_at: new Date(
            AS_OF.getTime() -
              pick([-1, 0, 1, 13.5, 30, 59, 60, 61, 90, 91, 150]) * DAY -
              rnd.int(0, 3600) * 1000,
          ),
        });
      }
      if (events.length > 0) await ctx.db.insertInto('lead_events').values(events).execute();
    }
  });

  it('scores every lead as the domain evaluation does (fit, engagement, why, demo request)', async () => {
    const rows = await sql<{
      lead_id: number;
      fit: number;
      engagement: number;
      score: number;
      why: unknown;
      demo_requested: boolean;
    }>`
      ${scoreSelect(RICH, AS_OF, sql`true`)}`.execute(ctx.db);
    expect(rows.rows).toHaveLength(60);
    let fired = 0;
    for (const r of rows.rows) {
      const js = await explainLead(ctx.db, Number(r.lead_id), RICH, AS_OF);
      expect({
        fit: r.fit,
        engagement: r.engagement,
        score: r.score,
        why: r.why,
        demoRequested: r.demo_requested,
      }).toEqual({
        fit: js!.fit,
        engagement: js!.engagement,
        score: js!.score,
        why: js!.why.map((h) => ({ ...h, points: h.points + 0 })),
        demoRequested: js!.demoRequested,
      });
      fired += js!.why.length;
    }
    // The data exercises the rules: most leads have hits, and every rule fires somewhere.
    expect(fired).toBeGreaterThan(100);
    const all = rows.rows.flatMap((r) => r.why as { ruleId: string; capped: boolean }[]);
    expect(new Set(all.map((h) => h.ruleId))).toEqual(new Set(RICH.rules.map((x) => x.id)));
    expect(all.some((h) => h.capped)).toBe(true);
  });

  it('the issue example through the store: pricing, two opens, one click, buyer persona = 20, promoted to sql', async () => {
    await truncateAll(ctx.db);
    const rs = await getActiveRuleSet(ctx.db);
    expect(rs.version).toBe(1);
    expect(rs.rules).toEqual(DEFAULT_RULE_SET.rules);
    const lead = await ctx.db
      .insertInto('leads')
      .values({ name: 'Ex', created_at: '2026-06-01T09:00:00Z', status: 'working', persona: 'Buyer' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const other = await ctx.db
      .insertInto('leads')
      .values({ name: 'Mql', created_at: '2026-06-01T09:00:00Z', status: 'new', data_quality: 'inaccurate' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const e = (id: string, leadId: number, type: string, url: string | null = null) => ({
      external_id: id,
      lead_id: leadId,
      type,
      url,
      occurred_at: '2026-06-20T10:00:00Z',
    });
    await ctx.db
      .insertInto('lead_events')
      .values([
        e('1', lead.id, 'page_view', 'https://acme.example/pricing'),
        e('2', lead.id, 'email_open'),
        e('3', lead.id, 'email_open'),
        e('4', lead.id, 'email_click'),
        e('5', other.id, 'page_view', 'https://acme.example/pricing'),
        e('6', other.id, 'page_view', 'https://acme.example/pricing'),
      ])
      .execute();
    const out = await ctx.db
      .transaction()
      .execute((tx) => scoreLeads(tx, rs, AS_OF, { leadIds: [lead.id, other.id] }));
    expect(out).toEqual({ scored: 2, promoted: 2 });
    expect(await getLeadScore(ctx.db, lead.id)).toMatchObject({
      fit: 5,
      engagement: 15,
      score: 20,
      ruleSetVersion: 1,
    });
    expect(await getLeadScore(ctx.db, other.id)).toMatchObject({ fit: -5, engagement: 20, score: 15 });
    const leads = await ctx.db
      .selectFrom('leads')
      .select(['id', 'status', 'mql_at', 'sql_at'])
      .orderBy('id')
      .execute();
    expect(
      leads.map((l) => [l.status, l.mql_at?.toISOString() ?? null, l.sql_at?.toISOString() ?? null]),
    ).toEqual([
      ['sql', AS_OF.toISOString(), AS_OF.toISOString()],
      ['mql', AS_OF.toISOString(), null],
    ]);
    expect(await leadStatusChanges(ctx.db, lead.id)).toEqual([
      { from: 'working', to: 'sql', at: AS_OF, score: 20, ruleSetVersion: 1, reason: 'score' },
    ]);
    // Scoring again changes no status and records nothing new.
    const again = await ctx.db
      .transaction()
      .execute((tx) => scoreLeads(tx, rs, AS_OF, { leadIds: [lead.id, other.id] }));
    expect(again).toEqual({ scored: 2, promoted: 0 });
  });

  it('a demo request makes a lead sql at once, with reason demo_request; a lower score never demotes', async () => {
    await truncateAll(ctx.db);
    const rs = await getActiveRuleSet(ctx.db);
    const lead = await ctx.db
      .insertInto('leads')
      .values({
        name: 'Demo',
        created_at: '2026-06-01T09:00:00Z',
        status: 'mql',
        mql_at: '2026-06-02T09:00:00Z',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await ctx.db
      .insertInto('lead_events')
      .values({
        external_id: 'd1',
        lead_id: lead.id,
        type: 'demo_request',
        url: null,
        occurred_at: '2026-06-29T10:00:00Z',
      })
      .execute();
    await ctx.db.transaction().execute((tx) => scoreLeads(tx, rs, AS_OF, { leadIds: [lead.id] }));
    const row = await ctx.db
      .selectFrom('leads')
      .select(['status', 'mql_at', 'sql_at'])
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'sql', mql_at: new Date('2026-06-02T09:00:00Z'), sql_at: AS_OF });
    expect(await leadStatusChanges(ctx.db, lead.id)).toEqual([
      { from: 'mql', to: 'sql', at: AS_OF, score: 0, ruleSetVersion: 1, reason: 'demo_request' },
    ]);
  });
});
