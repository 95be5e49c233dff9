import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { getDisputes, resolveDispute } from '../../api/commissions.ts';
import type { Dispute, DisputeStatus } from '../../api/types/commissions.ts';
import { useApi } from '../../api/use-api.ts';
import { Panel } from '../../components/panel.tsx';
import { runSave, SaveStatus, type SaveState } from '../../components/SaveStatus.tsx';
import { Async } from '../../components/state.tsx';
import { useWorkspace } from '../../format/workspace.tsx';
import { t } from '../../i18n/t.ts';
import { CommissionsNav } from './CommissionsNav.tsx';
import { textToScaled } from './rules-form.ts';
import { StatusPill } from './StatusPill.tsx';
import { tNodes, UserText } from '../../i18n/t-nodes.tsx';

/** /commissions/disputes (admin): disputes by status; an open one is accepted or rejected with a resolution. */
export function DisputesPage() {
  const [status, setStatus] = useState<'' | DisputeStatus>('open');
  const disputes = useApi((signal) => getDisputes(status || undefined, signal), [status]);
  return (
    <div className="page">
      <h1>{t('commissions.disputesTitle')}</h1>
      <CommissionsNav />
      <Panel title={t('commissions.disputes')} wide testId="commission-dispute-list">
        <label>
          {t('commissions.statusHeader')}
          <select value={status} onChange={(e) => setStatus(e.target.value as '' | DisputeStatus)}>
            <option value="open">{t('commissions.status.open')}</option>
            <option value="accepted">{t('commissions.status.accepted')}</option>
            <option value="rejected">{t('commissions.status.rejected')}</option>
            <option value="">{t('commissions.allStatuses')}</option>
          </select>
        </label>
        <Async
          state={disputes}
          isEmpty={(rows) => rows.length === 0}
          emptyMessage={t('commissions.noDisputes')}
        >
          {(rows) => (
            <ul className="commission-disputes">
              {rows.map((d) => (
                <DisputeItem key={d.id} dispute={d} onResolved={disputes.reload} />
              ))}
            </ul>
          )}
        </Async>
      </Panel>
    </div>
  );
}

function DisputeItem({ dispute: d, onResolved }: { dispute: Dispute; onResolved: () => void }) {
  const { fmt } = useWorkspace();
  const [form, setForm] = useState({
    decision: 'accepted' as 'accepted' | 'rejected',
    resolution: '',
    adjustment: '',
  });
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  async function submit(e: FormEvent) {
    e.preventDefault();
    const adjustmentMinor =
      form.adjustment.trim() === '' ? undefined : textToScaled(form.adjustment, fmt.currencyDigits);
    if (adjustmentMinor === null) {
      setSave({ kind: 'failed', error: new Error(t('commissions.badAmount', { value: form.adjustment })) });
      return;
    }
    const body = {
      decision: form.decision,
      resolution: form.resolution,
      ...(adjustmentMinor === undefined ? {} : { adjustmentMinor }),
    };
    if (await runSave(setSave, () => resolveDispute(d.id, body))) onResolved();
  }
  return (
    <li data-dispute={d.id}>
      <p>
        <Link to={`/commissions/statements/${d.statementId}`}>
          {t('commissions.statementNo', { id: d.statementId })}
        </Link>{' '}
        · {d.personName} · {d.periodKey} · {d.raisedByName} · {fmt.dateTime(d.createdAt)}{' '}
        <StatusPill status={d.status} />
      </p>
      <blockquote>
        <UserText>{d.comment}</UserText>
      </blockquote>
      {d.resolution && (
        <p>{tNodes('commissions.resolution', {}, { text: <UserText>{d.resolution}</UserText> })}</p>
      )}
      {d.status === 'open' && (
        <form className="form-grid" onSubmit={(e) => void submit(e)}>
          <label>
            {t('commissions.decision')}
            <select
              value={form.decision}
              onChange={(e) => setForm({ ...form, decision: e.target.value as 'accepted' | 'rejected' })}
            >
              <option value="accepted">{t('commissions.status.accepted')}</option>
              <option value="rejected">{t('commissions.status.rejected')}</option>
            </select>
          </label>
          <label>
            {t('commissions.resolutionText')}
            <textarea
              required
              maxLength={4000}
              value={form.resolution}
              onChange={(e) => setForm({ ...form, resolution: e.target.value })}
            />
          </label>
          {form.decision === 'accepted' && (
            <label>
              {t('commissions.adjustmentAmount', { currency: fmt.currency })}
              <input
                inputMode="decimal"
                value={form.adjustment}
                onChange={(e) => setForm({ ...form, adjustment: e.target.value })}
              />
            </label>
          )}
          <div className="form-actions">
            <button type="submit">{t('commissions.resolve')}</button>
            <SaveStatus state={save} />
          </div>
        </form>
      )}
    </li>
  );
}
