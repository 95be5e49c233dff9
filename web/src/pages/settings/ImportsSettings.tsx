import { useRef, useState, type FormEvent } from 'react';
import { ApiError, upload, type ApiErrorDetail } from '../../api/client.ts';
import type { ImportReject, ImportSummary } from '../../api/types/imports.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { Panel } from '../../components/panel.tsx';
import { DetailReason, FieldName } from '../../components/error-text.tsx';
import { ErrorNote } from '../../components/state.tsx';
import { useWorkspace } from '../../format/workspace.tsx';
import { t } from '../../i18n/t.ts';

const SOURCES = ['', 'salesforce', 'hubspot', 'pipedrive'] as const;
const ENTITIES = ['', 'opportunities', 'opportunity_history', 'leads', 'contacts', 'activities'] as const;

/**
 * One problem to show: a rejected row's reason, from a summary or from a 422 answer's details, with the rule
 * that lets the page say the reason in the reader's language.
 */
interface Problem {
  line: number | null;
  field: string;
  value: string;
  detail: ApiErrorDetail;
}

function fromRejects(rejects: ImportReject[]): Problem[] {
  return rejects.flatMap((r) =>
    r.errors.map((e) => ({
      line: r.line,
      field: e.field,
      value: e.value ?? r.values[e.field] ?? '',
      detail: e,
    })),
  );
}

/**
 * Uploads a CRM export (the CSV is the request body, streamed by the server) with upload progress, then shows
 * the outcome: counts, and the rejected rows with line, field and reason, plus the rejected-rows CSV.
 */
export function ImportsSettings() {
  const { fmt } = useWorkspace();
  const fileInput = useRef<HTMLInputElement>(null);
  const [source, setSource] = useState<string>('');
  const [entity, setEntity] = useState<string>('');
  const [skipInvalid, setSkipInvalid] = useState(true);
  const [progress, setProgress] = useState<number | null>(null);
  const [phase, setPhase] = useState<'idle' | 'uploading' | 'done'>('idle');
  const [summary, setSummary] = useState<ImportSummary | null>(null);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [error, setError] = useState<Error | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const file = fileInput.current?.files?.[0];
    if (!file) return;
    setError(null);
    setSummary(null);
    setProblems([]);
    setProgress(0);
    setPhase('uploading');
    try {
      const result = await upload<ImportSummary>('/api/imports', file, 'text/csv', setProgress, {
        source: source || undefined,
        entity: entity || undefined,
        skipInvalid,
        fileName: file.name,
      });
      setSummary(result);
      setProblems(fromRejects(result.rejects));
    } catch (err) {
      if (err instanceof ApiError && err.body?.error.code === 'import_rejected') {
        setProblems(
          err.body.error.details.map((d) => ({
            line: d.line ?? null,
            field: d.field ?? '',
            value: d.value ?? '',
            detail: d,
          })),
        );
      }
      setError(err instanceof Error ? err : new Error(String(err)));
    } finally {
      setPhase('done');
    }
  }

  return (
    <>
      <Panel title={t('settings.imports')}>
        <form className="form-grid" onSubmit={(e) => void submit(e)} aria-label={t('imports.form')}>
          <label>
            {t('imports.source')}
            <select value={source} onChange={(e) => setSource(e.target.value)}>
              {SOURCES.map((s) => (
                <option key={s} value={s}>
                  {t(`imports.source.${s || 'auto'}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('imports.entity')}
            <select value={entity} onChange={(e) => setEntity(e.target.value)}>
              {ENTITIES.map((s) => (
                <option key={s} value={s}>
                  {t(`imports.entity.${s || 'auto'}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('imports.file')}
            <input ref={fileInput} type="file" accept=".csv,text/csv" required />
          </label>
          <label className="checkbox">
            <input type="checkbox" checked={skipInvalid} onChange={(e) => setSkipInvalid(e.target.checked)} />
            {t('imports.skipInvalid')}
          </label>
          <div className="form-actions">
            <button type="submit" disabled={phase === 'uploading'}>
              {t('imports.start')}
            </button>
          </div>
        </form>
        {progress !== null && (
          <div className="import-progress">
            <label>
              {phase === 'uploading' && progress >= 1
                ? t('imports.processing')
                : t('imports.uploaded', { pct: fmt.percent(progress) })}
              <progress max={1} value={progress} />
            </label>
          </div>
        )}
        {error && <ErrorNote error={error} />}
      </Panel>
      {(summary || problems.length > 0) && (
        <Panel title={t('imports.result')} testId="import-result">
          {summary && (
            <p role="status" data-testid="import-status">
              {t('imports.counts', {
                total: fmt.number(summary.rowsRead),
                imported: fmt.number(summary.imported),
                rejected: fmt.number(summary.rejected),
              })}
            </p>
          )}
          {summary && summary.rejected > 0 && (
            <p>
              <a href={`/api/imports/${summary.importId}/rejects.csv`} download>
                {t('imports.rejectsCsv')}
              </a>
            </p>
          )}
          {problems.length > 0 && (
            <DataTable
              caption={t('imports.rejects')}
              testId="import-rejects"
              rows={problems}
              rowKey={(r, i) => `${r.line}:${r.field}:${i}`}
              columns={[
                { key: 'line', header: t('imports.line'), numeric: true, cell: (r) => r.line ?? '' },
                {
                  key: 'field',
                  header: t('imports.field'),
                  cell: (r) => (r.field ? <FieldName field={r.field} /> : ''),
                },
                { key: 'value', header: t('imports.value'), cell: (r) => <bdi>{r.value}</bdi> },
                {
                  key: 'reason',
                  header: t('imports.reason'),
                  cell: (r) => <DetailReason detail={r.detail} />,
                },
              ]}
            />
          )}
        </Panel>
      )}
    </>
  );
}
