import { useState, type FormEvent } from 'react';
import { request } from '../../api/client.ts';
import type { Comparison, RankedCandidate } from '../../api/types/hiring.ts';
import { useApi } from '../../api/use-api.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { Panel } from '../../components/panel.tsx';
import { runSave, SaveStatus, type SaveState } from '../../components/SaveStatus.tsx';
import { Async } from '../../components/state.tsx';
import { useWorkspace } from '../../format/workspace.tsx';
import type { MessageKey } from '../../i18n/en.ts';
import { t } from '../../i18n/t.ts';

/** One opening's candidates ranked by weighted score (GET /api/hiring/openings/:id/candidates), and the score form. */
export function CandidatesPanel({ openingId }: { openingId: number }) {
  const { fmt } = useWorkspace();
  const state = useApi(
    (signal) => request<Comparison>('GET', `/api/hiring/openings/${openingId}/candidates`, { signal }),
    [openingId],
  );
  const [scoring, setScoring] = useState<number | null>(null);
  const [draft, setDraft] = useState<Record<string, string>>({});
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });

  function startScoring(c: RankedCandidate) {
    setScoring(c.id);
    setDraft(Object.fromEntries(Object.entries(c.myScores).map(([k, v]) => [k, String(v)])));
    setSave({ kind: 'idle' });
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (scoring === null) return;
    const scores = Object.entries(draft)
      .filter(([, v]) => v !== '')
      .map(([criterionId, v]) => ({ criterionId: Number(criterionId), score: Number(v) }));
    if (
      await runSave(setSave, () =>
        request('PUT', `/api/hiring/candidates/${scoring}/scores`, { body: { scores } }),
      )
    )
      state.reload();
  }

  const one = (v: number | null) => fmt.number(v, 2);
  return (
    <Panel title={t('hiring.ranked')} wide testId="hiring-candidates">
      <Async state={state} isEmpty={(c) => c.candidates.length === 0} emptyMessage={t('hiring.noCandidates')}>
        {(cmp) => (
          <>
            <p className="muted">
              {cmp.opening.name} ·{' '}
              {t('hiring.rankedHelp', { min: cmp.opening.scaleMin, max: cmp.opening.scaleMax })}
            </p>
            <DataTable<RankedCandidate>
              caption={t('hiring.ranked')}
              testId="hiring-ranked"
              rows={cmp.candidates}
              rowKey={(c) => c.id}
              columns={[
                { key: 'rank', header: t('hiring.rank'), numeric: true, cell: (c) => c.rank ?? '' },
                { key: 'name', header: t('hiring.candidate'), cell: (c) => c.name },
                {
                  key: 'status',
                  header: t('hiring.status'),
                  cell: (c) => t(`hiring.candidateStatus.${c.status}` as MessageKey),
                },
                {
                  key: 'score',
                  header: t('hiring.score'),
                  numeric: true,
                  cell: (c) => one(c.total),
                  title: (c) => (c.complete ? undefined : t('hiring.incomplete')),
                },
                ...cmp.opening.criteria.map((cr) => ({
                  key: `c${cr.id}`,
                  header: `${cr.name} (×${fmt.number(cr.weight, 2)})`,
                  numeric: true,
                  cell: (c: RankedCandidate) => {
                    const r = c.criteria.find((x) => x.criterionId === cr.id);
                    return r?.mean == null ? '' : `${one(r.mean)} ±${one(r.spread)}`;
                  },
                })),
                {
                  key: 'interviewers',
                  header: t('hiring.interviewers'),
                  numeric: true,
                  cell: (c) => c.interviewers,
                },
                {
                  key: 'mine',
                  header: t('hiring.yourScores'),
                  cell: (c) => (
                    <button type="button" className="secondary" onClick={() => startScoring(c)}>
                      {t('hiring.scoreFor', { name: c.name })}
                    </button>
                  ),
                },
              ]}
            />
            {scoring !== null && (
              <form className="form-grid" onSubmit={(e) => void submit(e)} data-testid="hiring-score-form">
                <h3>
                  {t('hiring.scoreFor', { name: cmp.candidates.find((c) => c.id === scoring)?.name ?? '' })}
                </h3>
                {cmp.opening.criteria.map((cr) => (
                  <label key={cr.id}>
                    {cr.name}
                    <input
                      type="number"
                      min={cmp.opening.scaleMin}
                      max={cmp.opening.scaleMax}
                      step={1}
                      value={draft[String(cr.id)] ?? ''}
                      onChange={(e) => setDraft({ ...draft, [String(cr.id)]: e.target.value })}
                    />
                  </label>
                ))}
                <div className="form-actions">
                  <button type="submit">{t('hiring.save')}</button>
                  <SaveStatus state={save} />
                </div>
              </form>
            )}
          </>
        )}
      </Async>
    </Panel>
  );
}
