import { getOpportunities } from '../../api/rows.ts';
import type { Opportunity } from '../../api/types/rows.ts';
import { useApi } from '../../api/use-api.ts';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import {
  byWorkspaceAmount,
  currenciesWithoutRate,
  DealAmount,
  MissingRateNote,
} from '../../components/DealAmount.tsx';
import { Panel } from '../../components/panel.tsx';
import { Async } from '../../components/state.tsx';
import { useWorkspace } from '../../format/workspace.tsx';
import { t } from '../../i18n/t.ts';
import { rangeFor, todayIn } from '../../period/ranges.ts';

const HOT_CATEGORIES: ReadonlySet<Opportunity['forecastCategory']> = new Set(['commit', 'best_case']);

/**
 * Pipeline review. Hottest: open deals the reps called commit or best case, expected to close this month,
 * largest in the workspace currency first. Stalled: open deals whose expected close date has already passed, oldest first.
 * Rows come from GET /api/opportunities; the page only picks and orders them.
 */
export function PipelineReviewPanel() {
  const { fmt, settings } = useWorkspace();
  const today = todayIn(settings?.timeZone ?? 'UTC');
  const month = rangeFor('month', today);
  const state = useApi(
    async (signal) => {
      const [closingThisMonth, open] = await Promise.all([
        getOpportunities(
          { status: 'open', period: `${month.from}..${month.to}`, dateField: 'expected_close', limit: 500 },
          signal,
        ),
        getOpportunities({ status: 'open', limit: 500 }, signal),
      ]);
      const hot = closingThisMonth
        .filter((o) => HOT_CATEGORIES.has(o.forecastCategory))
        .sort((a, b) => byWorkspaceAmount(a, b) || a.id - b.id)
        .slice(0, 8);
      const stalled = open
        .filter((o) => o.expectedCloseDate !== null && o.expectedCloseDate < today)
        .sort((a, b) => (a.expectedCloseDate ?? '').localeCompare(b.expectedCloseDate ?? ''))
        .slice(0, 8);
      return { hot, stalled };
    },
    [today],
  );
  const columns: Column<Opportunity>[] = [
    { key: 'name', header: t('deals.name'), cell: (o) => o.name },
    { key: 'owner', header: t('deals.owner'), cell: (o) => o.ownerName ?? '' },
    { key: 'stage', header: t('deals.stage'), cell: (o) => o.stageName },
    {
      key: 'category',
      header: t('calls.category'),
      cell: (o) => t(`calls.category.${o.forecastCategory}`),
    },
    { key: 'amount', header: t('deals.amount'), numeric: true, cell: (o) => <DealAmount deal={o} /> },
    { key: 'close', header: t('deals.close'), cell: (o) => fmt.date(o.expectedCloseDate) },
  ];
  return (
    <Panel title={t('deals.title')} wide testId="pipeline-review">
      <Async state={state}>
        {({ hot, stalled }) => (
          <>
            <div className="two-col">
              <div>
                <h3>{t('deals.hot')}</h3>
                {hot.length === 0 ? (
                  <p className="state">{t('deals.noneHot')}</p>
                ) : (
                  <DataTable
                    caption={t('deals.hot')}
                    rows={hot}
                    rowKey={(o) => o.id}
                    columns={columns}
                    testId="hot-deals"
                  />
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
                    testId="stalled-deals"
                  />
                )}
              </div>
            </div>
            <MissingRateNote currencies={currenciesWithoutRate([...hot, ...stalled])} />
          </>
        )}
      </Async>
    </Panel>
  );
}
