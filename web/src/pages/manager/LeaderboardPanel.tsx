import { useState } from 'react';
import { request } from '../../api/client.ts';
import { getMetricDefinitions } from '../../api/metrics.ts';
import type { Leaderboard } from '../../api/types/leaderboard.ts';
import { useApi } from '../../api/use-api.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { Panel } from '../../components/panel.tsx';
import { Async } from '../../components/state.tsx';
import { formatMetric, partsTitle } from '../../format/metric-value.ts';
import { useWorkspace } from '../../format/workspace.tsx';
import { t } from '../../i18n/t.ts';
import type { DateRange } from '../../period/ranges.ts';

const BOARDS = ['won_revenue', 'new_prospects', 'meetings_held', 'win_rate'] as const;

/** The leaderboard for one metric (switchable), ranked by the server; `highlight` marks the signed-in rep. */
export function LeaderboardPanel({ range, highlight }: { range: DateRange; highlight?: number }) {
  const { fmt } = useWorkspace();
  const [metric, setMetric] = useState<string>(BOARDS[0]);
  const state = useApi(
    async (signal) => {
      const [board, defs] = await Promise.all([
        request<Leaderboard>('GET', '/api/leaderboards', { query: { metric, ...range }, signal }),
        getMetricDefinitions(signal),
      ]);
      return { board, definition: defs.find((d) => d.id === metric) };
    },
    [metric, range.from, range.to],
  );
  return (
    <Panel
      title={t('leaderboard.title')}
      testId="leaderboard"
      actions={
        <label className="field-inline">
          <span className="visually-hidden">{t('leaderboard.metric')}</span>
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
        </label>
      }
    >
      <Async state={state} isEmpty={(d) => d.board.entries.length === 0}>
        {({ board, definition }) => (
          <DataTable
            caption={t('leaderboard.title')}
            rows={board.entries}
            rowKey={(e) => e.userId}
            columns={[
              { key: 'rank', header: t('leaderboard.rank'), numeric: true, cell: (e) => e.rank },
              {
                key: 'name',
                header: t('leaderboard.rep'),
                cell: (e) => (e.userId === highlight ? <strong>{e.name}</strong> : e.name),
              },
              {
                key: 'value',
                header: definition?.label ?? metric,
                numeric: true,
                cell: (e) => formatMetric(fmt, definition?.unit, e.value),
                title: (e) => partsTitle(fmt, definition?.unit, e),
              },
            ]}
          />
        )}
      </Async>
    </Panel>
  );
}
