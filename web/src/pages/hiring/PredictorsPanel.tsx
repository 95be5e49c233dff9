import { request } from '../../api/client.ts';
import type { Predictors } from '../../api/types/hiring.ts';
import { useApi } from '../../api/use-api.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { Panel } from '../../components/panel.tsx';
import { Async } from '../../components/state.tsx';
import { useWorkspace } from '../../format/workspace.tsx';
import type { MessageKey } from '../../i18n/en.ts';
import { t } from '../../i18n/t.ts';

const KEYS = new Set(['total', 'role_fit', 'past_achievement', 'acumen', 'culture_fit']);

/** A predictor key's label: the standard kinds are translated, custom criteria keep their name. */
export function predictorLabel(key: string): string {
  return KEYS.has(key) ? t(`hiring.key.${key}` as MessageKey) : key.replace(/^custom:/, '');
}

/** Hires' scorecards beside first-year results, and the correlation per criterion (GET /api/hiring/predictors). */
export function PredictorsPanel() {
  const { fmt } = useWorkspace();
  const state = useApi((signal) => request<Predictors>('GET', '/api/hiring/predictors', { signal }), []);
  type Row = Predictors['predictors'][number];
  type Hire = Predictors['hires'][number];
  return (
    <Panel title={t('hiring.predictors')} wide testId="hiring-predictors">
      <Async state={state} isEmpty={(p) => p.hires.length === 0} emptyMessage={t('hiring.noHires')}>
        {(p) => (
          <>
            <p className="muted">{t('hiring.predictorsHelp', { days: p.minObservedDays })}</p>
            <DataTable<Row>
              caption={t('hiring.predictors')}
              testId="hiring-predictors-table"
              rows={p.predictors}
              rowKey={(r) => r.key}
              columns={[
                { key: 'criterion', header: t('hiring.criterion'), cell: (r) => predictorLabel(r.key) },
                { key: 'n', header: t('hiring.n'), numeric: true, cell: (r) => r.n },
                {
                  key: 'rho',
                  header: t('hiring.rho'),
                  numeric: true,
                  cell: (r) =>
                    r.verdict === 'too_few'
                      ? t('hiring.tooFew')
                      : r.verdict === 'no_variation'
                        ? t('hiring.noVariation')
                        : fmt.number(r.rho, 2),
                },
              ]}
            />
            <h3>{t('hiring.hires')}</h3>
            <DataTable<Hire>
              caption={t('hiring.hires')}
              rows={p.hires}
              rowKey={(h) => h.userId}
              columns={[
                { key: 'name', header: t('hiring.hire'), cell: (h) => h.name },
                { key: 'hired', header: t('hiring.hired'), cell: (h) => fmt.date(h.hireDate) },
                { key: 'left', header: t('hiring.left'), cell: (h) => fmt.date(h.leftOn) },
                {
                  key: 'score',
                  header: t('hiring.score'),
                  numeric: true,
                  cell: (h) => fmt.number(h.total, 2),
                },
                {
                  key: 'band',
                  header: t('hiring.band'),
                  cell: (h) => (h.band ? t(`hiring.band.${h.band}` as MessageKey) : ''),
                },
                { key: 'to', header: t('hiring.firstYearTo'), cell: (h) => fmt.date(h.firstYearTo) },
                {
                  key: 'attainment',
                  header: t('hiring.attainment'),
                  numeric: true,
                  cell: (h) => fmt.percent(h.quotaAttainment),
                },
              ]}
            />
          </>
        )}
      </Async>
    </Panel>
  );
}
