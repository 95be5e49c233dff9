import { useEffect, useState, type FormEvent } from 'react';
import { request } from '../../api/client.ts';
import type { RulePreview, RuleSet, RuleSetDraft } from '../../api/types/scoring.ts';
import { useApi } from '../../api/use-api.ts';
import { Panel } from '../../components/panel.tsx';
import { runSave, SaveStatus, type SaveState } from '../../components/SaveStatus.tsx';
import { Async, ErrorNote } from '../../components/state.tsx';
import { t } from '../../i18n/t.ts';

function draftOf(rs: RuleSet): RuleSetDraft {
  return {
    rules: rs.rules,
    mqlThreshold: rs.mqlThreshold,
    sqlThreshold: rs.sqlThreshold,
    demoRequestQualifies: rs.demoRequestQualifies,
  };
}

/**
 * The active rules' points and the thresholds (admins): change them, preview how many open leads would move
 * across the MQL and SQL thresholds (POST /api/scoring/rules/preview, nothing saved), then save a new version,
 * which re-scores the open leads in the background (PUT /api/scoring/rules).
 */
export function ScoringRulesPanel() {
  const state = useApi((signal) => request<{ active: RuleSet }>('GET', '/api/scoring/rules', { signal }), []);
  const [draft, setDraft] = useState<RuleSetDraft | null>(null);
  const [preview, setPreview] = useState<RulePreview | null>(null);
  const [previewError, setPreviewError] = useState<Error | null>(null);
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  useEffect(() => {
    if (state.data) setDraft(draftOf(state.data.active));
  }, [state.data]);

  const setPoints = (i: number, points: number) =>
    draft && setDraft({ ...draft, rules: draft.rules.map((r, k) => (k === i ? { ...r, points } : r)) });

  async function runPreview() {
    if (!draft) return;
    setPreviewError(null);
    try {
      setPreview(await request<RulePreview>('POST', '/api/scoring/rules/preview', { body: draft }));
    } catch (err) {
      setPreviewError(err instanceof Error ? err : new Error(String(err)));
    }
  }
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (draft && (await runSave(setSave, () => request('PUT', '/api/scoring/rules', { body: draft })))) {
      setPreview(null);
      state.reload();
    }
  }

  return (
    <Panel title={t('scoring.rules')} wide testId="scoring-rules">
      <Async state={state}>
        {(data) =>
          draft && (
            <form onSubmit={(e) => void submit(e)}>
              <p className="muted">{t('scoring.version', { version: data.active.version })}</p>
              <table className="data-table">
                <thead>
                  <tr>
                    <th scope="col">{t('scoring.rule')}</th>
                    <th scope="col">{t('scoring.kind')}</th>
                    <th scope="col" className="num">
                      {t('scoring.points')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {draft.rules.map((r, i) => (
                    <tr key={r.id}>
                      <td>{r.label}</td>
                      <td>{t(r.type === 'fit' ? 'scoring.kindFit' : 'scoring.kindEngagement')}</td>
                      <td className="num">
                        <input
                          type="number"
                          step={1}
                          aria-label={t('scoring.pointsFor', { label: r.label })}
                          value={r.points}
                          onChange={(e) => setPoints(i, Math.round(Number(e.target.value)))}
                        />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <div className="form-grid">
                <label>
                  {t('scoring.mqlThreshold')}
                  <input
                    type="number"
                    step={1}
                    value={draft.mqlThreshold}
                    data-testid="mql-threshold"
                    onChange={(e) => setDraft({ ...draft, mqlThreshold: Math.round(Number(e.target.value)) })}
                  />
                </label>
                <label>
                  {t('scoring.sqlThreshold')}
                  <input
                    type="number"
                    step={1}
                    value={draft.sqlThreshold}
                    data-testid="sql-threshold"
                    onChange={(e) => setDraft({ ...draft, sqlThreshold: Math.round(Number(e.target.value)) })}
                  />
                </label>
                <label>
                  <input
                    type="checkbox"
                    checked={draft.demoRequestQualifies}
                    onChange={(e) => setDraft({ ...draft, demoRequestQualifies: e.target.checked })}
                  />
                  {t('scoring.demoQualifies')}
                </label>
              </div>
              <div className="form-actions">
                <button type="button" onClick={() => void runPreview()} data-testid="preview-rules">
                  {t('scoring.preview')}
                </button>
                <button type="submit">{t('scoring.saveVersion')}</button>
                <SaveStatus state={save} />
              </div>
              {previewError && <ErrorNote error={previewError} />}
              {preview && (
                <p data-testid="rules-preview">
                  {t('scoring.previewResult', {
                    open: preview.openLeads,
                    mqlNow: preview.current.mql,
                    mqlThen: preview.proposed.mql,
                    sqlNow: preview.current.sql,
                    sqlThen: preview.proposed.sql,
                    count: preview.wouldPromote,
                  })}
                </p>
              )}
            </form>
          )
        }
      </Async>
    </Panel>
  );
}
