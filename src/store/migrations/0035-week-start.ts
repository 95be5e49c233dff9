import { type Kysely } from 'kysely';
import { runStatements } from './run-statements.ts';

/**
 * Issue 19: weeks start on the workspace's first day of the week (ISO weekday, 1 = Monday ... 7 = Sunday). Null
 * means "the locale's first day", resolved when the settings are read (src/domain/calendar/week-start.ts).
 *
 * Every workspace so far had ISO Monday weeks, so one that already holds people, deals or activities keeps
 * Monday explicitly: its goals, packs and charts do not shift under its users. A workspace migrated empty (a new
 * install) stays null and follows its locale.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    alter table settings add column week_start_day smallint check (week_start_day between 1 and 7);
    update settings set week_start_day = 1
      where exists (select 1 from users) or exists (select 1 from opportunities) or exists (select 1 from activities);
    `,
  );
}
