import { request } from './client.ts';
import type { Team, User } from './types/people.ts';

/** Accepts a bare array, `{ items: [...] }` (the API's list convention) or `{ <key>: [...] }`. */
export function listOf<T>(body: T[] | Record<string, T[] | unknown>, key = 'items'): T[] {
  if (Array.isArray(body)) return body;
  const value = Array.isArray(body.items) ? body.items : body[key];
  return Array.isArray(value) ? (value as T[]) : [];
}

/** GET /api/users: the users this viewer may see. */
export async function getUsers(signal?: AbortSignal): Promise<User[]> {
  return listOf(await request<{ items: User[] }>('GET', '/api/users', { signal }), 'users');
}

/** GET /api/teams. */
export async function getTeams(signal?: AbortSignal): Promise<Team[]> {
  return listOf(await request<{ items: Team[] }>('GET', '/api/teams', { signal }), 'teams');
}

/** GET /api/users/:id: one user visible to the viewer (404 otherwise). */
export async function getUser(id: number, signal?: AbortSignal): Promise<User> {
  return request<User>('GET', `/api/users/${id}`, { signal });
}
