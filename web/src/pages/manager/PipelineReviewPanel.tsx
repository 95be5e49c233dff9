import { getOpportunities } from '../../api/rows.ts';
import type { Opportunity } from '../../api/types/rows.ts';
import { useApi } from '../../api/use-api.ts';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { Panel } from '../../components/panel.tsx';
import { Async } from '../../components/state.tsx';
import { useWorkspace } from '../../format/workspace.tsx';
import { t } from '../../i18n/t.ts';

/** Pipeline review: the hottest open deals and the stalled ones, as the opportunities API ranks them. */
export function PipelineReviewPanel() {
  const { fmt } = useWorkspace();
  const state = useApi(async (signal) => {
    const [hot, stalled] = await Promise.all([
      getOpportunities({ status: 'open', sort: 'hot', limit: 8 }, signal),
      getOpportunities({ status: 'open', stalled: true, limit: 8 }, signal),
    ]);
    return { hot, stalled };
  }, []);
  const columns: Column<Opportunity>[] = [
    { key: 'name', header: t('deals.name'), cell: (o) => o.name },
    { key: 'owner', header: t('deals.owner'), cell: (o) => o.ownerName ?? '' },
    { key: 'stage', header: t('deals.stage'), cell: (o) => o.stageName ?? '' },
    { key: 'amount', header: t('deals.amount'), numeric: true, cell: (o) => fmt.money(o.amountMinor) },
    { key: 'close', header: t('deals.close'), cell: (o) => fmt.date(o.expectedCloseDate) },
    { key: 'idle', header: t('deals.idle'), numeric: true, cell: (o) => fmt.number(o.daysSinceChange) },
  ];
  return (
    <Panel title={t('deals.title')} wide testId="pipeline-review">
      <Async state={state}>
        {({ hot, stalled }) => (
          <div className="two-col">
            <div>
              <h3>{t('deals.hot')}</h3>
              {hot.length === 0 ? (
                <p className="state">{t('state.empty')}</p>
              ) : (
                <DataTable caption={t('deals.hot')} rows={hot} rowKey={(o) => o.id} columns={columns} />
              )}
            </div>
            <div>
              <h3>{t('deals.stalled')}</h3>
              {stalled.length === 0 ? (
                <p className="state">{t('deals.noneStalled')}</p>
              ) : (
                <DataTable
                  caption={t('deals.stalled')}
                  rows={stalled}
                  rowKey={(o) => o.id}
                  columns={columns}
                />
              )}
            </div>
          </div>
        )}
      </Async>
    </Panel>
  );
}
