import { useState, type FormEvent } from 'react';
import { addCheckIn, recordOutcome } from '../../api/plans.ts';
import type { Plan, PlanStatusValue, PlanTargetStatus, PlanWindow } from '../../api/types/plans.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { runSave, SaveStatus, type SaveState } from '../../components/SaveStatus.tsx';
import { formatMetric } from '../../format/metric-value.ts';
import { useWorkspace } from '../../format/workspace.tsx';
import type { MessageKey } from '../../i18n/en.ts';
import { t } from '../../i18n/t.ts';
import { metricLabel } from '../../i18n/metric-label.ts';
import { UserText } from '../../i18n/t-nodes.tsx';

const PILL: Record<PlanStatusValue, string> = {
  not_started: 'pill',
  on_track: 'pill good',
  met: 'pill good',
  behind: 'pill bad',
  not_met: 'pill bad',
  no_data: 'pill warn',
};

/** A status as a coloured pill; the status itself always comes from the API. */
export function PlanStatusPill({ status }: { status: PlanStatusValue }) {
  return (
    <span className={PILL[status]} data-status={status}>
      {t(`plans.status.${status}` as MessageKey)}
    </span>
  );
}

/** The window a target is judged on now: the running week (or the last one once over). */
function currentWindow(target: PlanTargetStatus): PlanWindow | undefined {
  return (
    target.windows.find((w) => w.status === 'on_track' || w.status === 'behind' || w.status === 'no_data') ??
    [...target.windows].reverse().find((w) => w.status !== 'not_started') ??
    target.windows[0]
  );
}

/** The last day of a window the API gives as [start, endExclusive): display only, the dates come from the API. */
function lastDay(endExclusive: string): string {
  return new Date(Date.parse(`${endExclusive}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

const OUTCOMES: Record<Plan['kind'], string[]> = {
  pip: ['passed', 'extended', 'failed', 'withdrawn'],
  development: ['completed', 'withdrawn'],
};

/**
 * One plan: dates, state and outcome, every target with the server's expected-so-far, actual and status (weekly
 * targets per week), skills, actions and check-ins; the rep and their managers add check-ins, managers record
 * the outcome.
 */
export function PlanCard({
  plan,
  canCheckIn,
  canManage,
  onChange,
}: {
  plan: Plan;
  canCheckIn: boolean;
  canManage: boolean;
  onChange: () => void;
}) {
  const { fmt } = useWorkspace();
  const [note, setNote] = useState('');
  const [outcome, setOutcome] = useState({ outcome: OUTCOMES[plan.kind][0]!, note: '', newEndOn: '' });
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const value = (unit: PlanTargetStatus['unit'], v: number | null) => formatMetric(fmt, unit, v);
  const open = plan.state === 'open';

  async function submitCheckIn(e: FormEvent) {
    e.preventDefault();
    if (await runSave(setSave, () => addCheckIn(plan.id, note))) {
      setNote('');
      onChange();
    }
  }
  async function submitOutcome(e: FormEvent) {
    e.preventDefault();
    const body = {
      outcome: outcome.outcome,
      note: outcome.note,
      ...(outcome.outcome === 'extended' ? { newEndOn: outcome.newEndOn } : {}),
    };
    if (await runSave(setSave, () => recordOutcome(plan.id, body))) onChange();
  }

  return (
    <article className="plan-card" data-testid={`plan-${plan.id}`}>
      <h3>
        {plan.title} <span className="pill">{t(`plans.kind.${plan.kind}` as MessageKey)}</span>{' '}
        <PlanStatusPill status={plan.status.status} />
      </h3>
      <p>
        <bdi>{plan.userName}</bdi> ·{' '}
        {t('plans.dates', { start: fmt.date(plan.startOn), end: fmt.date(plan.endOn) })} ·{' '}
        {t(`plans.state.${plan.state}` as MessageKey)} ·{' '}
        {t('plans.asOf', { date: fmt.date(plan.status.asOf) })}
        {plan.outcome && (
          <> · {t('plans.outcome', { outcome: t(`plans.outcomeValue.${plan.outcome}` as MessageKey) })}</>
        )}
      </p>
      {plan.summary && <p>{plan.summary}</p>}
      {plan.status.targets.length > 0 && (
        <DataTable<PlanTargetStatus>
          caption={t('plans.targets')}
          testId={`plan-${plan.id}-targets`}
          rows={plan.status.targets}
          rowKey={(r) => r.targetId}
          columns={[
            {
              key: 'metric',
              header: t('plans.metric'),
              cell: (r) => metricLabel({ id: r.metricId, label: r.metricLabel }),
            },
            {
              key: 'target',
              header: t('plans.target'),
              numeric: true,
              cell: (r) => {
                const stored = plan.targets.find((x) => x.id === r.targetId);
                const v = `${r.comparison === 'at_least' ? '≥' : '≤'} ${value(r.unit, r.resolvedTarget)}`;
                const shown = r.cadence === 'weekly' ? t('plans.perWeek', { value: v }) : v;
                const rel = stored?.relative;
                return (
                  <span
                    title={
                      rel
                        ? t('plans.relative', {
                            delta: rel.delta,
                            unit: t(`plans.unit.${rel.unit}` as MessageKey),
                            from: rel.baselineStart,
                            to: rel.baselineEnd,
                            baseline: value(r.unit, stored.baselineValue),
                          })
                        : undefined
                    }
                  >
                    {shown}
                  </span>
                );
              },
            },
            {
              key: 'window',
              header: t('plans.window'),
              cell: (r) => {
                const w = currentWindow(r);
                return w ? t('plans.dates', { start: w.start, end: lastDay(w.endExclusive) }) : '';
              },
            },
            {
              key: 'expected',
              header: t('plans.expected'),
              numeric: true,
              cell: (r) => value(r.unit, currentWindow(r)?.expectedToDate ?? null),
            },
            {
              key: 'actual',
              header: t('plans.actual'),
              numeric: true,
              cell: (r) => (
                <span data-testid="plan-actual">{value(r.unit, currentWindow(r)?.actual ?? null)}</span>
              ),
            },
            { key: 'status', header: t('plans.status'), cell: (r) => <PlanStatusPill status={r.status} /> },
          ]}
        />
      )}
      {plan.skills.length > 0 && (
        <>
          <h4>{t('plans.skills')}</h4>
          <ul>
            {plan.skills.map((s, i) => (
              <li key={i}>
                <strong>{s.area}</strong> {s.skill}
              </li>
            ))}
          </ul>
        </>
      )}
      {plan.actions.length > 0 && (
        <>
          <h4>{t('plans.actions')}</h4>
          <ul>
            {plan.actions.map((a, i) => (
              <li key={i}>
                {t(`plans.actionKind.${a.kind}` as MessageKey)}: {a.description}
                {a.dueOn && <> ({t('plans.due', { date: fmt.date(a.dueOn) })})</>}
                {a.doneAt && <span className="pill good">{t('plans.done')}</span>}
              </li>
            ))}
          </ul>
        </>
      )}
      <h4>{t('plans.checkIns')}</h4>
      {plan.kind === 'pip' && (
        <p data-testid={`plan-${plan.id}-weeks`}>
          {plan.status.weeks
            .filter((w) => w.started)
            .map((w) => (
              <span key={w.week} className={w.checkIns > 0 ? 'pill good' : 'pill warn'}>
                {t('plans.weekCheckIns', { week: w.week, count: w.checkIns })}
              </span>
            ))}
        </p>
      )}
      {plan.checkIns.length === 0 ? (
        <p className="state state-empty">{t('plans.noCheckIns')}</p>
      ) : (
        <ul>
          {plan.checkIns.map((c) => (
            <li key={c.id}>
              {fmt.date(c.onDate)} · {c.authorName ?? '—'}: <UserText>{c.note}</UserText>
            </li>
          ))}
        </ul>
      )}
      {open && canCheckIn && (
        <form className="form-grid" onSubmit={(e) => void submitCheckIn(e)}>
          <label>
            {t('plans.note')}
            <textarea required maxLength={4000} value={note} onChange={(e) => setNote(e.target.value)} />
          </label>
          <div className="form-actions">
            <button type="submit">{t('plans.addCheckIn')}</button>
          </div>
        </form>
      )}
      {open && canManage && (
        <form className="form-grid" onSubmit={(e) => void submitOutcome(e)}>
          <label>
            {t('plans.recordOutcome')}
            <select
              value={outcome.outcome}
              onChange={(e) => setOutcome({ ...outcome, outcome: e.target.value })}
            >
              {OUTCOMES[plan.kind].map((o) => (
                <option key={o} value={o}>
                  {t(`plans.outcomeValue.${o}` as MessageKey)}
                </option>
              ))}
            </select>
          </label>
          {outcome.outcome === 'extended' && (
            <label>
              {t('plans.newEnd')}
              <input
                type="date"
                required
                value={outcome.newEndOn}
                onChange={(e) => setOutcome({ ...outcome, newEndOn: e.target.value })}
              />
            </label>
          )}
          <label>
            {t('plans.note')}
            <input value={outcome.note} onChange={(e) => setOutcome({ ...outcome, note: e.target.value })} />
          </label>
          <div className="form-actions">
            <button type="submit" className="secondary">
              {t('plans.recordOutcome')}
            </button>
          </div>
        </form>
      )}
      <SaveStatus state={save} />
    </article>
  );
}
