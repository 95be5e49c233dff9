import { getTeams, getUser } from '../../api/people.ts';
import { useApi } from '../../api/use-api.ts';
import { Async } from '../../components/state.tsx';
import { useWorkspace } from '../../format/workspace.tsx';
import { t } from '../../i18n/t.ts';
import { todayIn } from '../../period/ranges.ts';
import { PacingPanel } from '../manager/PacingPanel.tsx';
import { RepQuadrantPanel } from './RepQuadrantPanel.tsx';
import { RepScorecardPanel } from './RepScorecardPanel.tsx';
import { FunnelDiagnosisPanel } from './FunnelDiagnosisPanel.tsx';
import { RepPlansPanel } from './PlanRepPanel.tsx';
import { PipelineChangesPanel } from './PipelineChangesPanel.tsx';

/**
 * The one-to-one pack for one rep: the same sections on screen (/coaching/reps/:id) and in the print view
 * (/print/one-to-one/:id), which is also what the PDF is printed from. Every section reads the API as the
 * viewer, so the pack never shows more than the viewer may see.
 */
export function OneToOneSections({ repId }: { repId: number }) {
  const { settings, fmt } = useWorkspace();
  const state = useApi(
    async (signal) => {
      const [user, teams] = await Promise.all([getUser(repId, signal), getTeams(signal)]);
      return { user, team: teams.find((x) => x.id === user.teamId) ?? null };
    },
    [repId],
  );
  const today = todayIn(settings?.timeZone ?? 'UTC');
  return (
    <Async state={state}>
      {({ user, team }) => (
        <article className="one-to-one" data-rep={user.id}>
          <header className="one-to-one-head">
            <h1>{t('oneToOne.title', { name: user.name })}</h1>
            <p className="muted">
              <span>
                {t('oneToOne.subtitle', { date: fmt.date(today), team: team?.name ?? t('oneToOne.noTeam') })}
              </span>
              {user.hireDate && (
                <span className="one-to-one-hired">
                  {t('oneToOne.hired', { date: fmt.date(user.hireDate), months: user.rampMonths })}
                </span>
              )}
            </p>
          </header>
          <div className="one-to-one-grid">
            <RepScorecardPanel repId={user.id} />
            <RepQuadrantPanel repId={user.id} />
            <PacingPanel title={t('oneToOne.goals')} user={user.id} testId="one-to-one-goals" />
            <FunnelDiagnosisPanel repId={user.id} />
            <PipelineChangesPanel repId={user.id} />
            <RepPlansPanel repId={user.id} />
          </div>
        </article>
      )}
    </Async>
  );
}
