import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { assertNever } from '../../../errors.ts';
import type { FitCondition, RuleSet } from '../../../domain/scoring/rules.ts';
import { DEMO_REQUEST_EVENT } from '../../../domain/scoring/rules.ts';
import { urlPatternToLike } from '../../../domain/scoring/url-pattern.ts';
import { inList } from '../../sql/lists.ts';

/**
 * The rule set compiled to one set-based SELECT over the leads `leadWhere` picks (alias `l`), giving per lead
 * (lead_id, status, fit, engagement, score, why, demo_requested), exactly as src/domain/scoring/evaluate.ts's
 * scoreLead computes them (test/scoring/score-sql.test.ts checks that on both stores):
 *
 * - facts: the lead's attribute, else its account's, lower-cased; the email domain from the lead's email;
 * - fit rules: a lateral VALUES list of (rule position, points, condition) per lead, kept where the condition holds;
 * - engagement rules: lead_events joined to a VALUES table of the engagement rules on event type, filtered by
 *   URL (ILIKE), window and `asOf`, summed per lead and rule with decay 0.5^(age days / half-life);
 * - each rule's total capped in magnitude and rounded with round(numeric) (halves away from zero), then
 *   summed into fit and engagement and listed in `why` in rule-set order.
 */
export function scoreSelect(
  rs: Pick<RuleSet, 'rules'>,
  asOf: ScoreAsOf,
  leadWhere: RawBuilder<SqlBool>,
  /** The same leads as a condition on lead_events `e` (an id range or list), so a batch reads its events by index. */
  eventWhere: RawBuilder<SqlBool> = sql<SqlBool>`true`,
): RawBuilder<ScoredRow> {
  const { target, fitHits, engHits, metaValues } = ruleParts(rs, asOf, leadWhere, eventWhere);
  return sql<ScoredRow>`
    with target as (${target}),
    hits as (${fitHits} union all ${engHits}),
    capped as (
      select h.lead_id, h.ord, h.events, m.rule_id, m.label, m.kind,
        (m.cap is not null and abs(h.raw) > m.cap) as capped,
        round((case when m.cap is not null and abs(h.raw) > m.cap then sign(h.raw) * m.cap else h.raw end)::numeric)::int as points
      from hits h join ${metaValues} as m(ord, rule_id, label, kind, cap) on m.ord = h.ord
    ),
    per_lead as (
      select lead_id,
        coalesce(sum(points) filter (where kind = 'fit'), 0)::int as fit,
        coalesce(sum(points) filter (where kind = 'engagement'), 0)::int as engagement,
        jsonb_agg(jsonb_build_object('ruleId', rule_id, 'label', label, 'type', kind, 'points', points,
          'events', events, 'capped', capped) order by ord) as why
      from capped group by lead_id
    )
    select t.id as lead_id, t.status,
      coalesce(p.fit, 0) as fit, coalesce(p.engagement, 0) as engagement,
      coalesce(p.fit, 0) + coalesce(p.engagement, 0) as score,
      coalesce(p.why, '[]'::jsonb) as why,
      exists (select 1 from lead_events d
        where d.lead_id = t.id and d.type = ${DEMO_REQUEST_EVENT} and d.occurred_at <= t.scored_at) as demo_requested
    from target t left join per_lead p on p.lead_id = t.id`;
}

/**
 * When each lead is scored: one instant for all (a re-score: now), or a SQL expression over the lead row `l`
 * (calibration scores each past lead as it stood when it was decided, so later events cannot leak its outcome).
 */
export type ScoreAsOf = Date | { perLead: RawBuilder<unknown> };

/**
 * Each rule's raw total per lead before cap and rounding (rule position `ord`, `raw` points, `events` counted),
 * over the same facts and events as scoreSelect: the fitted model's features (calibration) are these raw totals
 * divided by the rule's points, so the model and the points read exactly the same evidence.
 */
export function ruleHitsSelect(
  rs: Pick<RuleSet, 'rules'>,
  asOf: ScoreAsOf,
  leadWhere: RawBuilder<SqlBool>,
): RawBuilder<{ lead_id: number; ord: number; raw: number; events: number }> {
  const { target, fitHits, engHits } = ruleParts(rs, asOf, leadWhere);
  return sql`with target as (${target}) select * from (${fitHits} union all ${engHits}) h`;
}

function ruleParts(
  rs: Pick<RuleSet, 'rules'>,
  asOf: ScoreAsOf,
  leadWhere: RawBuilder<SqlBool>,
  eventWhere: RawBuilder<SqlBool> = sql<SqlBool>`true`,
): {
  target: RawBuilder<unknown>;
  fitHits: RawBuilder<unknown>;
  engHits: RawBuilder<unknown>;
  metaValues: RawBuilder<unknown>;
} {
  const at = asOf instanceof Date ? sql`${asOf.toISOString()}::timestamptz` : asOf.perLead;
  const fitRows: RawBuilder<unknown>[] = [];
  const engRows: RawBuilder<unknown>[] = [];
  const meta: RawBuilder<unknown>[] = [];
  rs.rules.forEach((rule, ord) => {
    if (rule.type === 'fit') {
      fitRows.push(
        sql`(${ord}::int, ${rule.points}::float8, coalesce(${fitCondition(rule.condition)}, false))`,
      );
      meta.push(sql`(${ord}::int, ${rule.id}::text, ${rule.label}::text, 'fit'::text, null::float8)`);
    } else {
      engRows.push(
        sql`(${ord}::int, ${rule.eventType}::text, ${rule.urlPattern === null ? null : urlPatternToLike(rule.urlPattern)}::text,
          ${rule.points}::float8, ${rule.windowDays}::float8, ${rule.halfLifeDays}::float8)`,
      );
      meta.push(
        sql`(${ord}::int, ${rule.id}::text, ${rule.label}::text, 'engagement'::text, ${rule.cap}::float8)`,
      );
    }
  });
  const fitHits =
    fitRows.length === 0
      ? sql`select null::bigint as lead_id, null::int as ord, null::float8 as raw, null::int as events where false`
      : sql`select t.id as lead_id, f.ord, f.points as raw, 1 as events
          from target t cross join lateral (values ${sql.join(fitRows)}) as f(ord, points, hit)
          where f.hit`;
  const engHits =
    engRows.length === 0
      ? sql`select null::bigint as lead_id, null::int as ord, null::float8 as raw, null::int as events where false`
      : sql`select e.lead_id, r.ord,
            sum(r.points * case when r.half_life is null then 1.0
              else power(0.5::float8, (extract(epoch from (t.scored_at - e.occurred_at)) / 86400.0)::float8 / r.half_life) end) as raw,
            count(*)::int as events
          from target t
          join lead_events e on e.lead_id = t.id
          join (values ${sql.join(engRows)}) as r(ord, event_type, url_like, points, window_days, half_life)
            on r.event_type = e.type
          where e.occurred_at <= t.scored_at and ${eventWhere}
            and (r.window_days is null or e.occurred_at >= t.scored_at - r.window_days * interval '86400 seconds')
            and (r.url_like is null or e.url ilike r.url_like)
          group by e.lead_id, r.ord`;
  const metaValues =
    meta.length === 0
      ? sql`(select null::int as ord, null::text as rule_id, null::text as label, null::text as kind, null::float8 as cap where false)`
      : sql`(values ${sql.join(meta)})`;
  const target = sql`
      select l.id, l.status, (${at})::timestamptz as scored_at,
        lower(coalesce(l.industry, a.industry)) as industry,
        coalesce(l.company_size, a.company_size) as company_size,
        lower(coalesce(l.country, a.country)) as country,
        lower(coalesce(l.region, a.region)) as region,
        lower(l.persona) as persona,
        lower(l.source) as source,
        lower(substring(l.email from '@([^@]+)$')) as email_domain,
        l.data_quality
      from leads l left join accounts a on a.id = l.account_id
      where ${leadWhere}`;
  return { target, fitHits, engHits, metaValues };
}

/** One lead's score as the compiled SQL returns it. */
export interface ScoredRow {
  lead_id: number;
  status: string;
  fit: number;
  engagement: number;
  score: number;
  why: unknown;
  demo_requested: boolean;
}

/** A fit condition over the `target` row `t` (lower-cased facts), as a SQL boolean (null when a fact is missing). */
function fitCondition(c: FitCondition): RawBuilder<SqlBool> {
  switch (c.kind) {
    case 'equals':
      return sql<SqlBool>`${sql.ref(`t.${c.attribute}`)} = ${c.value.toLowerCase()}`;
    case 'in_list':
      return inList(
        `t.${c.attribute}`,
        c.values.map((v) => v.toLowerCase()),
      );
    case 'company_size':
      return sql<SqlBool>`(t.company_size >= ${c.min ?? null}::int or ${c.min ?? null}::int is null)
        and (t.company_size <= ${c.max ?? null}::int or ${c.max ?? null}::int is null)
        and t.company_size is not null`;
    case 'email_domain':
      return inList(
        't.email_domain',
        c.domains.map((d) => d.toLowerCase()),
      );
    case 'data_quality':
      return c.is === 'unassessed'
        ? sql<SqlBool>`t.data_quality is null`
        : sql<SqlBool>`t.data_quality = ${c.is}`;
    default:
      return assertNever(c, 'fit condition');
  }
}
