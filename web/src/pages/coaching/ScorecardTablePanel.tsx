import { Link } from 'react-router-dom';
import type { RepScorecard, ScorecardReport } from '../../api/types/coaching.ts';
import type { ApiState } from '../../api/use-api.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { Panel } from '../../components/panel.tsx';
import { Async } from '../../components/state.tsx';
import { useWorkspace } from '../../format/workspace.tsx';
import { t } from '../../i18n/t.ts';

/** Activity and results score of every rep the viewer may see (a rep: their own row), each linked to the rep page. */
export function ScorecardTablePanel({ state }: { state: ApiState<ScorecardReport> }) {
  const { fmt } = useWorkspace();
  return (
    <Panel title={t('coaching.scorecard')} wide testId="coaching-scorecard">
      <Async state={state} isEmpty={(r) => r.reps.length === 0} emptyMessage={t('coaching.noReps')}>
        {(r) => (
          <>
            <p className="muted">{t('coaching.scorecardHelp')}</p>
            <DataTable<RepScorecard>
              caption={t('coaching.scorecard')}
              testId="coaching-scorecard-table"
              rows={r.reps}
              rowKey={(rep) => rep.userId}
              columns={[
                {
                  key: 'rep',
                  header: t('coaching.rep'),
                  cell: (rep) => <Link to={`/coaching/reps/${rep.userId}`}>{rep.name}</Link>,
                },
                { key: 'role', header: t('coaching.salesRole'), cell: (rep) => rep.salesRole ?? '' },
                {
                  key: 'activity',
                  header: t('coaching.activityScore'),
                  numeric: true,
                  cell: (rep) => fmt.number(rep.buckets[0]?.activityScore, 1),
                },
                {
                  key: 'results',
                  header: t('coaching.resultsScore'),
                  numeric: true,
                  cell: (rep) => fmt.number(rep.buckets[0]?.resultsScore, 1),
                },
                {
                  key: 'ramp',
                  header: t('coaching.ramp'),
                  numeric: true,
                  cell: (rep) => {
                    const ramp = rep.buckets[0]?.ramp ?? 1;
                    return ramp >= 1 ? t('coaching.fullyRamped') : fmt.percent(ramp);
                  },
                },
              ]}
            />
          </>
        )}
      </Async>
    </Panel>
  );
}
