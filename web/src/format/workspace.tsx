import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { request } from '../api/client.ts';
import type { Settings } from '../api/types/settings.ts';
import { useApi } from '../api/use-api.ts';
import { makeFormatters, type Formatters } from './formatters.ts';

/** Workspace settings plus formatters built from them; defaults apply until /api/settings answers. */
export interface Workspace {
  settings: Settings | null;
  fmt: Formatters;
  reload: () => void;
}

const WorkspaceContext = createContext<Workspace | null>(null);

/** Loads /api/settings once per sign-in and makes the locale/currency formatters available. */
export function WorkspaceProvider({ children }: { children: ReactNode }) {
  const { data, reload } = useApi((signal) => request<Settings>('GET', '/api/settings', { signal }), []);
  const value = useMemo<Workspace>(
    () => ({
      settings: data,
      fmt: makeFormatters(data?.locale ?? 'en-US', data?.currency ?? 'USD', data?.timeZone ?? 'UTC'),
      reload,
    }),
    [data, reload],
  );
  return <WorkspaceContext.Provider value={value}>{children}</WorkspaceContext.Provider>;
}

/** Settings and formatters; only valid inside WorkspaceProvider. */
export function useWorkspace(): Workspace {
  const workspace = useContext(WorkspaceContext);
  if (!workspace) throw new Error('useWorkspace outside WorkspaceProvider');
  return workspace;
}
