import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.ts';

/**
 * Lead scoring (issue 15, scoring half; docs/lead-scoring.md).
 *
 * - lead_events: engagement events (page_view with url, email_open, email_click, form_submit, demo_request or
 *   any custom lower_snake_case type). external_id is the sender's event id: a re-sent event is ignored.
 * - scoring_rule_sets: versioned rule sets (rules as JSON in the domain's shape, thresholds); at most one active.
 *   No row is seeded here (a seeded row would make a fresh store look non-empty to restore and demo): the
 *   brief's default set is stored as version 1 the first time scoring needs a version.
 * - lead_scores: each lead's latest score (fit + engagement = score) with `why` (every rule that fired and its
 *   points), the rule-set version and instant it was computed at. Other capabilities read lead_scores.score.
 * - lead_status_changes: every status change scoring made, with the score, rule version and reason.
 * - scoring_rescores: background re-scores of the open leads (one per rule change), with progress; the
 *   scoring-rescore job works through them in id batches, committing its cursor with each batch.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    create table lead_events (
      id bigserial primary key,
      external_id text not null unique,
      lead_id bigint not null references leads(id) on delete cascade,
      type text not null check (type ~ '^[a-z][a-z0-9_]*$'),
      url text,
      occurred_at timestamptz not null,
      properties jsonb not null default '{}'::jsonb,
      received_at timestamptz not null default now()
    );
    create index lead_events_lead_idx on lead_events(lead_id, occurred_at);

    create table scoring_rule_sets (
      version integer primary key check (version > 0),
      rules jsonb not null,
      mql_threshold integer not null,
      sql_threshold integer not null,
      demo_request_qualifies boolean not null,
      active boolean not null default false,
      created_by bigint references users(id) on delete set null,
      created_at timestamptz not null default now(),
      check (mql_threshold <= sql_threshold)
    );
    create unique index scoring_rule_sets_one_active on scoring_rule_sets(active) where active;

    create table lead_scores (
      lead_id bigint primary key references leads(id) on delete cascade,
      rule_set_version integer not null references scoring_rule_sets(version),
      fit integer not null,
      engagement integer not null,
      score integer not null,
      why jsonb not null,
      demo_requested boolean not null default false,
      computed_at timestamptz not null
    );

    create table lead_status_changes (
      id bigserial primary key,
      lead_id bigint not null references leads(id) on delete cascade,
      from_status text not null,
      to_status text not null,
      changed_at timestamptz not null,
      score integer,
      rule_set_version integer references scoring_rule_sets(version),
      reason text not null
    );
    create index lead_status_changes_lead_idx on lead_status_changes(lead_id, changed_at);

    create table scoring_rescores (
      id bigserial primary key,
      rule_set_version integer not null references scoring_rule_sets(version),
      status text not null default 'pending' check (status in ('pending', 'running', 'done', 'superseded')),
      leads_total integer,
      leads_done integer not null default 0,
      after_lead_id bigint not null default 0,
      promoted integer not null default 0,
      requested_by bigint references users(id) on delete set null,
      requested_at timestamptz not null default now(),
      started_at timestamptz,
      finished_at timestamptz
    );
    create index scoring_rescores_open_idx on scoring_rescores(id) where status in ('pending', 'running');
  `,
  );
}
