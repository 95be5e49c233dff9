import { useState } from 'react';
import { request } from '../../api/client.ts';
import { listOf } from '../../api/people.ts';
import type { Pipeline, Stage } from '../../api/types/pipelines.ts';
import { useApi } from '../../api/use-api.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { Panel } from '../../components/panel.tsx';
import { runSave, SaveStatus, type SaveState } from '../../components/SaveStatus.tsx';
import { Async } from '../../components/state.tsx';
import { t } from '../../i18n/t.ts';

/** Pipelines with their stages; an admin edits each stage's win probability (used by the stage-weighted forecast). */
export function PipelinesSettings() {
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
              <DataTable
                caption={pipeline.name}
                rows={[...pipeline.stages].sort((a, b) => a.position - b.position)}
                rowKey={(s) => s.id}
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
                ]}
              />
            </Panel>
          ))}
        </>
      )}
    </Async>
  );
}
