import { useState, type FormEvent } from 'react';
import { getMetricDefinitions } from '../../api/metrics.ts';
import { getUsers } from '../../api/people.ts';
import { createPlan } from '../../api/plans.ts';
import { useApi } from '../../api/use-api.ts';
import { runSave, SaveStatus, type SaveState } from '../../components/SaveStatus.tsx';
import { t } from '../../i18n/t.ts';
import { metricLabel } from '../../i18n/metric-label.ts';

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

const ACTION_KINDS = ['training', 'mentoring', 'reading', 'shadowing'] as const;

interface SkillRow {
  area: 'IQ' | 'EQ' | 'BQ';
  skill: string;
}
const emptySkill = (): SkillRow => ({ area: 'BQ', skill: '' });

/** An action being written; owner id and due date stay text until the plan is saved. */
interface ActionRow {
  kind: (typeof ACTION_KINDS)[number];
  description: string;
  ownerId: string;
  dueOn: string;
}
const emptyAction = (): ActionRow => ({ kind: 'mentoring', description: '', ownerId: '', dueOn: '' });

/**
 * Managers and admins create a development plan or a PIP for a rep: title, dates, any number of skills (IQ / EQ /
 * BQ), actions (with an owner and a due date) and targets (absolute or relative to the rep's own baseline). The server validates and resolves them;
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
  });
  const users = useApi((signal) => getUsers(signal), []);
  const [skills, setSkills] = useState<SkillRow[]>([emptySkill()]);
  const [actions, setActions] = useState<ActionRow[]>([emptyAction()]);
  const setSkill = (i: number, patch: Partial<SkillRow>) =>
    setSkills(skills.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  const setAction = (i: number, patch: Partial<ActionRow>) =>
    setActions(actions.map((x, j) => (j === i ? { ...x, ...patch } : x)));
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
      skills: skills.filter((x) => x.skill.trim() !== '').map((x) => ({ area: x.area, skill: x.skill })),
      actions: actions
        .filter((x) => x.description.trim() !== '')
        .map((x) => ({
          kind: x.kind,
          description: x.description,
          ...(x.ownerId ? { ownerId: Number(x.ownerId) } : {}),
          ...(x.dueOn ? { dueOn: x.dueOn } : {}),
        })),
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
      setForm({ ...form, title: '' });
      setSkills([emptySkill()]);
      setActions([emptyAction()]);
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
      </div>
      <h4>{t('plans.skills')}</h4>
      {skills.map((x, i) => (
        <div className="form-grid" key={i} data-testid={`plan-skill-${i}`}>
          <label>
            {t('plans.skillArea')}
            <select
              value={x.area}
              onChange={(e) => setSkill(i, { area: e.target.value as SkillRow['area'] })}
            >
              <option value="IQ">{t('plans.area.IQ')}</option>
              <option value="EQ">{t('plans.area.EQ')}</option>
              <option value="BQ">{t('plans.area.BQ')}</option>
            </select>
          </label>
          <label>
            {t('plans.skill')}
            <input value={x.skill} maxLength={200} onChange={(e) => setSkill(i, { skill: e.target.value })} />
          </label>
        </div>
      ))}
      <button type="button" className="secondary" onClick={() => setSkills([...skills, emptySkill()])}>
        {t('plans.addSkill')}
      </button>
      <h4>{t('plans.actions')}</h4>
      {actions.map((x, i) => (
        <div className="form-grid" key={i} data-testid={`plan-action-${i}`}>
          <label>
            {t('plans.actionKind')}
            <select
              value={x.kind}
              onChange={(e) => setAction(i, { kind: e.target.value as ActionRow['kind'] })}
            >
              {ACTION_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`plans.actionKind.${k}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('plans.actionText')}
            <input
              value={x.description}
              maxLength={500}
              onChange={(e) => setAction(i, { description: e.target.value })}
            />
          </label>
          <label>
            {t('plans.actionOwner')}
            <select value={x.ownerId} onChange={(e) => setAction(i, { ownerId: e.target.value })}>
              <option value="">{t('plans.actionNoOwner')}</option>
              {(users.data ?? []).map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('plans.actionDue')}
            <input type="date" value={x.dueOn} onChange={(e) => setAction(i, { dueOn: e.target.value })} />
          </label>
        </div>
      ))}
      <button type="button" className="secondary" onClick={() => setActions([...actions, emptyAction()])}>
        {t('plans.addAction')}
      </button>
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
                  {metricLabel(m)}
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
