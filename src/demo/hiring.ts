import type { Transaction } from 'kysely';
import { addDays, daysBetween } from '../domain/calendar/local-date.ts';
import { seededRandom } from '../domain/random/seeded-random.ts';
import type { Database } from '../store/schema.ts';
import { sameDayMonthsLater } from './dates.ts';
import type { RepProfile } from './org.ts';

/** The brief's average annual sales rep turnover; the demo's former reps leave at about this rate. */
const ANNUAL_TURNOVER = 0.27;

const CRITERIA = [
  { name: 'Role fit', kind: 'role_fit', weight: 0.3 },
  { name: 'Proven past achievement', kind: 'past_achievement', weight: 0.3 },
  { name: 'Acumen', kind: 'acumen', weight: 0.2 },
  { name: 'Culture fit', kind: 'culture_fit', weight: 0.2 },
] as const;
/** How closely each criterion's score follows the rep's built-in skill (the rest is interviewer noise). */
const SKILL_LOADING = [0.6, 0.9, 0.5, 0.1] as const;

type Tx = Transaction<Database>;

/**
 * Demo hiring and turnover (issue 16, docs/coaching.md), written after the simulation with a few plain inserts so
 * the demo's cost stays tiny and the simulated data are unchanged:
 *
 * - Former reps: the simulated reps all stay (marking one as a leaver would need the simulation to stop their
 *   activity at the leave date), so leavers are extra rep users who left during the window, at about 27% a year
 *   of the rep count (3 for the default 12 reps over 12 months). They were hired 3 to 30 months before the window,
 *   are inactive and have no activity or deals, so every other demo number is as before.
 * - Scorecards: each team has a closed "Account Executive" opening whose candidates are the reps whose first year
 *   overlaps the window (so their first-year results are in the data) and the former reps, hired and linked to
 *   their users, plus one rejected candidate. Two interviewers (the team's manager and the director) scored each
 *   on four criteria; the scores follow the rep's built-in skill (past achievement most, culture fit least) plus
 *   noise, and former reps were weaker hires.
 * - One open opening for the first team with three candidates scored by the same two interviewers.
 */
export async function seedDemoHiring(
  tx: Tx,
  reps: readonly RepProfile[],
  o: { start: string; until: string; seed: number; passwordHash: string },
): Promise<void> {
  if (reps.length === 0) return;
  const rnd = seededRandom(o.seed ^ 0x4a17);
  const teamIds = [...new Set(reps.map((r) => r.teamId))].sort((a, b) => a - b);
  const teams = await tx.selectFrom('teams').select(['id', 'manager_id', 'parent_team_id']).execute();
  const managerOf = new Map(
    teams.map((t) => [Number(t.id), t.manager_id === null ? null : Number(t.manager_id)]),
  );
  const rootTeam = teams.find((t) => t.parent_team_id === null);
  const directorId = rootTeam?.manager_id == null ? null : Number(rootTeam.manager_id);

  const windowDays = daysBetween(o.start, o.until) + 1;
  const leaverCount = Math.max(1, Math.round((ANNUAL_TURNOVER * reps.length * windowDays) / 365));
  const hires: Array<{ userId: number; teamId: number; skill: number; hireDate: string }> = [];
  const yearBeforeStart = sameDayMonthsLater(o.start, -12);
  for (const r of reps) {
    if (r.hireDate > yearBeforeStart)
      hires.push({ userId: r.userId, teamId: r.teamId, skill: r.skill, hireDate: r.hireDate });
  }
  const leavers = Array.from({ length: leaverCount }, (_, i) => {
    const teamId = teamIds[i % teamIds.length]!;
    const hireDate = sameDayMonthsLater(o.start, -rnd.int(3, 30));
    const leftOn = addDays(o.start, Math.floor(windowDays * (0.1 + 0.8 * rnd.next())));
    return {
      name: `Former Rep ${i + 1}`,
      email: `former-rep${i + 1}@demo.pacesetter.test`,
      role: 'rep' as const,
      team_id: teamId,
      hire_date: hireDate,
      ramp_months: 3,
      active: false,
      left_on: leftOn,
      leave_reason: rnd.chance(0.5) ? 'Resigned' : 'Performance',
      password_hash: o.passwordHash,
      created_at: new Date(`${hireDate}T14:00:00Z`),
    };
  });
  const leaverIds = await tx
    .insertInto('users')
    .values(leavers)
    .returning(['id', 'team_id', 'hire_date'])
    .execute();
  for (const l of leaverIds)
    hires.push({
      userId: Number(l.id),
      teamId: Number(l.team_id),
      skill: 0.1 + 0.35 * rnd.next(),
      hireDate: l.hire_date!,
    });

  const scoreFor = (skill: number, c: number) => {
    const loading = SKILL_LOADING[c]!;
    const base = loading * (1.5 + 3.5 * skill) + (1 - loading) * (1.5 + 3.5 * rnd.next());
    return Math.min(5, Math.max(1, Math.round(base + 0.6 * rnd.normal())));
  };
  const names = await tx
    .selectFrom('users')
    .select(['id', 'name', 'email'])
    .where('id', 'in', hires.length ? hires.map((h) => h.userId) : [-1])
    .execute();
  const nameOf = new Map(names.map((n) => [Number(n.id), n]));

  async function opening(teamId: number, status: 'open' | 'closed', name: string) {
    const ownerId = managerOf.get(teamId) ?? null;
    const row = await tx
      .insertInto('hiring_openings')
      .values({ name, team_id: teamId, owner_id: ownerId, status })
      .returning('id')
      .executeTakeFirstOrThrow();
    const criteria = await tx
      .insertInto('hiring_criteria')
      .values(
        CRITERIA.map((c, i) => ({
          opening_id: row.id,
          name: c.name,
          kind: c.kind,
          weight: c.weight,
          position: i + 1,
        })),
      )
      .returning('id')
      .execute();
    return {
      id: Number(row.id),
      criteria: criteria.map((c) => Number(c.id)),
      interviewers: [ownerId, directorId],
    };
  }
  const scores: Array<{ candidate_id: number; criterion_id: number; interviewer_id: number; score: number }> =
    [];
  async function candidate(
    o2: { id: number; criteria: number[]; interviewers: Array<number | null> },
    c: {
      name: string;
      email: string;
      status: 'hired' | 'rejected' | 'applied' | 'interviewing';
      userId: number | null;
    },
    skill: number,
    at: string,
  ) {
    const row = await tx
      .insertInto('hiring_candidates')
      .values({
        opening_id: o2.id,
        name: c.name,
        email: c.email,
        status: c.status,
        hired_user_id: c.userId,
        created_at: new Date(`${at}T14:00:00Z`),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const interviewer of o2.interviewers) {
      if (interviewer === null) continue;
      o2.criteria.forEach((criterionId, i) =>
        scores.push({
          candidate_id: Number(row.id),
          criterion_id: criterionId,
          interviewer_id: interviewer,
          score: scoreFor(skill, i),
        }),
      );
    }
  }

  for (const teamId of teamIds) {
    const teamHires = hires.filter((h) => h.teamId === teamId);
    if (teamHires.length === 0) continue;
    const past = await opening(teamId, 'closed', 'Account Executive (past hires)');
    for (const h of teamHires) {
      const u = nameOf.get(h.userId)!;
      await candidate(
        past,
        { name: u.name, email: u.email, status: 'hired', userId: h.userId },
        h.skill,
        addDays(h.hireDate, -30),
      );
    }
    await candidate(
      past,
      {
        name: `Declined Candidate ${teamId}`,
        email: `declined${teamId}@candidates.example`,
        status: 'rejected',
        userId: null,
      },
      0.1,
      addDays(teamHires[0]!.hireDate, -30),
    );
  }
  const open = await opening(teamIds[0]!, 'open', 'Account Executive');
  const applicants = [
    { name: 'Jordan Avery', skill: 0.8 },
    { name: 'Morgan Lee', skill: 0.55 },
    { name: 'Riley Chen', skill: 0.3 },
  ];
  for (const [i, a] of applicants.entries()) {
    await candidate(
      open,
      { name: a.name, email: `applicant${i + 1}@candidates.example`, status: 'interviewing', userId: null },
      a.skill,
      addDays(o.until, -14 + i),
    );
  }
  if (scores.length > 0) await tx.insertInto('hiring_scores').values(scores).execute();
}
