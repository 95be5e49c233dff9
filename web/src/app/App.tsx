import { BrowserRouter, Navigate, Route, Routes } from 'react-router-dom';
import type { Me } from '../api/types/auth.ts';
import { useSession } from '../auth/session.tsx';
import { Loading } from '../components/state.tsx';
import { WorkspaceProvider } from '../format/workspace.tsx';
import { ExplorePage } from '../pages/explore/ExplorePage.tsx';
import { ManagerHomePage } from '../pages/manager/ManagerHomePage.tsx';
import { RepHomePage } from '../pages/rep/RepHomePage.tsx';
import { SettingsPage } from '../pages/settings/SettingsPage.tsx';
import { SignInPage } from '../pages/SignInPage.tsx';
import { Layout } from './Layout.tsx';

/** Where each role lands after signing in. */
export function homeFor(role: Me['role']): string {
  return role === 'rep' ? '/me' : '/team';
}

/** Routes by session state and role; anything unknown goes home. */
export function App() {
  const { me } = useSession();
  if (me === undefined) return <Loading />;
  if (me === null) return <SignInPage />;
  return (
    <WorkspaceProvider>
      <BrowserRouter>
        <Routes>
          <Route element={<Layout me={me} />}>
            {me.role !== 'rep' && <Route path="/team" element={<ManagerHomePage />} />}
            <Route path="/me" element={<RepHomePage />} />
            <Route path="/explore" element={<ExplorePage />} />
            {me.role === 'admin' && <Route path="/settings/*" element={<SettingsPage />} />}
            <Route path="*" element={<Navigate to={homeFor(me.role)} replace />} />
          </Route>
        </Routes>
      </BrowserRouter>
    </WorkspaceProvider>
  );
}
