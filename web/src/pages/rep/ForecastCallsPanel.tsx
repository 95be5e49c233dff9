import { request } from '../../api/client.ts';
import { getOpportunities } from '../../api/rows.ts';
import { useApi } from '../../api/use-api.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { Panel } from '../../components/panel.tsx';
import { Async } from '../../components/state.tsx';
import { useWorkspace } from '../../format/workspace.tsx';
import { t } from '../../i18n/t.ts';

/** A stored forecast call (GET /api/forecast/calls). */
interface ForecastCall {
  id: number;
  periodKey: string;
  kind: 'call' | 'override';
  amount: number;
  setAt: string;
  note: string | null;
}

/**
 * My forecast calls for the quarter (the amount I called, newest first) and my open deals closing in it with
 * the category I put each in (commit, best case, pipeline).
 */
export function ForecastCallsPanel({ userId, periodKey }: { userId: number; periodKey: string }) {
  const { fmt } = useWorkspace();
  const state = useApi(
    async (signal) => {
      const [calls, deals] = await Promise.all([
        request<{ calls: ForecastCall[] }>('GET', '/api/forecast/calls', {
          query: { period: periodKey, scope: `rep:${userId}` },
          signal,
        }).then((b) => b.calls),
        getOpportunities(
          { owner: userId, status: 'open', period: periodKey, dateField: 'expected_close', limit: 200 },
          signal,
        ),
      ]);
      deals.sort((a, b) => (a.expectedCloseDate ?? '').localeCompare(b.expectedCloseDate ?? ''));
      return { calls, deals };
    },
    [userId, periodKey],
  );
  return (
    <Panel title={t('calls.title')} wide testId="forecast-calls">
      <Async state={state}>
        {({ calls, deals }) => (
          <>
            <p data-testid="my-call">
              {calls[0]
                ? t('calls.latest', {
                    amount: fmt.money(calls[0].amount),
                    period: periodKey,
                    at: fmt.dateTime(calls[0].setAt),
                  })
                : t('calls.noCall', { period: periodKey })}
            </p>
            {deals.length === 0 ? (
              <p className="state">{t('calls.none')}</p>
            ) : (
              <DataTable
                caption={t('calls.title')}
                rows={deals}
                rowKey={(o) => o.id}
                columns={[
                  { key: 'name', header: t('deals.name'), cell: (o) => o.name },
                  { key: 'stage', header: t('deals.stage'), cell: (o) => o.stageName },
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
          </>
        )}
      </Async>
    </Panel>
  );
}
