import { useState } from 'react';
import { request } from '../../api/client.ts';
import { listOf } from '../../api/people.ts';
import type { Pipeline, Stage } from '../../api/types/pipelines.ts';
import { useWorkspace } from '../../format/workspace.tsx';
import { useApi } from '../../api/use-api.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { Panel } from '../../components/panel.tsx';
import { runSave, SaveStatus, type SaveState } from '../../components/SaveStatus.tsx';
import { Async } from '../../components/state.tsx';
import { t } from '../../i18n/t.ts';

/**
 * Pipelines with their stages; an admin edits each stage's win probability, sees it beside what closed deals
 * observed and what the learned forecast uses (the calibration table), and chooses which of the two the forecast
 * uses for the pipeline.
 */
export function PipelinesSettings() {
  const { fmt } = useWorkspace();
  const state = useApi(
    async (signal) =>
      listOf<Pipeline>(
        await request<{ items: Pipeline[] }>('GET', '/api/pipelines', { signal }),
        'pipelines',
      ),
    [],
  );
  const [edits, setEdits] = useState<Record<number, string>>({});
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  async function saveStage(stage: Stage) {
    const value = edits[stage.id];
    if (value === undefined) return;
    const ok = await runSave(setSave, () =>
      request('PATCH', `/api/stages/${stage.id}`, { body: { probabilityPct: Number(value) } }),
    );
    if (ok) {
      setEdits(({ [stage.id]: _done, ...rest }) => rest);
      state.reload();
    }
  }
  async function saveSource(pipeline: Pipeline, probabilitySource: Pipeline['probabilitySource']) {
    if (
      await runSave(setSave, () =>
        request('PATCH', `/api/pipelines/${pipeline.id}`, { body: { probabilitySource } }),
      )
    )
      state.reload();
  }
  const pct = (v: number | null) => (v === null ? '–' : fmt.percent(v / 100));
  return (
    <Async state={state} isEmpty={(p) => p.length === 0}>
      {(pipelines) => (
        <>
          <SaveStatus state={save} />
          {pipelines.map((pipeline) => (
            <Panel
              key={pipeline.id}
              title={pipeline.isDefault ? t('pipelines.default', { name: pipeline.name }) : pipeline.name}
            >
              <label className="inline-field">
                {t('pipelines.source')}
                <select
                  aria-label={t('pipelines.sourceOf', { name: pipeline.name })}
                  value={pipeline.probabilitySource}
                  onChange={(e) =>
                    void saveSource(pipeline, e.target.value === 'learned' ? 'learned' : 'configured')
                  }
                >
                  <option value="learned">{t('pipelines.source.learned')}</option>
                  <option value="configured">{t('pipelines.source.configured')}</option>
                </select>
              </label>
              <DataTable
                caption={pipeline.name}
                rows={[...pipeline.stages].sort((a, b) => a.position - b.position)}
                rowKey={(s) => s.id}
                testId={`calibration-${pipeline.id}`}
                columns={[
                  { key: 'name', header: t('pipelines.stage'), cell: (s) => s.name },
                  {
                    key: 'kind',
                    header: t('pipelines.kind'),
                    cell: (s) =>
                      s.isWon ? t('pipelines.won') : s.isLost ? t('pipelines.lost') : t('pipelines.open'),
                  },
                  {
                    key: 'probability',
                    header: t('pipelines.probability'),
                    numeric: true,
                    cell: (s) => (
                      <span className="inline-edit">
                        <input
                          type="number"
                          min={0}
                          max={100}
                          step="any"
                          aria-label={t('pipelines.probabilityOf', { name: s.name })}
                          value={edits[s.id] ?? String(s.probabilityPct)}
                          onChange={(e) => setEdits({ ...edits, [s.id]: e.target.value })}
                          disabled={s.isWon || s.isLost}
                        />
                        {edits[s.id] !== undefined && (
                          <button type="button" onClick={() => void saveStage(s)}>
                            {t('form.save')}
                          </button>
                        )}
                      </span>
                    ),
                  },
                  {
                    key: 'observed',
                    header: t('pipelines.observed'),
                    numeric: true,
                    cell: (s) => pct(s.observedPct),
                    title: (s) => t('pipelines.closedDeals', { count: s.closedDeals }),
                  },
                  {
                    key: 'learned',
                    header: t('pipelines.learned'),
                    numeric: true,
                    cell: (s) => pct(s.learnedPct),
                  },
                ]}
              />
            </Panel>
          ))}
        </>
      )}
    </Async>
  );
}
