/** One user of GET /api/users ({ items }), POST /api/users and PATCH /api/users/:id. */
export interface User {
  id: number;
  externalId: string | null;
  name: string;
  email: string;
  role: 'admin' | 'manager' | 'rep';
  teamId: number | null;
  hireDate: string | null;
  rampMonths: number;
  /** Picks the rep's scorecard (docs/coaching.md); null = the default card. */
  salesRole: string | null;
  active: boolean;
  hasPassword: boolean;
}

export const USER_FIELDS = [
  'id',
  'name',
  'email',
  'role',
  'teamId',
  'salesRole',
  'active',
  'hasPassword',
] as const satisfies readonly (keyof User)[];

/** One team of GET /api/teams ({ items }), POST /api/teams and PATCH /api/teams/:id. */
export interface Team {
  id: number;
  externalId: string | null;
  name: string;
  managerId: number | null;
  parentTeamId: number | null;
  memberCount: number;
}

export const TEAM_FIELDS = [
  'id',
  'name',
  'managerId',
  'parentTeamId',
  'memberCount',
] as const satisfies readonly (keyof Team)[];
