import { request } from '../../api/client.ts';
import { getMetricDefinitions } from '../../api/metrics.ts';
import type { Badge, Leaderboard } from '../../api/types/leaderboard.ts';
import { useApi } from '../../api/use-api.ts';
import { Panel } from '../../components/panel.tsx';
import { Async } from '../../components/state.tsx';
import { formatMetric } from '../../format/metric-value.ts';
import { useWorkspace } from '../../format/workspace.tsx';
import { t } from '../../i18n/t.ts';
import { metricLabel, metricName } from '../../i18n/metric-label.ts';

// Published on leaderboards by default (settings.leaderboardMetrics); a board an admin unpublishes holds only the
// rep's own line, so it shows their value without a rank.
const RANKED = ['won_revenue', 'new_prospects', 'meetings_held'] as const;

/** My rank on the reps' leaderboards for the period, and the badges I earned. */
export function RankBadgesPanel({ userId, periodKey }: { userId: number; periodKey: string }) {
  const { fmt } = useWorkspace();
  const state = useApi(
    async (signal) => {
      const [boards, badges, defs] = await Promise.all([
        Promise.all(
          RANKED.map((metric) =>
            request<Leaderboard>('GET', '/api/leaderboards', {
              query: { metric, period: periodKey, board: 'reps' },
              signal,
            }),
          ),
        ),
        request<{ badges: Badge[] }>('GET', `/api/users/${userId}/badges`, { signal }).then((b) => b.badges),
        getMetricDefinitions(signal),
      ]);
      return { boards, badges, definitions: new Map(defs.map((d) => [d.id, d])) };
    },
    [userId, periodKey],
  );
  return (
    <Panel title={t('rank.title')} testId="rank">
      <Async state={state}>
        {({ boards, badges, definitions }) => (
          <>
            <ul className="rank-list">
              {boards.map((board, i) => {
                const metric = RANKED[i] as string;
                const mine = board.lines.find((e) => e.id === userId);
                const def = definitions.get(metric);
                return (
                  <li key={metric}>
                    <span className="kpi-label">{def ? metricLabel(def) : metric}</span>
                    <span className="kpi-value" data-testid={`rank-${metric}`}>
                      {board.published && mine?.rank
                        ? t('rank.position', { rank: mine.rank, of: board.lines.length })
                        : '–'}
                    </span>
                    <span className="muted">{formatMetric(fmt, def?.unit, mine?.value)}</span>
                  </li>
                );
              })}
            </ul>
            <h3>{t('badges.title')}</h3>
            {badges.length === 0 ? (
              <p className="state">{t('badges.none')}</p>
            ) : (
              <ul className="badge-list">
                {badges.slice(0, 12).map((b) => (
                  <li key={b.id} className="pill good" title={fmt.dateTime(b.awardedAt)}>
                    {t(`badges.kind.${b.kind}`, {
                      metric: metricName(definitions.get(b.metricId), b.metricId),
                      period: b.periodKey,
                    })}
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </Async>
    </Panel>
  );
}
