import { NavLink, Outlet } from 'react-router-dom';
import type { Me } from '../api/types/auth.ts';
import { useSession } from '../auth/session.tsx';
import type { Language } from '../../../src/domain/i18n/languages.ts';
import { availableLanguages, LANGUAGE_NAMES } from '../i18n/catalogues.ts';
import { useLanguage } from '../i18n/language.tsx';
import { t } from '../i18n/t.ts';
import type { MessageKey } from '../i18n/en.ts';

interface NavItem {
  to: string;
  label: MessageKey;
  roles: readonly Me['role'][];
  /** Lit only on this exact path, not on its child pages that have their own link (/coaching vs /coaching/plans). */
  end?: boolean;
}

/** Navigation by role: reps see their own day; managers their team; admins also the settings. */
export const NAV_ITEMS: readonly NavItem[] = [
  { to: '/team', label: 'nav.team', roles: ['admin', 'manager'], end: true },
  { to: '/team/integrity', label: 'nav.integrity', roles: ['admin', 'manager'] },
  { to: '/team/meeting', label: 'nav.meeting', roles: ['admin', 'manager'] },
  { to: '/me', label: 'nav.me', roles: ['rep'] },
  { to: '/log', label: 'nav.log', roles: ['admin', 'manager', 'rep'] },
  { to: '/explore', label: 'nav.explore', roles: ['admin', 'manager', 'rep'] },
  { to: '/leads', label: 'nav.leads', roles: ['admin', 'manager', 'rep'] },
  { to: '/coaching', label: 'nav.coaching', roles: ['admin', 'manager', 'rep'], end: true },
  { to: '/coaching/plans', label: 'nav.plans', roles: ['admin', 'manager', 'rep'] },
  { to: '/wins', label: 'nav.wins', roles: ['admin', 'manager', 'rep'] },
  { to: '/commissions', label: 'nav.commissions', roles: ['admin', 'manager', 'rep'] },
  { to: '/hiring', label: 'nav.hiring', roles: ['admin', 'manager'] },
  { to: '/settings', label: 'nav.settings', roles: ['admin'] },
];

/** The page frame: skip link, header with navigation and sign-out, then the routed page. */
export function Layout({ me }: { me: Me }) {
  const { signOut } = useSession();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <header className="top-bar">
        <span className="brand">{t('app.name')}</span>
        <nav aria-label={t('nav.label')}>
          <ul>
            {NAV_ITEMS.filter((item) => item.roles.includes(me.role)).map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} end={item.end}>
                  {t(item.label)}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="who">
          <span>
            <bdi>{me.name}</bdi> · {t(`role.${me.role}`)}
          </span>
          <LanguageMenu />
          <button type="button" className="link-button" onClick={() => void signOut()}>
            {t('nav.signOut')}
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}

/** The reader's language: shown only once the app has more than one. */
function LanguageMenu() {
  const { me } = useSession();
  const { choose } = useLanguage();
  const languages = availableLanguages();
  if (languages.length < 2) return null;
  return (
    <label className="language-menu">
      <span className="visually-hidden">{t('nav.language')}</span>
      <select
        value={me?.language ?? ''}
        onChange={(e) => void choose(e.target.value === '' ? null : (e.target.value as Language))}
      >
        <option value="">{t('nav.languageAuto')}</option>
        {languages.map((l) => (
          <option key={l} value={l} lang={l}>
            {LANGUAGE_NAMES[l]}
          </option>
        ))}
      </select>
    </label>
  );
}
