import { useRef, useState, type FormEvent } from 'react';
import { request, upload } from '../../api/client.ts';
import type { ImportRun } from '../../api/types/imports.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { Panel } from '../../components/panel.tsx';
import { ErrorNote } from '../../components/state.tsx';
import { useWorkspace } from '../../format/workspace.tsx';
import { t } from '../../i18n/t.ts';

const SOURCES = ['custom', 'salesforce', 'hubspot', 'pipedrive'] as const;
const ENTITIES = ['activities', 'leads', 'opportunities', 'contacts', 'accounts', 'users'] as const;

/** Uploads a CSV with upload progress, follows the import to its end, and shows the rejected rows. */
export function ImportsSettings() {
  const { fmt } = useWorkspace();
  const fileInput = useRef<HTMLInputElement>(null);
  const [source, setSource] = useState<string>('custom');
  const [entity, setEntity] = useState<string>('activities');
  const [progress, setProgress] = useState<number | null>(null);
  const [run, setRun] = useState<ImportRun | null>(null);
  const [error, setError] = useState<Error | null>(null);

  async function follow(initial: ImportRun) {
    let current = initial;
    setRun(current);
    // Large files import in the background; poll until the server reports a final status.
    while (current.status === 'running') {
      await new Promise((r) => setTimeout(r, 1000));
      current = await request<ImportRun>('GET', `/api/imports/${current.id}`);
      setRun(current);
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const file = fileInput.current?.files?.[0];
    if (!file) return;
    setError(null);
    setRun(null);
    setProgress(0);
    const form = new FormData();
    form.append('source', source);
    form.append('entity', entity);
    form.append('file', file, file.name);
    try {
      const started = await upload<ImportRun>('/api/imports', form, setProgress, { source, entity });
      await follow(started);
    } catch (err) {
      const body = (err as { body?: { import?: ImportRun } }).body;
      if (body?.import) setRun(body.import);
      setError(err instanceof Error ? err : new Error(String(err)));
    }
  }

  const rejects = run?.rejects ?? [];
  return (
    <>
      <Panel title={t('settings.imports')}>
        <form className="form-grid" onSubmit={(e) => void submit(e)} aria-label={t('imports.form')}>
          <label>
            {t('imports.source')}
            <select value={source} onChange={(e) => setSource(e.target.value)}>
              {SOURCES.map((s) => (
                <option key={s} value={s}>
                  {t(`imports.source.${s}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('imports.entity')}
            <select value={entity} onChange={(e) => setEntity(e.target.value)}>
              {ENTITIES.map((s) => (
                <option key={s} value={s}>
                  {t(`imports.entity.${s}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('imports.file')}
            <input ref={fileInput} type="file" accept=".csv,text/csv" required />
          </label>
          <div className="form-actions">
            <button type="submit">{t('imports.start')}</button>
          </div>
        </form>
        {progress !== null && (
          <div className="import-progress">
            <label>
              {t('imports.uploaded', { pct: fmt.percent(progress) })}
              <progress max={1} value={progress} />
            </label>
          </div>
        )}
        {error && <ErrorNote error={error} />}
      </Panel>
      {run && (
        <Panel title={t('imports.result')} testId="import-result">
          <p role="status" data-testid="import-status">
            {t(`imports.status.${run.status}`)} ·{' '}
            {t('imports.counts', {
              total: fmt.number(run.rowsTotal),
              imported: fmt.number(run.rowsImported),
              rejected: fmt.number(run.rowsRejected),
            })}
          </p>
          {run.rowsRejected > 0 && (
            <>
              <p>
                <a href={`/api/imports/${run.id}/rejects.csv`} download>
                  {t('imports.rejectsCsv')}
                </a>
              </p>
              <DataTable
                caption={t('imports.rejects')}
                testId="import-rejects"
                rows={rejects}
                rowKey={(r, i) => `${r.line}:${r.field ?? ''}:${i}`}
                columns={[
                  { key: 'line', header: t('imports.line'), numeric: true, cell: (r) => r.line },
                  { key: 'field', header: t('imports.field'), cell: (r) => r.field ?? '' },
                  { key: 'value', header: t('imports.value'), cell: (r) => r.value ?? '' },
                  { key: 'reason', header: t('imports.reason'), cell: (r) => r.reason },
                ]}
              />
            </>
          )}
        </Panel>
      )}
    </>
  );
}
