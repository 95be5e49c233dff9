import { request } from '../../api/client.ts';
import { listOf } from '../../api/people.ts';
import type { CadenceGap } from '../../api/types/cadence.ts';
import { useApi } from '../../api/use-api.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { Panel } from '../../components/panel.tsx';
import { Async } from '../../components/state.tsx';
import { useWorkspace } from '../../format/workspace.tsx';
import { t } from '../../i18n/t.ts';

/** My cadence gaps: contacts and deals whose follow-ups fell behind (GET /api/cadence/gaps). */
export function CadencePanel({ userId }: { userId: number }) {
  const { fmt } = useWorkspace();
  const state = useApi(
    async (signal) =>
      listOf<CadenceGap>(
        await request<{ items: CadenceGap[] }>('GET', '/api/cadence/gaps', { query: { userId }, signal }),
        'gaps',
      ),
    [userId],
  );
  return (
    <Panel title={t('cadence.title')} testId="cadence">
      <Async state={state} isEmpty={(rows) => rows.length === 0} emptyMessage={t('cadence.none')}>
        {(rows) => (
          <DataTable
            caption={t('cadence.title')}
            rows={rows}
            rowKey={(g, i) => `${g.contactId ?? ''}:${g.opportunityId ?? ''}:${i}`}
            columns={[
              { key: 'name', header: t('cadence.who'), cell: (g) => g.name },
              { key: 'last', header: t('cadence.lastTouch'), cell: (g) => fmt.dateTime(g.lastTouchAt) },
              {
                key: 'followUps',
                header: t('cadence.followUps'),
                numeric: true,
                cell: (g) =>
                  g.followUps === undefined
                    ? '–'
                    : t('metric.parts', { numerator: g.followUps, denominator: g.target ?? '–' }),
              },
              { key: 'reason', header: t('cadence.reason'), cell: (g) => g.reason ?? '' },
            ]}
          />
        )}
      </Async>
    </Panel>
  );
}
