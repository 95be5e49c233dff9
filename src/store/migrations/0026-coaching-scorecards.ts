import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.ts';

/**
 * Rep scorecards and quadrants (issue 16).
 *
 * - users.sales_role: the rep's sales role (SDR, AE, account manager ...), free text, null = none; not the access
 *   role. It picks the scorecard a rep is measured with.
 * - scorecards: one per sales role (sales_role null = the default card, at most one), each a list of metrics with
 *   kind (leading = activity score, lagging = results score), monthly benchmark and weight, as JSON checked by the
 *   application (src/domain/coaching/scorecard-check.ts). The default card is seeded here (the same
 *   as DEFAULT_SCORECARD_METRICS in src/domain/coaching/scorecard.ts, which also stands in when no default is stored).
 * - quadrant_settings: one row, the thresholds that place reps in the four groups (managers and admins set them).
 *
 * None of these is read by the metrics engine (scores are computed from its answers), so no metrics_data_version
 * trigger is needed.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    alter table users add column sales_role text check (sales_role is null or length(sales_role) between 1 and 60);

    create table scorecards (
      id serial primary key,
      sales_role text check (sales_role is null or length(sales_role) between 1 and 60),
      name text not null check (length(name) between 1 and 100),
      metrics jsonb not null,
      updated_at timestamptz not null default now()
    );
    create unique index scorecards_sales_role on scorecards ((coalesce(sales_role, '')));

    insert into scorecards (sales_role, name, metrics) values (null, 'Default', '[
      {"metricId": "calls", "kind": "leading", "benchmark": 400, "weight": 20},
      {"metricId": "emails", "kind": "leading", "benchmark": 320, "weight": 10},
      {"metricId": "new_prospects", "kind": "leading", "benchmark": 140, "weight": 30},
      {"metricId": "meetings_held", "kind": "leading", "benchmark": 30, "weight": 40},
      {"metricId": "won_revenue", "kind": "lagging", "benchmark": 8000000, "weight": 40},
      {"metricId": "win_rate", "kind": "lagging", "benchmark": 0.35, "weight": 20},
      {"metricId": "quota_attainment", "kind": "lagging", "benchmark": 1, "weight": 40}
    ]'::jsonb);

    create table quadrant_settings (
      id smallint primary key default 1 check (id = 1),
      level_percentile real not null default 50 check (level_percentile between 0 and 100),
      trend_slope real not null default 0,
      min_periods smallint not null default 3 check (min_periods between 2 and 24),
      updated_at timestamptz not null default now()
    );
    insert into quadrant_settings (id) values (1);
    `,
  );
}
