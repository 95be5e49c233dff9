import { useState, type FormEvent } from 'react';
import { getMetricDefinitions } from '../../api/metrics.ts';
import { createPlan } from '../../api/plans.ts';
import { useApi } from '../../api/use-api.ts';
import { runSave, SaveStatus, type SaveState } from '../../components/SaveStatus.tsx';
import { t } from '../../i18n/t.ts';

interface TargetRow {
  metricId: string;
  comparison: 'at_least' | 'at_most';
  cadence: 'plan' | 'weekly';
  mode: 'absolute' | 'relative';
  value: string;
  unit: 'points' | 'percent';
  baselinePeriod: string;
}

const emptyTarget = (): TargetRow => ({
  metricId: 'calls',
  comparison: 'at_least',
  cadence: 'weekly',
  mode: 'absolute',
  value: '',
  unit: 'percent',
  baselinePeriod: '',
});

/**
 * Managers and admins create a development plan or a PIP for a rep: title, dates, one skill, one action and any
 * number of targets (absolute or relative to the rep's own baseline). The server validates and resolves them;
 * its field-level errors are shown beside the form.
 */
export function PlanCreateForm({ repId, onCreated }: { repId: number; onCreated: () => void }) {
  const metrics = useApi((signal) => getMetricDefinitions(signal), []);
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const [form, setForm] = useState({
    kind: 'pip' as 'pip' | 'development',
    title: '',
    startOn: '',
    endOn: '',
    area: 'BQ',
    skill: '',
    actionKind: 'mentoring',
    action: '',
  });
  const [targets, setTargets] = useState<TargetRow[]>([emptyTarget()]);
  const setTarget = (i: number, patch: Partial<TargetRow>) =>
    setTargets(targets.map((x, j) => (j === i ? { ...x, ...patch } : x)));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const body = {
      userId: repId,
      kind: form.kind,
      title: form.title,
      startOn: form.startOn,
      ...(form.endOn ? { endOn: form.endOn } : {}),
      skills: form.skill ? [{ area: form.area, skill: form.skill }] : [],
      actions: form.action ? [{ kind: form.actionKind, description: form.action }] : [],
      targets: targets
        .filter((x) => x.value !== '')
        .map((x) =>
          x.mode === 'absolute'
            ? { metricId: x.metricId, comparison: x.comparison, cadence: x.cadence, target: Number(x.value) }
            : {
                metricId: x.metricId,
                comparison: x.comparison,
                cadence: x.cadence,
                delta: Number(x.value),
                unit: x.unit,
                ...(x.baselinePeriod ? { baselinePeriod: x.baselinePeriod } : {}),
              },
        ),
    };
    if (await runSave(setSave, () => createPlan(body))) {
      setForm({ ...form, title: '', skill: '', action: '' });
      setTargets([emptyTarget()]);
      onCreated();
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} data-testid="plan-create-form">
      <h3>{t('plans.create')}</h3>
      <div className="form-grid">
        <label>
          {t('plans.kind')}
          <select
            name="kind"
            value={form.kind}
            onChange={(e) => setForm({ ...form, kind: e.target.value as 'pip' | 'development' })}
          >
            <option value="pip">{t('plans.kind.pip')}</option>
            <option value="development">{t('plans.kind.development')}</option>
          </select>
        </label>
        <label>
          {t('plans.titleField')}
          <input
            name="title"
            required
            maxLength={200}
            value={form.title}
            onChange={(e) => setForm({ ...form, title: e.target.value })}
          />
        </label>
        <label>
          {t('plans.start')}
          <input
            name="startOn"
            type="date"
            required
            value={form.startOn}
            onChange={(e) => setForm({ ...form, startOn: e.target.value })}
          />
        </label>
        <label>
          {t('plans.end')}
          <input
            name="endOn"
            type="date"
            value={form.endOn}
            onChange={(e) => setForm({ ...form, endOn: e.target.value })}
          />
        </label>
        <label>
          {t('plans.skillArea')}
          <select value={form.area} onChange={(e) => setForm({ ...form, area: e.target.value })}>
            <option value="IQ">IQ</option>
            <option value="EQ">EQ</option>
            <option value="BQ">BQ</option>
          </select>
        </label>
        <label>
          {t('plans.skill')}
          <input
            value={form.skill}
            maxLength={200}
            onChange={(e) => setForm({ ...form, skill: e.target.value })}
          />
        </label>
        <label>
          {t('plans.actionKind')}
          <select value={form.actionKind} onChange={(e) => setForm({ ...form, actionKind: e.target.value })}>
            {['training', 'mentoring', 'reading', 'shadowing'].map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('plans.actionText')}
          <input
            value={form.action}
            maxLength={500}
            onChange={(e) => setForm({ ...form, action: e.target.value })}
          />
        </label>
      </div>
      <h4>{t('plans.targets')}</h4>
      {targets.map((x, i) => (
        <div className="form-grid" key={i} data-testid={`plan-target-${i}`}>
          <label>
            {t('plans.metric')}
            <select
              name="metricId"
              value={x.metricId}
              onChange={(e) => setTarget(i, { metricId: e.target.value })}
            >
              {(metrics.data ?? [{ id: x.metricId, label: x.metricId }]).map((m) => (
                <option key={m.id} value={m.id}>
                  {m.label}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('plans.comparison')}
            <select
              value={x.comparison}
              onChange={(e) => setTarget(i, { comparison: e.target.value as TargetRow['comparison'] })}
            >
              <option value="at_least">{t('plans.atLeast')}</option>
              <option value="at_most">{t('plans.atMost')}</option>
            </select>
          </label>
          <label>
            {t('plans.cadence')}
            <select
              name="cadence"
              value={x.cadence}
              onChange={(e) => setTarget(i, { cadence: e.target.value as TargetRow['cadence'] })}
            >
              <option value="weekly">{t('plans.cadence.weekly')}</option>
              <option value="plan">{t('plans.cadence.plan')}</option>
            </select>
          </label>
          <label>
            {t('plans.mode')}
            <select
              name="mode"
              value={x.mode}
              onChange={(e) => setTarget(i, { mode: e.target.value as TargetRow['mode'] })}
            >
              <option value="absolute">{t('plans.mode.absolute')}</option>
              <option value="relative">{t('plans.mode.relative')}</option>
            </select>
          </label>
          <label>
            {t('plans.value')}
            <input
              name="value"
              type="number"
              step="any"
              value={x.value}
              onChange={(e) => setTarget(i, { value: e.target.value })}
            />
          </label>
          {x.mode === 'relative' && (
            <>
              <label>
                {t('plans.unit')}
                <select
                  value={x.unit}
                  onChange={(e) => setTarget(i, { unit: e.target.value as TargetRow['unit'] })}
                >
                  <option value="percent">{t('plans.unit.percent')}</option>
                  <option value="points">{t('plans.unit.points')}</option>
                </select>
              </label>
              <label>
                {t('plans.baseline')}
                <input
                  value={x.baselinePeriod}
                  placeholder="2026-Q3"
                  onChange={(e) => setTarget(i, { baselinePeriod: e.target.value })}
                />
              </label>
            </>
          )}
        </div>
      ))}
      <div className="form-actions">
        <button type="button" className="secondary" onClick={() => setTargets([...targets, emptyTarget()])}>
          +
        </button>
        <button type="submit">{t('plans.createPlan')}</button>
        <SaveStatus state={save} />
      </div>
    </form>
  );
}
