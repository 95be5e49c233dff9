import type { Language } from '../../../../src/domain/i18n/languages.ts';
/** The signed-in user as /api/auth/me and /api/auth/login describe it. */
export interface Me {
  id: number;
  name: string;
  email: string;
  role: 'admin' | 'manager' | 'rep';
  teamId: number | null;
  /** The language the user chose; null = the browser's (issue 19). */
  language: Language | null;
}

/** Body of /api/auth/me and /api/auth/login: the user plus the session's CSRF token. */
export interface SessionInfo {
  user: Me;
  csrfToken?: string;
}
