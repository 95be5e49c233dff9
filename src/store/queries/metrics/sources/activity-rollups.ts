import { sql } from 'kysely';
import type { Aggregate, Condition } from '../../../../domain/metrics/definition.ts';
import { filterClauseIfKnown } from '../compile-aggregate.ts';
import type { RollupSpec } from '../source-spec.ts';
import { TYPED_IN_VIA, ZERO_LENGTH_CALL_SECONDS } from '../../../../domain/integrity/thresholds.ts';

/** The thresholds migration 0042 wrote into the count tables' zero_length and typed_in keys. */
const STORED_ZERO_LENGTH_SECONDS = 10;
const STORED_TYPED_IN_VIA = ['quick_log', 'api'];

/*
 * The activity rollups of migrations 0010 and 0014 (docs/performance.md, "Maintained aggregates"). Their
 * conditions are the activities source's own formulas rewritten over the rollup columns, so a part reads the same
 * rows either way. Counts come from the month table over whole months and from the day table otherwise; distinct
 * people and met prospects (close_rate_meetings) from their month tables over whole months; distinct counts over
 * ranges that are not whole months and anything on other columns stay on the raw rows.
 */

/** Activities source columns that are functions of the count tables' key (same formulas as activities.ts). */
const countColumns = {
  type: sql`r.type`,
  direction: sql`r.direction`,
  outcome: sql`r.outcome`,
  is_touch: sql`((r.type in ('call', 'email', 'linkedin') and r.direction = 'outbound'
    and coalesce(r.outcome, '') <> 'scheduled')
    or (r.type = 'meeting' and coalesce(r.outcome, '') not in ('no_show', 'scheduled')))`,
  is_person_touch: sql`((r.direction = 'outbound' or r.type = 'meeting') and coalesce(r.outcome, '') <> 'scheduled'
    and r.has_person)`,
  is_new_prospect: sql`r.is_new_prospect`,
  customer_facing: sql`(r.type = 'call' or (r.type = 'meeting' and r.outcome = 'held'))`,
  // The effective time category (activities.ts): the one logged (in the key since 0038), else selling for
  // customer-facing time, else none.
  time_category: sql`coalesce(r.time_category, case when (r.type = 'call' or (r.type = 'meeting'
    and r.outcome = 'held')) then 'selling' end)`,
  // The per-row signals kept at write time (migration 0041, src/store/derived/activity-flags.ts), in the key: the
  // raw columns' definitions, stored. repeat_touch's days are the rollup zone's, which the rollups are read in only
  // while it is the workspace zone (the raw column's).
  held_meeting_before: sql`r.held_meeting_before`,
  integrity_touch: sql`((r.direction = 'outbound' or r.type = 'meeting') and coalesce(r.outcome, '') <> 'scheduled'
    and r.has_person)`,
  integrity_repeat_touch: sql`r.repeat_touch`,
  integrity_timed_call: sql`(r.type = 'call' and r.direction = 'outbound' and r.has_duration)`,
  ...integrityKeyColumns(),
};

/**
 * Functions of the row in the key since 0042: zero_length is duration_seconds < 10 and typed_in is logged_via in
 * ('quick_log', 'api'), the thresholds as the migration wrote them. Should a threshold change, its column is
 * left out here (the parts naming it read the raw rows) until a migration refills the key with the new value.
 */
function integrityKeyColumns() {
  const typedInStored =
    TYPED_IN_VIA.length === STORED_TYPED_IN_VIA.length &&
    TYPED_IN_VIA.every((v, i) => v === STORED_TYPED_IN_VIA[i]);
  return {
    ...(ZERO_LENGTH_CALL_SECONDS === STORED_ZERO_LENGTH_SECONDS
      ? { integrity_zero_length_call: sql`(r.type = 'call' and r.direction = 'outbound' and r.zero_length)` }
      : {}),
    ...(typedInStored ? { integrity_typed_in: sql`r.typed_in` } : {}),
  };
}

/** Counts and duration sums over a counts table (day or month): the same rewrite for both. */
function countAggregate(agg: Aggregate) {
  const f = filterClauseIfKnown(countColumns, agg.where);
  if (f === null) return null;
  if (agg.fn === 'count') return sql`coalesce(sum(r.n)${f}, 0)`;
  // The stored sum adds the same numeric duration_seconds / 60.0 values the raw sum adds, so it is exact.
  if (agg.fn === 'sum' && agg.column === 'duration_minutes')
    return sql`coalesce(sum(r.duration_minutes)${f}, 0)`;
  return null;
}

/**
 * Counts and duration sums per rep, local month, type, direction, outcome, has-person and new-prospect flag,
 * logged time category, the repeat-touch and held-meeting-before flags (migrations 0014, 0038, 0041) and whether it has a duration, one under 10 s, and was typed in (0042): the day table's rows added up per month, for whole-month ranges (a quarter by rep is about
 * 7,000 rows instead of 110,000). Listed before the day table so it is tried first.
 */
export const activityMonthCounts: RollupSpec = {
  name: 'activity_month_counts',
  timeColumn: 'occurred_at',
  from: () => sql`activity_month_counts r left join users u on u.id = r.user_id`,
  period: 'month',
  periodStart: sql`r.month`,
  owner: sql`r.user_id`,
  team: sql`u.team_id`,
  filterColumns: {},
  // The effective category is a function of the key (0038): a split by it reads the rollup too.
  dimensions: { time_category: countColumns.time_category },
  aggregate: countAggregate,
};

/** Counts and duration sums per rep, local day and the month table's key (type ... typed-in flag). */
export const activityDayCounts: RollupSpec = {
  name: 'activity_day_counts',
  timeColumn: 'occurred_at',
  from: () => sql`activity_day_counts r left join users u on u.id = r.user_id`,
  period: 'day',
  periodStart: sql`r.day`,
  owner: sql`r.user_id`,
  team: sql`u.team_id`,
  filterColumns: {},
  // The effective category is a function of the key (0038): a split by it reads the rollup too.
  dimensions: { time_category: countColumns.time_category },
  aggregate: countAggregate,
};

/** Which activity_month_people counter stands for the condition of a distinct-person count. */
function peopleCounter(where: readonly Condition[] | undefined) {
  if (!where || where.length !== 1) return null;
  const [c] = where;
  if (c?.op !== 'is_true') return null;
  if (c.column === 'is_person_touch') return sql`r.touches`;
  if (c.column === 'is_new_prospect') return sql`r.new_prospects`;
  return null;
}

/**
 * Activities per rep, local month, contact and lead. The person key is the activities source's formula over the
 * live leads join (a conversion moves it without rewriting the rollup); rows naming neither have no person and
 * only keep the rep's month visible, as the raw rows would.
 */
export const activityMonthPeople: RollupSpec = {
  name: 'activity_month_people',
  timeColumn: 'occurred_at',
  from: () =>
    sql`activity_month_people r left join users u on u.id = r.user_id left join leads l on l.id = r.lead_id`,
  period: 'month',
  periodStart: sql`r.month`,
  owner: sql`r.user_id`,
  team: sql`u.team_id`,
  filterColumns: {},
  aggregate(agg: Aggregate) {
    if (agg.fn !== 'count_distinct' || agg.column !== 'person') return null;
    // Only a single condition that is a per-activity counter survives rolling up: two conditions could hold on two
    // different activities of the same row.
    const counter = peopleCounter(agg.where);
    if (counter === null) return null;
    return sql`count(distinct coalesce(coalesce(r.contact_id, l.converted_contact_id) * 2, r.lead_id * 2 + 1))
      filter (where ${counter} > 0)`;
  },
};

/** Activities source columns that activity_month_meeting_prospects can evaluate (its rows other than meetings have no type). */
const meetingColumns = {
  type: sql`(case when r.is_meeting then 'meeting' end)`,
  outcome: sql`r.outcome`,
};

/**
 * Meetings per rep, local month, outcome, account, contact and lead (migration 0014), for distinct prospects of
 * meetings over whole months (close_rate_meetings' denominator). A part qualifies only when its conditions require
 * a meeting and use nothing but type and outcome; the prospect is the activities source's formula.
 */
export const activityMonthMeetingProspects: RollupSpec = {
  name: 'activity_month_meeting_prospects',
  timeColumn: 'occurred_at',
  from: () => sql`activity_month_meeting_prospects r left join users u on u.id = r.user_id`,
  period: 'month',
  periodStart: sql`r.month`,
  owner: sql`r.user_id`,
  team: sql`u.team_id`,
  filterColumns: {},
  aggregate(agg: Aggregate) {
    if (agg.fn !== 'count_distinct' || agg.column !== 'prospect') return null;
    if (!agg.where?.some((c) => c.column === 'type' && c.op === 'eq' && c.value === 'meeting')) return null;
    const f = filterClauseIfKnown(meetingColumns, agg.where);
    if (f === null) return null;
    return sql`count(distinct (case when r.account_id is not null then r.account_id * 3
      when r.contact_id is not null then r.contact_id * 3 + 1 else r.lead_id * 3 + 2 end))${f}`;
  },
};
