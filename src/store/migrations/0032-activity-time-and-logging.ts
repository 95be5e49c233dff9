import { type Kysely } from 'kysely';
import { runStatements } from './run-statements.ts';

/**
 * Issue 18, the rest of capture: what the quick log, the data-quality (integrity) view and the selling-time
 * metrics need on activities.
 *
 * - time_category: what logged time was spent on (selling, prospecting, admin, CRM updates, internal meetings,
 *   training, travel; src/domain/capture/captured-activity.ts TIME_CATEGORIES). Optional: null means "not
 *   categorised"; the selling-time metrics say how they treat it (docs/metrics.md).
 * - booked_at: when a meeting was set (meetings_booked counts meetings by this date); null for rows whose source
 *   did not say (imports without the column, history before this migration).
 * - note: the free text a rep types in the quick log (up to 2,000 characters), apart from the subject.
 * - logged_via: the path that wrote the row (quick_log, api, webhook, email, calendar, import, demo); null for
 *   rows written before this migration. The integrity view reads created_at only of rows a person typed in.
 * - activities_user_logged_idx: "how many did this rep log in these ten minutes" (bulk logging at day end).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    alter table activities add column time_category text check (time_category in
      ('selling', 'prospecting', 'admin', 'crm_updates', 'internal_meetings', 'training', 'travel'));
    alter table activities add column booked_at timestamptz;
    alter table activities add column note text check (note is null or length(note) <= 2000);
    alter table activities add column logged_via text check (logged_via in
      ('quick_log', 'api', 'webhook', 'email', 'calendar', 'import', 'demo'));
    create index activities_user_logged_idx on activities (user_id, created_at);
    `,
  );
}
