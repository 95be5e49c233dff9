/** One user of GET /api/users. */
export interface User {
  id: number;
  name: string;
  email: string;
  role: 'admin' | 'manager' | 'rep';
  teamId: number | null;
  active: boolean;
}

/** One team of GET /api/teams. */
export interface Team {
  id: number;
  name: string;
  managerId: number | null;
  parentTeamId: number | null;
}
