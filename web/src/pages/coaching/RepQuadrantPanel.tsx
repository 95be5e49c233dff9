import { useApi } from '../../api/use-api.ts';
import { Panel } from '../../components/panel.tsx';
import { Async } from '../../components/state.tsx';
import { useWorkspace } from '../../format/workspace.tsx';
import { t } from '../../i18n/t.ts';
import { getQuadrants } from './coaching-api.ts';
import { quadrantLabel } from './quadrant-label.ts';

/**
 * One rep's quadrant (GET /api/coaching/quadrants?userId=): the group now, level and trend, and the group at the
 * end of each earlier window. For the rep page and the one-to-one pack.
 */
export function RepQuadrantPanel({ repId }: { repId: number }) {
  const { fmt } = useWorkspace();
  const state = useApi((signal) => getQuadrants(repId, signal), [repId]);
  return (
    <Panel title={t('coaching.quadrants')} testId="rep-quadrant">
      <Async state={state} isEmpty={(q) => q.reps.length === 0} emptyMessage={t('coaching.noReps')}>
        {(q) => {
          const rep = q.reps[0]!;
          return (
            <>
              <ul className="kpi-grid">
                <li className="kpi">
                  <span className="kpi-label">{t('coaching.quadrantNow')}</span>
                  <span className="kpi-value" data-testid="rep-quadrant-now">
                    {quadrantLabel(rep.quadrant)}
                  </span>
                </li>
                <li className="kpi">
                  <span className="kpi-label">{t('coaching.level')}</span>
                  <span className="kpi-value">{fmt.number(rep.levelPercentile, 1)}</span>
                </li>
                <li className="kpi">
                  <span className="kpi-label">{t('coaching.trend')}</span>
                  <span className="kpi-value">{fmt.number(rep.slope, 2)}</span>
                </li>
              </ul>
              <h3>{t('coaching.history')}</h3>
              <ol>
                {rep.history.map((h) => (
                  <li key={h.period}>
                    {h.period}: {quadrantLabel(h.quadrant)}
                  </li>
                ))}
              </ol>
            </>
          );
        }}
      </Async>
    </Panel>
  );
}
