import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError, request, setCsrfToken, setUnauthenticatedHandler } from '../api/client.ts';
import type { Me, SessionInfo } from '../api/types/auth.ts';

/** What every page can ask about the session. */
export interface Session {
  /** undefined while /api/auth/me is in flight, null when signed out. */
  me: Me | null | undefined;
  signIn: (email: string, password: string) => Promise<void>;
  signOut: () => Promise<void>;
  /** Reads the signed-in user again (after they change their own settings, such as their language). */
  refresh: () => Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

/** Some auth responses nest the user under `user`, others are the user itself; accept both. */
function readSession(body: SessionInfo | (Me & { csrfToken?: string })): Me {
  const info = body as SessionInfo & Me;
  setCsrfToken(info.csrfToken ?? null);
  return info.user ?? info;
}

/** Loads the current user once, exposes sign-in/out, and drops to signed-out on any 401. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  useEffect(() => {
    setUnauthenticatedHandler(() => setMe(null));
    request<SessionInfo>('GET', '/api/auth/me').then(
      (body) => setMe(readSession(body)),
      (err: unknown) => {
        if (!(err instanceof ApiError && err.status === 401)) console.error(err);
        setMe(null);
      },
    );
  }, []);
  const signIn = useCallback(async (email: string, password: string) => {
    const body = await request<SessionInfo>('POST', '/api/auth/login', { body: { email, password } });
    setMe(readSession(body));
  }, []);
  const signOut = useCallback(async () => {
    try {
      await request('POST', '/api/auth/logout', { body: {} });
    } finally {
      setCsrfToken(null);
      setMe(null);
    }
  }, []);
  const refresh = useCallback(async () => {
    setMe(readSession(await request<SessionInfo>('GET', '/api/auth/me')));
  }, []);
  const value = useMemo(() => ({ me, signIn, signOut, refresh }), [me, signIn, signOut, refresh]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** The session; only valid inside SessionProvider. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}
