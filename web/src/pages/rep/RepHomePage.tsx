import { useSession } from '../../auth/session.tsx';
import { useWorkspace } from '../../format/workspace.tsx';
import { t } from '../../i18n/t.ts';
import { periodKeyFor } from '../../period/ranges.ts';
import { useRange } from '../../period/use-range.ts';
import { KpiPanel } from '../manager/KpiPanel.tsx';
import { PacingPanel } from '../manager/PacingPanel.tsx';
import { CadencePanel } from './CadencePanel.tsx';
import { CommissionEstimatePanel } from './CommissionEstimatePanel.tsx';
import { ForecastCallsPanel } from './ForecastCallsPanel.tsx';
import { LeadsNowPanel } from './LeadsNowPanel.tsx';
import { RankBadgesPanel } from './RankBadgesPanel.tsx';

/** The rep's own activity numbers this month. */
export const REP_KPIS = [
  'calls',
  'emails',
  'new_prospects',
  'follow_ups',
  'meetings_held',
  'won_revenue',
] as const;

/** The rep's home: goals and pacing for today/week/month, leads to contact now, cadence gaps, rank and badges, forecast calls. */
export function RepHomePage() {
  const { me } = useSession();
  const { fmt } = useWorkspace();
  const { periodKey, today } = useRange('month');
  if (!me) return null;
  return (
    <>
      <div className="page-head">
        <div>
          <h1>{t('rep.title')}</h1>
          <span className="range-text">{t('rep.greeting', { name: me.name, date: fmt.date(today) })}</span>
        </div>
      </div>
      <div className="dashboard">
        <PacingPanel title={t('rep.today')} grain="day" user="me" testId="pacing-day" />
        <PacingPanel title={t('rep.week')} grain="week" user="me" testId="pacing-week" />
        <PacingPanel title={t('rep.month')} grain="month" user="me" testId="pacing-month" />
        <LeadsNowPanel owner={me.id} title={t('leads.title')} testId="leads-now" />
        <CadencePanel />
        <RankBadgesPanel userId={me.id} periodKey={periodKey} />
        <KpiPanel periodKey={periodKey} metricIds={REP_KPIS} userIds={[me.id]} title={t('rep.kpis')} />
        <ForecastCallsPanel userId={me.id} periodKey={periodKeyFor('quarter', today)} />
        <CommissionEstimatePanel userId={me.id} />
      </div>
    </>
  );
}
