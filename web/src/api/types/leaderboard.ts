/** One line of GET /api/leaderboards: a rep's rank and value on one metric. */
export interface LeaderboardEntry {
  rank: number;
  userId: number;
  name: string;
  value: number | null;
  numerator?: number;
  denominator?: number;
}

/** One leaderboard (a metric over a period). */
export interface Leaderboard {
  metricId: string;
  label?: string;
  period?: string;
  entries: LeaderboardEntry[];
}

/** One badge of GET /api/users/:id/badges. */
export interface Badge {
  id: number;
  kind: 'goal_streak' | 'personal_best' | 'goal_met';
  metricId: string;
  periodKey: string;
  value: number | null;
  awardedAt: string;
}
