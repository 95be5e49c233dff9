import { useState } from 'react';
import { getTeams } from '../../api/people.ts';
import { useApi } from '../../api/use-api.ts';
import { useSession } from '../../auth/session.tsx';
import { WeekDates } from '../../components/WeekDates.tsx';
import { t } from '../../i18n/t.ts';
import { MeetingPackSections } from './MeetingPackSections.tsx';

/** The print view's path (and the PDF's) for the pack on screen: the resolved team, and the period if one was picked. */
export function packPrintPath(id: number | 'company', period: string | undefined): string {
  return `/print/meeting-pack/${id}${period ? `?period=${encodeURIComponent(period)}` : ''}`;
}

/**
 * /team/meeting: the sales meeting pack for managers (the teams they manage) and admins (any team or the
 * company), for the last complete week by default or a picked week or month, with its print view and PDF.
 */
export function MeetingPackPage() {
  const { me } = useSession();
  const admin = me?.role === 'admin';
  const [team, setTeam] = useState<number | 'company' | undefined>(undefined);
  const [period, setPeriod] = useState<string | undefined>(undefined);
  const teams = useApi(
    async (signal) => {
      const all = await getTeams(signal);
      if (admin) return all;
      // A manager's teams: those they manage and every team below them.
      const mine = new Set(all.filter((x) => x.managerId === me?.id).map((x) => x.id));
      let grew = true;
      while (grew) {
        grew = false;
        for (const x of all) {
          if (x.parentTeamId !== null && mine.has(x.parentTeamId) && !mine.has(x.id)) {
            mine.add(x.id);
            grew = true;
          }
        }
      }
      return all.filter((x) => mine.has(x.id));
    },
    [admin, me?.id],
  );
  return (
    <div className="meeting-page">
      <form className="page-actions" onSubmit={(e) => e.preventDefault()}>
        <label className="inline-field">
          {t('meeting.team')}{' '}
          <select
            data-testid="meeting-team"
            value={team === undefined ? '' : String(team)}
            onChange={(e) =>
              setTeam(
                e.target.value === ''
                  ? undefined
                  : e.target.value === 'company'
                    ? 'company'
                    : Number(e.target.value),
              )
            }
          >
            <option value="">{admin ? t('meeting.company') : '–'}</option>
            {admin && <option value="company">{t('meeting.company')}</option>}
            {(teams.data ?? []).map((x) => (
              <option key={x.id} value={x.id}>
                {x.name}
              </option>
            ))}
          </select>
        </label>
        <label className="inline-field">
          {t('meeting.period')}{' '}
          <input
            type="week"
            aria-label={t('meeting.period')}
            data-testid="meeting-week"
            value={period?.includes('W') ? period : ''}
            onChange={(e) => setPeriod(e.target.value || undefined)}
          />
          <WeekDates weekKey={period} testId="meeting-week-dates" />
          <input
            type="month"
            aria-label={t('meeting.period')}
            data-testid="meeting-month"
            value={period && !period.includes('W') ? period : ''}
            onChange={(e) => setPeriod(e.target.value || undefined)}
          />
          <button type="button" className="link-button" onClick={() => setPeriod(undefined)}>
            {t('meeting.lastWeek')}
          </button>
        </label>
      </form>
      <MeetingPackSections
        team={team}
        period={period}
        actions={(pack) => {
          const id = pack.subject.id ?? 'company';
          return (
            <p className="page-actions">
              <a href={packPrintPath(id, period)} data-testid="meeting-print">
                {t('meeting.print')}
              </a>
              <a
                href={`/api/print/meeting-pack/${id}/pdf${period ? `?period=${encodeURIComponent(period)}` : ''}`}
                download
              >
                {t('meeting.pdf')}
              </a>
            </p>
          );
        }}
      />
    </div>
  );
}
