import { lazy, Suspense } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router-dom';
import type { Me } from '../api/types/auth.ts';
import { useSession } from '../auth/session.tsx';
import { Loading } from '../components/state.tsx';
import { WorkspaceProvider } from '../format/workspace.tsx';
import { SignInPage } from '../pages/SignInPage.tsx';
import { Layout } from './Layout.tsx';

// Pages load on demand, so the sign-in page does not wait for the charting library.
const ManagerHomePage = lazy(() =>
  import('../pages/manager/ManagerHomePage.tsx').then((m) => ({ default: m.ManagerHomePage })),
);
const RepHomePage = lazy(() =>
  import('../pages/rep/RepHomePage.tsx').then((m) => ({ default: m.RepHomePage })),
);
const ExplorePage = lazy(() =>
  import('../pages/explore/ExplorePage.tsx').then((m) => ({ default: m.ExplorePage })),
);
const LeadsPage = lazy(() => import('../pages/leads/LeadsPage.tsx').then((m) => ({ default: m.LeadsPage })));
const RepCoachingPage = lazy(() =>
  import('../pages/coaching/RepCoachingPage.tsx').then((m) => ({ default: m.RepCoachingPage })),
);
const PrintPage = lazy(() => import('../pages/print/PrintPage.tsx').then((m) => ({ default: m.PrintPage })));
const MeetingPackPage = lazy(() =>
  import('../pages/meeting/MeetingPackPage.tsx').then((m) => ({ default: m.MeetingPackPage })),
);
const PlansPage = lazy(() =>
  import('../pages/coaching/PlansPage.tsx').then((m) => ({ default: m.PlansPage })),
);
const HiringPage = lazy(() =>
  import('../pages/hiring/HiringPage.tsx').then((m) => ({ default: m.HiringPage })),
);
const CoachingPage = lazy(() =>
  import('../pages/coaching/CoachingPage.tsx').then((m) => ({ default: m.CoachingPage })),
);
const SettingsPage = lazy(() =>
  import('../pages/settings/SettingsPage.tsx').then((m) => ({ default: m.SettingsPage })),
);
const CommissionsPage = lazy(() =>
  import('../pages/commissions/CommissionsPage.tsx').then((m) => ({ default: m.CommissionsPage })),
);
const StatementPage = lazy(() =>
  import('../pages/commissions/StatementPage.tsx').then((m) => ({ default: m.StatementPage })),
);
const CommissionPlansPage = lazy(() =>
  import('../pages/commissions/CommissionPlansPage.tsx').then((m) => ({ default: m.CommissionPlansPage })),
);
const DisputesPage = lazy(() =>
  import('../pages/commissions/DisputesPage.tsx').then((m) => ({ default: m.DisputesPage })),
);
const QuickLogPage = lazy(() =>
  import('../pages/capture/QuickLogPage.tsx').then((m) => ({ default: m.QuickLogPage })),
);
const WhatIfPage = lazy(() =>
  import('../pages/commissions/WhatIfPage.tsx').then((m) => ({ default: m.WhatIfPage })),
);

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
        <Suspense fallback={<Loading />}>
          <Routes>
            {/* Print views: the document alone, no navigation; the PDF route prints these. */}
            <Route path="/print/:document/:id" element={<PrintPage />} />
            <Route element={<Layout me={me} />}>
              {me.role !== 'rep' && <Route path="/team" element={<ManagerHomePage />} />}
              {me.role !== 'rep' && <Route path="/team/meeting" element={<MeetingPackPage />} />}
              <Route path="/me" element={<RepHomePage />} />
              <Route path="/log" element={<QuickLogPage />} />
              <Route path="/explore" element={<ExplorePage />} />
              <Route path="/leads" element={<LeadsPage me={me} />} />
              <Route path="/coaching/reps/:id" element={<RepCoachingPage />} />
              <Route path="/coaching/plans" element={<PlansPage />} />
              {me.role !== 'rep' && <Route path="/hiring" element={<HiringPage />} />}
              <Route path="/coaching" element={<CoachingPage me={me} />} />
              <Route path="/commissions" element={<CommissionsPage />} />
              <Route path="/commissions/statements/:id" element={<StatementPage />} />
              <Route path="/commissions/plans" element={<CommissionPlansPage />} />
              {me.role === 'admin' && <Route path="/commissions/disputes" element={<DisputesPage />} />}
              {me.role !== 'rep' && <Route path="/commissions/what-if" element={<WhatIfPage />} />}
              {me.role === 'admin' && <Route path="/settings/*" element={<SettingsPage />} />}
              <Route path="*" element={<Navigate to={homeFor(me.role)} replace />} />
            </Route>
          </Routes>
        </Suspense>
      </BrowserRouter>
    </WorkspaceProvider>
  );
}
