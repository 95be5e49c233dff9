import { request } from '../../api/client.ts';
import type { CadenceGaps } from '../../api/types/cadence.ts';
import { useApi } from '../../api/use-api.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { DealAmount, MissingRateNote } from '../../components/DealAmount.tsx';
import { Panel } from '../../components/panel.tsx';
import { Async } from '../../components/state.tsx';
import { useWorkspace } from '../../format/workspace.tsx';
import { t } from '../../i18n/t.ts';

/**
 * Cadence gaps (GET /api/cadence/gaps, filtered to what the viewer may see, so a rep gets their own): deals
 * gone silent after a meeting before the follow-up target, and leads with too few attempts.
 */
export function CadencePanel() {
  const { fmt } = useWorkspace();
  const state = useApi(
    (signal) => request<CadenceGaps>('GET', '/api/cadence/gaps', { query: { limit: 10 }, signal }),
    [],
  );
  return (
    <Panel title={t('cadence.title')} testId="cadence">
      <Async
        state={state}
        isEmpty={(g) => g.silentDeals.length === 0 && g.underAttemptedLeads.length === 0}
        emptyMessage={t('cadence.none')}
      >
        {(g) => (
          <>
            {g.silentDeals.length > 0 && (
              <>
                <h3>
                  {t('cadence.silentDeals', { days: g.rules.silentDays, target: g.rules.followUpTarget })}
                </h3>
                <DataTable
                  caption={t('cadence.silentDeals', {
                    days: g.rules.silentDays,
                    target: g.rules.followUpTarget,
                  })}
                  rows={g.silentDeals}
                  rowKey={(d) => d.opportunityId}
                  columns={[
                    { key: 'name', header: t('deals.name'), cell: (d) => d.name },
                    {
                      key: 'amount',
                      header: t('deals.amount'),
                      numeric: true,
                      cell: (d) => <DealAmount deal={d} />,
                    },
                    {
                      key: 'touches',
                      header: t('cadence.followUps'),
                      numeric: true,
                      cell: (d) =>
                        t('metric.parts', {
                          numerator: d.touchesSinceMeeting,
                          denominator: g.rules.followUpTarget,
                        }),
                    },
                    {
                      key: 'silent',
                      header: t('cadence.silentFor'),
                      numeric: true,
                      cell: (d) =>
                        t('unit.days', { count: d.daysSinceLastTouch, n: fmt.number(d.daysSinceLastTouch) }),
                    },
                  ]}
                />
                <MissingRateNote currencies={g.currenciesWithoutRate} />
              </>
            )}
            {g.underAttemptedLeads.length > 0 && (
              <>
                <h3>{t('cadence.leads', { min: g.rules.leadMinAttempts })}</h3>
                <DataTable
                  caption={t('cadence.leads', { min: g.rules.leadMinAttempts })}
                  rows={g.underAttemptedLeads}
                  rowKey={(l) => l.leadId}
                  columns={[
                    { key: 'name', header: t('leads.name'), cell: (l) => l.name },
                    {
                      key: 'attempts',
                      header: t('cadence.attempts'),
                      numeric: true,
                      cell: (l) =>
                        t('metric.parts', { numerator: l.attempts, denominator: g.rules.leadMinAttempts }),
                    },
                    { key: 'last', header: t('cadence.lastTouch'), cell: (l) => fmt.dateTime(l.lastTouchAt) },
                  ]}
                />
              </>
            )}
          </>
        )}
      </Async>
    </Panel>
  );
}
