/** The signed-in user as /api/auth/me and /api/auth/login describe it. */
export interface Me {
  id: number;
  name: string;
  email: string;
  role: 'admin' | 'manager' | 'rep';
  teamId: number | null;
}

/** Body of /api/auth/me and /api/auth/login: the user plus the session's CSRF token. */
export interface SessionInfo {
  user: Me;
  csrfToken?: string;
}
