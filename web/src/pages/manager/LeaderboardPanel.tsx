import { useState } from 'react';
import { request } from '../../api/client.ts';
import { getMetricDefinitions } from '../../api/metrics.ts';
import type { Leaderboard } from '../../api/types/leaderboard.ts';
import { useApi } from '../../api/use-api.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { Panel } from '../../components/panel.tsx';
import { Async } from '../../components/state.tsx';
import { formatMetric } from '../../format/metric-value.ts';
import { useWorkspace } from '../../format/workspace.tsx';
import { metricLabel } from '../../i18n/metric-label.ts';
import { t } from '../../i18n/t.ts';

const BOARDS = ['won_revenue', 'new_prospects', 'meetings_held', 'win_rate'] as const;

/**
 * The reps' leaderboard on one metric (switchable), ranked by the server with ties and movement. Win rate is not
 * published by default, so its board holds the manager's own teams only (the server decides; a note says so).
 */
export function LeaderboardPanel({ periodKey, highlight }: { periodKey: string; highlight?: number }) {
  const { fmt } = useWorkspace();
  const [metric, setMetric] = useState<string>(BOARDS[0]);
  const state = useApi(
    async (signal) => {
      const [board, defs] = await Promise.all([
        request<Leaderboard>('GET', '/api/leaderboards', {
          query: { metric, period: periodKey, board: 'reps' },
          signal,
        }),
        getMetricDefinitions(signal),
      ]);
      return { board, definition: defs.find((d) => d.id === metric) };
    },
    [metric, periodKey],
  );
  return (
    <Panel
      title={t('leaderboard.title')}
      testId="leaderboard"
      actions={
        <select
          value={metric}
          onChange={(e) => setMetric(e.target.value)}
          aria-label={t('leaderboard.metric')}
        >
          {BOARDS.map((id) => (
            <option key={id} value={id}>
              {t(`leaderboard.board.${id}`)}
            </option>
          ))}
        </select>
      }
    >
      <Async state={state} isEmpty={(d) => d.board.lines.length === 0}>
        {({ board, definition }) => (
          <>
            {!board.published && (
              <p className="muted" data-testid="leaderboard-unpublished">
                {t('leaderboard.unpublished')}
              </p>
            )}
            <DataTable
              caption={t('leaderboard.title')}
              rows={board.lines}
              rowKey={(e) => e.id}
              testId="leaderboard-table"
              columns={[
                { key: 'rank', header: t('leaderboard.rank'), numeric: true, cell: (e) => e.rank ?? '–' },
                {
                  key: 'name',
                  header: t('leaderboard.rep'),
                  cell: (e) => (e.id === highlight ? <strong>{e.name}</strong> : e.name),
                },
                {
                  key: 'value',
                  header: definition ? metricLabel(definition) : metric,
                  numeric: true,
                  cell: (e) => formatMetric(fmt, definition?.unit, e.value),
                },
                {
                  key: 'movement',
                  header: t('leaderboard.movement'),
                  numeric: true,
                  cell: (e) =>
                    e.movement === null || e.movement === 0
                      ? '–'
                      : t(e.movement > 0 ? 'leaderboard.up' : 'leaderboard.down', {
                          n: Math.abs(e.movement),
                        }),
                },
              ]}
            />
          </>
        )}
      </Async>
    </Panel>
  );
}
