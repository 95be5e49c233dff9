import { useEffect, useState } from 'react';
import { request } from '../../api/client.ts';
import type { Opening } from '../../api/types/hiring.ts';
import { useApi } from '../../api/use-api.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { Panel } from '../../components/panel.tsx';
import { Async } from '../../components/state.tsx';
import { t } from '../../i18n/t.ts';
import { CandidatesPanel } from './CandidatesPanel.tsx';
import { PredictorsPanel } from './PredictorsPanel.tsx';
import { TurnoverPanel } from './TurnoverPanel.tsx';

/**
 * Hiring (managers and admins; the server answers 403 to reps and the nav hides the page from them): the openings
 * the viewer may see, the chosen opening's candidates ranked with each criterion's mean and spread and a form for
 * the signed-in interviewer's scores, which criteria predicted first-year attainment, and rep turnover and tenure
 * by team and hiring score band. Every number is the API's.
 */
export function HiringPage() {
  const openings = useApi(
    async (signal) => (await request<{ items: Opening[] }>('GET', '/api/hiring/openings', { signal })).items,
    [],
  );
  const [selected, setSelected] = useState<number | null>(null);
  useEffect(() => {
    const items = openings.data ?? [];
    if (selected === null && items.length > 0)
      setSelected((items.find((o) => o.status === 'open') ?? items[0]!).id);
  }, [openings.data, selected]);
  return (
    <>
      <div className="page-head">
        <h1>{t('hiring.title')}</h1>
      </div>
      <div className="dashboard">
        <Panel title={t('hiring.openings')} wide testId="hiring-openings">
          <Async state={openings} isEmpty={(rows) => rows.length === 0} emptyMessage={t('hiring.noOpenings')}>
            {(rows) => (
              <DataTable<Opening>
                caption={t('hiring.openings')}
                rows={rows}
                rowKey={(o) => o.id}
                columns={[
                  {
                    key: 'name',
                    header: t('hiring.opening'),
                    cell: (o) => (
                      <button
                        type="button"
                        className={o.id === selected ? undefined : 'secondary'}
                        aria-pressed={o.id === selected}
                        onClick={() => setSelected(o.id)}
                      >
                        {o.name}
                      </button>
                    ),
                  },
                  { key: 'team', header: t('hiring.team'), cell: (o) => o.teamName ?? '' },
                  {
                    key: 'status',
                    header: t('hiring.status'),
                    cell: (o) => t(`hiring.openingStatus.${o.status}`),
                  },
                  {
                    key: 'candidates',
                    header: t('hiring.candidates'),
                    numeric: true,
                    cell: (o) => o.candidates,
                  },
                ]}
              />
            )}
          </Async>
        </Panel>
        {selected !== null && <CandidatesPanel openingId={selected} />}
        <PredictorsPanel />
        <TurnoverPanel />
      </div>
    </>
  );
}
