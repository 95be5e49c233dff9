/** How long a session lives, however active: after this the user signs in again. */
export const SESSION_ABSOLUTE_MS = 7 * 24 * 60 * 60 * 1000;
/** A session unused for this long expires (a forgotten browser on a shared machine). */
export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;
/** last_seen_at / last_used_at are written at most this often, so reads do not become writes on every request. */
export const TOUCH_EVERY_MS = 60 * 1000;
/** Name of the session cookie. */
export const SESSION_COOKIE = 'pacesetter_session';
/** Header that must echo the session's CSRF token on state-changing requests. */
export const CSRF_HEADER = 'x-csrf-token';

/** True when a last-seen / last-used stamp is old enough to be rewritten. */
export function needsTouch(last: Date | null, now: Date): boolean {
  return last === null || now.getTime() - last.getTime() >= TOUCH_EVERY_MS;
}
