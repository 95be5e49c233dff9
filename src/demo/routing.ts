import { sql, type Transaction } from 'kysely';
import { addDays } from '../domain/calendar/local-date.ts';
import type { Database } from '../store/schema.ts';
import type { RepProfile } from './org.ts';

/**
 * Demo routing (issue 15), so the routing pages and reports have something to show: the most skilled rep of each
 * team gets weight 2 and every rep a cap of 60 open leads, one rep is out of office for the week after `until`,
 * and three rules in priority order (the two biggest accounts named for the best rep, companies of 1,000+
 * employees for the two best reps, then each team's round robin). The demo's SQL leads are recorded as routed
 * when they became SQL (kind initial, by the team rule) so the fairness report has history. A few set-based
 * statements: nothing here depends on the demo's size beyond one insert-select.
 */
export async function seedDemoRouting(
  tx: Transaction<Database>,
  reps: readonly RepProfile[],
  until: string,
): Promise<void> {
  if (reps.length === 0) return;
  const bySkill = [...reps].sort((a, b) => b.skill - a.skill || a.userId - b.userId);
  const bestOfTeam = new Set<number>();
  const teams = [...new Set(reps.map((r) => r.teamId))].sort((a, b) => a - b);
  for (const t of teams) bestOfTeam.add(bySkill.find((r) => r.teamId === t)!.userId);
  await tx
    .insertInto('routing_reps')
    .values(
      reps.map((r) => ({ user_id: r.userId, weight: bestOfTeam.has(r.userId) ? 2 : 1, max_open_leads: 60 })),
    )
    .execute();
  const away = bySkill[bySkill.length - 1]!;
  await tx
    .insertInto('out_of_office')
    .values({
      user_id: away.userId,
      starts_on: addDays(until, 1),
      ends_on: addDays(until, 7),
      note: 'Vacation (demo)',
    })
    .execute();

  const topAccounts = await tx.selectFrom('accounts').select('id').orderBy('id').limit(2).execute();
  const rules = [
    ...(topAccounts.length > 0
      ? [
          {
            name: 'Named accounts',
            position: 1,
            account_ids: topAccounts.map((a) => a.id),
            rep_ids: [bySkill[0]!.userId],
          },
        ]
      : []),
    {
      name: 'Enterprise (1,000+ employees)',
      position: 2,
      min_company_size: 1000,
      rep_ids: bySkill.slice(0, 2).map((r) => r.userId),
    },
    ...teams.map((t, i) => ({ name: `Team ${i + 1} round robin`, position: 10 + i, team_id: t })),
  ];
  const inserted = await tx.insertInto('routing_rules').values(rules).returning(['id', 'team_id']).execute();
  const teamRule = new Map(inserted.filter((r) => r.team_id !== null).map((r) => [r.team_id!, r.id]));
  const pairs = [...teamRule].map(([t, r]) => sql`(${t}::bigint, ${r}::bigint)`);
  await sql`
    insert into lead_assignments (lead_id, user_id, rule_id, kind, reason, assigned_at)
    select l.id, l.owner_id, m.rule_id, 'initial', 'demo history: routed by the team round robin when it became SQL',
      l.sql_at
    from leads l
    join users u on u.id = l.owner_id
    join (values ${sql.join(pairs)}) as m(team_id, rule_id) on m.team_id = u.team_id
    where l.sql_at is not null`.execute(tx);
}
