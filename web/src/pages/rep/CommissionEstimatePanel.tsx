import { getEstimate } from '../../api/commissions.ts';
import type { ReactNode } from 'react';
import { ApiError } from '../../api/client.ts';
import { DetailReason, errorDetails } from '../../components/error-text.tsx';
import { getOpportunities } from '../../api/rows.ts';
import type { DealEstimate } from '../../api/types/commissions.ts';
import type { Opportunity } from '../../api/types/rows.ts';
import { useApi } from '../../api/use-api.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { Panel } from '../../components/panel.tsx';
import { Async } from '../../components/state.tsx';
import { makeFormatters } from '../../format/formatters.ts';
import { useWorkspace } from '../../format/workspace.tsx';
import { t } from '../../i18n/t.ts';

// Each estimate is one statement computation on the server; the panel asks for the rep's next few deals only.
const DEALS = 8;

interface Row {
  deal: Opportunity;
  estimate: DealEstimate | null;
  /** Why there is no estimate (no plan covers today, or the request failed). */
  note: ReactNode;
}

/** "What I earn if I close this deal": the rep's open deals with the commission each would add if won today. */
export function CommissionEstimatePanel({ userId }: { userId: number }) {
  const { fmt } = useWorkspace();
  const state = useApi<Row[]>(
    async (signal) => {
      const deals = (await getOpportunities({ owner: userId, status: 'open', limit: 100 }, signal))
        .sort((a, b) => (a.expectedCloseDate ?? '9999').localeCompare(b.expectedCloseDate ?? '9999'))
        .slice(0, DEALS);
      return Promise.all(
        deals.map(async (deal) => {
          try {
            return { deal, estimate: await getEstimate(deal.id, signal), note: null };
          } catch (err) {
            // The server's first detail says why (no plan today, not open); its rule in the reader's words.
            const detail = err instanceof ApiError && err.status < 500 ? errorDetails(err)[0] : undefined;
            const note = detail ? <DetailReason detail={detail} /> : t('commissions.estimateFailed');
            return { deal, estimate: null, note };
          }
        }),
      );
    },
    [userId],
  );
  const money = (currency: string, minor: number) =>
    (currency === fmt.currency ? fmt : makeFormatters(fmt.locale, currency)).money(minor);
  return (
    <Panel title={t('commissions.estimateTitle')} testId="commission-estimate">
      <Async state={state} isEmpty={(rows) => rows.length === 0} emptyMessage={t('commissions.noOpenDeals')}>
        {(rows) => (
          <DataTable<Row>
            caption={t('commissions.estimateTitle')}
            testId="commission-estimate-table"
            rows={rows}
            rowKey={(r) => r.deal.id}
            columns={[
              { key: 'deal', header: t('commissions.deal'), cell: (r) => r.deal.name },
              {
                key: 'amount',
                header: t('commissions.dealAmount'),
                numeric: true,
                cell: (r) => money(r.deal.currency, r.deal.amountMinor),
              },
              {
                key: 'earn',
                header: t('commissions.youEarn'),
                numeric: true,
                cell: (r) =>
                  r.estimate ? (
                    <strong>{money(r.estimate.currency, r.estimate.differenceMinor)}</strong>
                  ) : (
                    <span className="muted">{r.note}</span>
                  ),
              },
              {
                key: 'payout',
                header: t('commissions.payoutIfWon'),
                numeric: true,
                cell: (r) =>
                  r.estimate
                    ? t('commissions.payoutNowThen', {
                        now: money(r.estimate.currency, r.estimate.payoutNowMinor),
                        then: money(r.estimate.currency, r.estimate.payoutIfWonMinor),
                        period: r.estimate.periodKey,
                      })
                    : '',
              },
            ]}
          />
        )}
      </Async>
    </Panel>
  );
}
