import type { FastifyRequest } from 'fastify';
import type { Config } from '../../config.ts';

/** How the current request proved who it is. */
export type RequestAuth =
  | { kind: 'session'; sessionId: number; csrfToken: string }
  | { kind: 'token'; tokenId: number; scope: 'read' | 'write' };

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the viewer hook for authenticated /api requests; null on public endpoints. */
    auth: RequestAuth | null;
  }
}

/** Whether the session cookie gets the Secure flag: forced by config, or when the request came over HTTPS. */
export function cookieIsSecure(config: Config, request: FastifyRequest): boolean {
  if (config.secureCookies === 'true') return true;
  if (config.secureCookies === 'false') return false;
  // request.protocol honours X-Forwarded-Proto only when the socket's peer is a trusted proxy
  // (PACESETTER_TRUST_PROXY); otherwise it is the connection's own scheme.
  return request.protocol === 'https';
}

/**
 * The client address used for per-IP throttling: the socket's peer, or, behind trusted proxies
 * (PACESETTER_TRUST_PROXY), the address the nearest untrusted hop is known by, never a value the client wrote.
 */
export function clientIp(request: FastifyRequest): string {
  return request.ip || 'unknown';
}
