import { RangePicker } from '../../components/RangePicker.tsx';
import { useWorkspace } from '../../format/workspace.tsx';
import { t } from '../../i18n/t.ts';
import { periodKeyFor } from '../../period/ranges.ts';
import { useRange } from '../../period/use-range.ts';
import { ForecastPanel } from './ForecastPanel.tsx';
import { FunnelPanel } from './FunnelPanel.tsx';
import { KpiPanel } from './KpiPanel.tsx';
import { LeaderboardPanel } from './LeaderboardPanel.tsx';
import { PacingPanel } from './PacingPanel.tsx';
import { PipelineReviewPanel } from './PipelineReviewPanel.tsx';
import { LeadsNowPanel } from '../rep/LeadsNowPanel.tsx';
import { PipelineChangesPanel } from '../coaching/PipelineChangesPanel.tsx';
import { useSession } from '../../auth/session.tsx';

/** The manager's home: team KPIs, pacing, SLA breaches, leaderboard, funnel, forecast and pipeline review. */
export function ManagerHomePage() {
  const { fmt } = useWorkspace();
  const { choice, setChoice, range, periodKey, today } = useRange('month');
  const { me } = useSession();
  return (
    <>
      <div className="page-head">
        <div>
          <h1>{t('manager.title')}</h1>
          <span className="range-text">
            {t('period.range', { from: fmt.date(range.from), to: fmt.date(range.to) })}
          </span>
        </div>
        <RangePicker value={choice} onChange={setChoice} />
      </div>
      <div className="dashboard">
        <KpiPanel periodKey={periodKey} />
        <PacingPanel title={t('manager.pacing')} testId="pacing" />
        <LeadsNowPanel breachedOnly title={t('sla.title')} testId="sla-breaches" />
        <LeaderboardPanel periodKey={periodKey} />
        <FunnelPanel periodKey={periodKey} />
        <ForecastPanel periodKey={periodKeyFor('quarter', today)} />
        <PipelineReviewPanel />
        {/* The viewer's team; an admin without a team sees everyone. */}
        <PipelineChangesPanel teamId={me?.teamId ?? undefined} />
      </div>
    </>
  );
}
