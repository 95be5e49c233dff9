import { NavLink } from 'react-router-dom';
import { useSession } from '../../auth/session.tsx';
import type { MessageKey } from '../../i18n/en.ts';
import { t } from '../../i18n/t.ts';

const TABS: { to: string; label: MessageKey; roles: readonly string[] }[] = [
  { to: '/commissions', label: 'commissions.tab.statements', roles: ['admin', 'manager', 'rep'] },
  { to: '/commissions/plans', label: 'commissions.tab.plans', roles: ['admin', 'manager', 'rep'] },
  { to: '/commissions/disputes', label: 'commissions.tab.disputes', roles: ['admin'] },
  { to: '/commissions/what-if', label: 'commissions.tab.whatIf', roles: ['admin', 'manager'] },
];

/** The commissions pages' own tabs; `end` keeps "Statements" from lighting up on /commissions/plans. */
export function CommissionsNav() {
  const { me } = useSession();
  return (
    <nav aria-label={t('commissions.nav')} className="commissions-tabs">
      {TABS.filter((x) => me && x.roles.includes(me.role)).map((x) => (
        <NavLink key={x.to} to={x.to} end>
          {t(x.label)}
        </NavLink>
      ))}
    </nav>
  );
}
