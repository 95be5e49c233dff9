import { NavLink, Navigate, Route, Routes } from 'react-router-dom';
import { t } from '../../i18n/t.ts';
import type { MessageKey } from '../../i18n/en.ts';
import { GeneralSettings } from './GeneralSettings.tsx';
import { HolidaysSettings } from './HolidaysSettings.tsx';
import { ExchangeRatesSettings } from './ExchangeRatesSettings.tsx';
import { PipelinesSettings } from './PipelinesSettings.tsx';
import { PeopleSettings } from './PeopleSettings.tsx';
import { GoalsSettings } from './GoalsSettings.tsx';
import { ImportsSettings } from './ImportsSettings.tsx';
import { LeaderboardSettings } from './LeaderboardSettings.tsx';
import { ScorecardSettings } from './ScorecardSettings.tsx';

const SECTIONS: readonly { path: string; label: MessageKey; element: React.ReactNode }[] = [
  { path: 'general', label: 'settings.general', element: <GeneralSettings /> },
  { path: 'holidays', label: 'settings.holidays', element: <HolidaysSettings /> },
  { path: 'exchange-rates', label: 'settings.rates', element: <ExchangeRatesSettings /> },
  { path: 'pipelines', label: 'settings.pipelines', element: <PipelinesSettings /> },
  { path: 'people', label: 'settings.people', element: <PeopleSettings /> },
  { path: 'goals', label: 'settings.goals', element: <GoalsSettings /> },
  { path: 'leaderboards', label: 'settings.leaderboards', element: <LeaderboardSettings /> },
  { path: 'scorecards', label: 'settings.scorecards', element: <ScorecardSettings /> },
  { path: 'imports', label: 'settings.imports', element: <ImportsSettings /> },
];

/** Admin settings: one sub-page per concern, listed in a side menu that becomes a row on a phone. */
export function SettingsPage() {
  return (
    <>
      <div className="page-head">
        <h1>{t('settings.title')}</h1>
      </div>
      <div className="settings-layout">
        <nav className="settings-nav" aria-label={t('settings.sections')}>
          <ul>
            {SECTIONS.map((s) => (
              <li key={s.path}>
                <NavLink to={`/settings/${s.path}`}>{t(s.label)}</NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="settings-body">
          <Routes>
            {SECTIONS.map((s) => (
              <Route key={s.path} path={s.path} element={s.element} />
            ))}
            <Route path="*" element={<Navigate to="general" replace />} />
          </Routes>
        </div>
      </div>
    </>
  );
}
