import type { FastifyRequest } from 'fastify';
import type { Role, Viewer } from '../../domain/access/viewer.ts';
import { AppError } from '../../errors.ts';

const RANK: Record<Role, number> = { rep: 1, manager: 2, admin: 3 };

/**
 * Throws forbidden unless the viewer has at least `role` (admin > manager > rep); returns the viewer.
 * `requireRole(request, 'manager')` admits managers and admins.
 */
export function requireRole(request: FastifyRequest, role: Role): Viewer {
  const viewer = request.viewer;
  if (!viewer) throw new AppError('unauthenticated', 'Sign in first');
  if (RANK[viewer.role] < RANK[role]) {
    throw new AppError('forbidden', 'You do not have permission to do this');
  }
  return viewer;
}

/**
 * Throws forbidden when the caller may not change data: a read-scoped API token. (The viewer hook already
 * rejects non-GET requests from read tokens; handlers call this as well so the rule sits beside the write.)
 */
export function requireWrite(request: FastifyRequest): Viewer {
  const viewer = request.viewer;
  if (!viewer) throw new AppError('unauthenticated', 'Sign in first');
  if (viewer.tokenScope === 'read') {
    throw new AppError('forbidden', 'This API token is read-only');
  }
  return viewer;
}
