import type { Random } from '../domain/random/seeded-random.ts';
import type { DemoDataset } from './dataset.ts';
import { addDays, daysBetween } from '../domain/calendar/local-date.ts';
import { sameDayMonthsLater } from './dates.ts';
import { DEMO_LOGINS } from './options.ts';
import { orgNames, personName } from './names.ts';

/** Direction of a rep's results over the demo period (for the rising/falling star quadrants). */
export type Trend = 'improving' | 'declining' | 'steady';

/** How one simulated rep behaves; every rate in the simulation is scaled by these. */
export interface RepProfile {
  userId: number;
  teamId: number;
  hireDate: string;
  rampMonths: number;
  /** 0..1: drives win rate, meeting booking, follow-up discipline. */
  skill: number;
  /** Activity volume multiplier around 1. */
  volume: number;
  /** 0..1: how fast the rep answers new leads. */
  responsiveness: number;
  trend: Trend;
  /** Rep forecast amount / real amount on open deals. */
  optimism: number;
  /** Follow-up touches after a held meeting (the brief: 80% of sales need 5+). */
  followUpsAfterMeeting: number;
  /** Attempts before a rep gives up on a cold prospect. */
  maxAttempts: number;
}

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}

function user(
  ds: DemoDataset,
  row: {
    name: string;
    email: string;
    role: 'admin' | 'manager' | 'rep';
    teamId: number | null;
    hireDate: string;
  },
  passwordHash: string,
): number {
  const id = ds.users.length + 1;
  ds.users.push({
    id,
    name: row.name,
    email: row.email,
    role: row.role,
    team_id: row.teamId,
    hire_date: row.hireDate,
    ramp_months: 3,
    active: true,
    password_hash: passwordHash,
    created_at: new Date(`${row.hireDate}T14:00:00Z`),
  });
  return id;
}

/**
 * Creates the sales organisation: a director's root team with 2-3 sub-teams (each with a manager), the reps spread
 * over them, and one admin. Teams are written with manager ids set; the loader inserts them before wiring managers.
 */
export function buildOrg(
  rnd: Random,
  ds: DemoDataset,
  o: { reps: number; start: string; until: string; passwordHash: string },
): RepProfile[] {
  const teamCount = o.reps >= 9 ? 3 : 2;
  const names = orgNames();
  const longAgo = (minMonths: number, maxMonths: number) =>
    sameDayMonthsLater(o.start, -rnd.int(minMonths, maxMonths));
  user(
    ds,
    { name: names.admin, email: DEMO_LOGINS.admin, role: 'admin', teamId: null, hireDate: longAgo(30, 40) },
    o.passwordHash,
  );
  ds.teams.push({ id: 1, name: names.rootTeam, manager_id: null, parent_team_id: null });
  const directorId = user(
    ds,
    {
      name: names.director,
      email: 'director@demo.pacesetter.test',
      role: 'manager',
      teamId: 1,
      hireDate: longAgo(36, 60),
    },
    o.passwordHash,
  );
  ds.teams[0]!.manager_id = directorId;
  for (let t = 0; t < teamCount; t += 1) {
    const teamId = t + 2;
    ds.teams.push({ id: teamId, name: names.teams[t] as string, manager_id: null, parent_team_id: 1 });
    const email = t === 0 ? DEMO_LOGINS.manager : `manager${t + 1}@demo.pacesetter.test`;
    const managerId = user(
      ds,
      { name: personName(rnd), email, role: 'manager', teamId, hireDate: longAgo(18, 48) },
      o.passwordHash,
    );
    ds.teams[teamId - 1]!.manager_id = managerId;
  }
  const totalDays = daysBetween(o.start, o.until);
  const trends: Trend[] = ['improving', 'declining', 'steady'];
  const reps: RepProfile[] = [];
  for (let i = 0; i < o.reps; i += 1) {
    const teamId = 2 + (i % teamCount);
    // Every fifth rep joined during the period, so ramping shows up.
    const isNewHire = i % 5 === 4;
    const hireDate = isNewHire
      ? addDays(o.start, Math.floor(totalDays * (0.3 + 0.35 * rnd.next())))
      : longAgo(6, 48);
    const email = i === 0 ? DEMO_LOGINS.rep : `rep${i + 1}@demo.pacesetter.test`;
    const userId = user(ds, { name: personName(rnd), email, role: 'rep', teamId, hireDate }, o.passwordHash);
    // Golden-ratio spacing spreads skill evenly over the team whatever the rep count; the demo rep is a good one.
    const skill = i === 0 ? 0.72 : clamp(0.12 + 0.8 * ((i * 0.618034) % 1) + 0.05 * rnd.normal(), 0.05, 0.95);
    reps.push({
      userId,
      teamId,
      hireDate,
      rampMonths: 3,
      skill,
      volume: 0.85 + 0.3 * rnd.next(),
      responsiveness: clamp(0.5 * skill + 0.5 * rnd.next(), 0, 1),
      trend: trends[i % 3] as Trend,
      optimism: 0.9 + 0.35 * rnd.next(),
      followUpsAfterMeeting: 1 + Math.round(7 * skill),
      maxAttempts: 2 + Math.round(6 * skill),
    });
  }
  return reps;
}
