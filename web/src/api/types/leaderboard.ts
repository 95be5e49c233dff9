/** One line of GET /api/leaderboards: a rep's (or team's) rank, value and movement. */
export interface LeaderboardLine {
  rank: number | null;
  id: number;
  name: string;
  value: number | null;
  previousRank: number | null;
  previousValue: number | null;
  movement: number | null;
}

/** GET /api/leaderboards?metric=&period=&board=reps. */
export interface Leaderboard {
  board: 'reps' | 'teams';
  period: { key: string; start: string; end: string };
  rankedOn: string;
  better: 'higher' | 'lower';
  /** False: a metric the workspace does not publish; the board holds only the reps the viewer may see. */
  published: boolean;
  lines: LeaderboardLine[];
}

export const LEADERBOARD_FIELDS = [
  'period',
  'rankedOn',
  'published',
  'lines',
] as const satisfies readonly (keyof Leaderboard)[];

/** One badge of GET /api/users/:id/badges ({ badges }). */
export interface Badge {
  id: number;
  kind: 'goal_streak' | 'personal_best' | 'goal_met';
  metricId: string;
  goalId: number | null;
  periodKey: string;
  value: number | null;
  awardedAt: string;
}
