import { getOpportunities } from '../../api/rows.ts';
import { useApi } from '../../api/use-api.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { Panel } from '../../components/panel.tsx';
import { Async } from '../../components/state.tsx';
import { useWorkspace } from '../../format/workspace.tsx';
import { t } from '../../i18n/t.ts';

/** My forecast calls: my open deals with the category I put them in (commit, best case, pipeline). */
export function ForecastCallsPanel({ userId }: { userId: number }) {
  const { fmt } = useWorkspace();
  const state = useApi(
    (signal) => getOpportunities({ ownerId: userId, status: 'open', sort: 'close_date', limit: 25 }, signal),
    [userId],
  );
  return (
    <Panel title={t('calls.title')} wide testId="forecast-calls">
      <Async state={state} isEmpty={(rows) => rows.length === 0} emptyMessage={t('calls.none')}>
        {(rows) => (
          <DataTable
            caption={t('calls.title')}
            rows={rows}
            rowKey={(o) => o.id}
            columns={[
              { key: 'name', header: t('deals.name'), cell: (o) => o.name },
              { key: 'stage', header: t('deals.stage'), cell: (o) => o.stageName ?? '' },
              {
                key: 'category',
                header: t('calls.category'),
                cell: (o) => <span className="pill">{t(`calls.category.${o.forecastCategory}`)}</span>,
              },
              {
                key: 'amount',
                header: t('deals.amount'),
                numeric: true,
                cell: (o) => fmt.money(o.amountMinor),
              },
              { key: 'close', header: t('deals.close'), cell: (o) => fmt.date(o.expectedCloseDate) },
            ]}
          />
        )}
      </Async>
    </Panel>
  );
}
