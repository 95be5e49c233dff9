import { sql, type Kysely } from 'kysely';

/**
 * Lead quality received, for the routing fairness report (issue 15): each assignment keeps the lead's score at the
 * moment it was assigned (lead_scores.score then; null for a lead never scored), so "average score of the leads a
 * rep received" does not drift as scores change later. A BEFORE INSERT trigger fills it on every write path
 * (routing runs, manual assignment, the demo) unless the writer set it.
 *
 * lead_assignments is read by the metrics engine (leads_assigned, assigned_lead_score_mean), so writes to it bump
 * metrics_data_version like every other table the engine reads (0023): a stored metrics answer must not outlive
 * an assignment.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // One statement per call: the function body holds semicolons that a split script would cut.
  const statements = [
    `alter table lead_assignments add column lead_score integer`,
    `create function lead_assignments_score() returns trigger language plpgsql as $$
    begin
      if new.lead_score is null then
        select s.score into new.lead_score from lead_scores s where s.lead_id = new.lead_id;
      end if;
      return new;
    end $$`,
    `create trigger lead_assignments_score before insert on lead_assignments
      for each row execute function lead_assignments_score()`,
    `create trigger metrics_data_version_bump
      after insert or update or delete or truncate on lead_assignments
      for each statement execute function metrics_data_version_bump()`,
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}
