import { request } from '../../api/client.ts';
import type { Turnover, TurnoverRow } from '../../api/types/hiring.ts';
import { useApi } from '../../api/use-api.ts';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { Panel } from '../../components/panel.tsx';
import { Async } from '../../components/state.tsx';
import { useWorkspace } from '../../format/workspace.tsx';
import type { MessageKey } from '../../i18n/en.ts';
import { t } from '../../i18n/t.ts';

/** Rep turnover and median tenure at leaving over the last 365 days, by team and by hiring score band. */
export function TurnoverPanel() {
  const { fmt } = useWorkspace();
  const state = useApi((signal) => request<Turnover>('GET', '/api/hiring/turnover', { signal }), []);
  const columns = (first: (r: TurnoverRow) => string): Column<TurnoverRow>[] => [
    { key: 'group', header: t('hiring.group'), cell: first },
    { key: 'leavers', header: t('hiring.leavers'), numeric: true, cell: (r) => fmt.number(r.leavers) },
    {
      key: 'headcount',
      header: t('hiring.headcount'),
      numeric: true,
      cell: (r) => fmt.number(r.averageHeadcount, 1),
    },
    { key: 'rate', header: t('hiring.rate'), numeric: true, cell: (r) => fmt.percent(r.turnover) },
    {
      key: 'tenure',
      header: t('hiring.tenure'),
      numeric: true,
      cell: (r) => fmt.number(r.medianTenureMonths, 1),
    },
  ];
  return (
    <Panel title={t('hiring.turnover')} wide testId="hiring-turnover">
      <Async state={state}>
        {(r) => (
          <>
            <p className="muted">
              {t('hiring.turnoverHelp', { from: fmt.date(r.from), to: fmt.date(r.to) })}
            </p>
            <DataTable<TurnoverRow>
              caption={t('hiring.turnover')}
              testId="hiring-turnover-teams"
              rows={[r.company, ...r.byTeam]}
              rowKey={(x) => x.key ?? 'company'}
              // The company row (no key) is named by the API in English.
              columns={columns((x) => (x.key === null ? t('explore.group.company') : x.name))}
            />
            <h3>{t('hiring.byBand')}</h3>
            <DataTable<TurnoverRow>
              caption={t('hiring.byBand')}
              testId="hiring-turnover-bands"
              rows={r.byBand}
              rowKey={(x) => x.key ?? ''}
              columns={columns((x) => t(`hiring.band.${x.key}` as MessageKey))}
            />
          </>
        )}
      </Async>
    </Panel>
  );
}
