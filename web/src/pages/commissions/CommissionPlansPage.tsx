import { useState, type FormEvent } from 'react';
import { addAssignment, deleteAssignment, getCommissionPlans } from '../../api/commissions.ts';
import { getUsers } from '../../api/people.ts';
import type { CommissionAssignment, CommissionPlan, PlanRules } from '../../api/types/commissions.ts';
import { useApi } from '../../api/use-api.ts';
import { useSession } from '../../auth/session.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { Panel } from '../../components/panel.tsx';
import { runSave, SaveStatus, type SaveState } from '../../components/SaveStatus.tsx';
import { Async } from '../../components/state.tsx';
import type { Formatters } from '../../format/formatters.ts';
import { useWorkspace } from '../../format/workspace.tsx';
import { t } from '../../i18n/t.ts';
import { CommissionsNav } from './CommissionsNav.tsx';
import { rateText, useFormattersIn } from './money.ts';
import { textToScaled } from './rules-form.ts';
import { digitsOf, PlanCreateForm, VersionForm } from './RulesForms.tsx';

/**
 * /commissions/plans: plans with their versions and assignments. Admins create plans, add versions (the rules
 * editor) and assign people; managers read them all; a rep sees the plans they are on.
 */
export function CommissionPlansPage() {
  const { me } = useSession();
  const isAdmin = me?.role === 'admin';
  const plans = useApi((signal) => getCommissionPlans(signal), []);
  const [selected, setSelected] = useState<number | null>(null);
  const [creating, setCreating] = useState(false);
  return (
    <div className="page">
      <h1>{t('commissions.plansTitle')}</h1>
      <CommissionsNav />
      <Panel
        title={t('commissions.plans')}
        wide
        testId="commission-plans"
        actions={
          isAdmin && (
            <button type="button" className="secondary" onClick={() => setCreating(!creating)}>
              {t('commissions.newPlan')}
            </button>
          )
        }
      >
        {creating && (
          <PlanCreateForm
            onCreated={() => {
              setCreating(false);
              plans.reload();
            }}
          />
        )}
        <Async state={plans} isEmpty={(rows) => rows.length === 0} emptyMessage={t('commissions.noPlans')}>
          {(rows) => (
            <>
              <DataTable<CommissionPlan>
                caption={t('commissions.plans')}
                testId="commission-plans-table"
                rows={rows}
                rowKey={(p) => p.id}
                columns={[
                  {
                    key: 'name',
                    header: t('commissions.planName'),
                    cell: (p) => (
                      <button type="button" className="link-button" onClick={() => setSelected(p.id)}>
                        {p.name}
                      </button>
                    ),
                  },
                  {
                    key: 'description',
                    header: t('commissions.description'),
                    cell: (p) => p.description,
                  },
                  {
                    key: 'versions',
                    header: t('commissions.versions'),
                    numeric: true,
                    cell: (p) => p.versions.length,
                  },
                  {
                    key: 'people',
                    header: t('commissions.assignments'),
                    numeric: true,
                    cell: (p) => p.assignments.length,
                  },
                  {
                    key: 'archived',
                    header: t('commissions.statusHeader'),
                    cell: (p) => (p.archived ? t('commissions.archived') : t('commissions.active')),
                  },
                ]}
              />
              {rows
                .filter((p) => p.id === selected)
                .map((p) => (
                  <PlanDetail key={p.id} plan={p} isAdmin={isAdmin} onChange={plans.reload} />
                ))}
            </>
          )}
        </Async>
      </Panel>
    </div>
  );
}

/** The rules in one line: tiers, type rates and the optional rules that are set. */
export function rulesSummary(rules: PlanRules, fmt: Formatters): string {
  const parts = [
    `${t(`commissions.planPeriod.${rules.period}`)} · ${rules.currency} · ${t(`commissions.tierMode.${rules.tierMode}`)} · ${t(`commissions.creditOn.${rules.creditOn}`)}`,
    rules.tiers.map((x) => `≥${fmt.percent(x.fromPct / 100)}: ${rateText(fmt, x.rateBp)}`).join(', '),
    ...Object.entries(rules.typeRates).map(([type, bp]) => `${type} ${rateText(fmt, bp ?? null)}`),
  ];
  if (rules.capMinor !== null) parts.push(`${t('commissions.cap')} ${fmt.money(rules.capMinor)}`);
  for (const b of rules.bonuses)
    parts.push(`${b.label} @${fmt.percent(b.atPct / 100)} ${fmt.money(b.amountMinor)}`);
  for (const s of rules.spifs) parts.push(`SPIF ${s.label} ${fmt.money(s.amountMinor)}`);
  if (rules.draw) parts.push(`${t('commissions.draw')} ${fmt.money(rules.draw.amountMinor)}`);
  if (rules.ramp) parts.push(t('commissions.ramp'));
  if (rules.rollUp) parts.push(t('commissions.rollUp'));
  if (rules.clawbackDays !== null) parts.push(t('commissions.clawbackAfter', { days: rules.clawbackDays }));
  return parts.join(' · ');
}

function PlanDetail({
  plan,
  isAdmin,
  onChange,
}: {
  plan: CommissionPlan;
  isAdmin: boolean;
  onChange: () => void;
}) {
  const latest = [...plan.versions].sort((a, b) => b.version - a.version)[0];
  const fmt = useFormattersIn(latest?.rules.currency);
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  return (
    <article className="plan-card" data-testid={`commission-plan-${plan.id}`}>
      <h3>{plan.name}</h3>
      <h4>{t('commissions.versions')}</h4>
      <ul>
        {plan.versions.map((v) => (
          <li key={v.id}>
            <strong>
              {t('commissions.versionFrom', { version: v.version, from: fmt.date(v.effectiveFrom) })}
            </strong>{' '}
            {rulesSummary(v.rules, fmt)}
          </li>
        ))}
      </ul>
      <h4>{t('commissions.assignments')}</h4>
      <DataTable<CommissionAssignment>
        caption={t('commissions.assignments')}
        testId={`commission-plan-${plan.id}-assignments`}
        rows={plan.assignments}
        rowKey={(a) => a.id}
        columns={[
          { key: 'person', header: t('commissions.person'), cell: (a) => a.userName },
          { key: 'from', header: t('commissions.from'), cell: (a) => fmt.date(a.effectiveFrom) },
          {
            key: 'to',
            header: t('commissions.to'),
            cell: (a) => (a.effectiveTo ? fmt.date(a.effectiveTo) : t('commissions.open')),
          },
          {
            key: 'target',
            header: t('commissions.targetOverride'),
            numeric: true,
            cell: (a) => (a.targetMinor === null ? t('commissions.fromQuota') : fmt.money(a.targetMinor)),
          },
          ...(isAdmin
            ? [
                {
                  key: 'remove',
                  header: '',
                  cell: (a: CommissionAssignment) => (
                    <button
                      type="button"
                      className="link-button"
                      onClick={() =>
                        void runSave(setSave, () => deleteAssignment(a.id)).then((ok) => ok && onChange())
                      }
                    >
                      {t('commissions.remove')}
                    </button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <SaveStatus state={save} />
      {isAdmin && (
        <AssignmentForm
          planId={plan.id}
          currency={latest?.rules.currency ?? fmt.currency}
          onSaved={onChange}
        />
      )}
      {isAdmin && latest && <VersionForm planId={plan.id} from={latest.rules} onSaved={onChange} />}
    </article>
  );
}

function AssignmentForm({
  planId,
  currency,
  onSaved,
}: {
  planId: number;
  currency: string;
  onSaved: () => void;
}) {
  const { fmt } = useWorkspace();
  const users = useApi((signal) => getUsers(signal), []);
  const [form, setForm] = useState({ userId: '', effectiveFrom: '', effectiveTo: '', target: '' });
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  async function submit(e: FormEvent) {
    e.preventDefault();
    const targetMinor =
      form.target.trim() === '' ? undefined : textToScaled(form.target, digitsOf(fmt.locale, currency));
    if (targetMinor === null) {
      setSave({ kind: 'failed', error: new Error(t('commissions.badAmount', { value: form.target })) });
      return;
    }
    const body = {
      userId: Number(form.userId),
      planId,
      effectiveFrom: form.effectiveFrom,
      ...(form.effectiveTo ? { effectiveTo: form.effectiveTo } : {}),
      ...(targetMinor === undefined ? {} : { targetMinor }),
    };
    if (await runSave(setSave, () => addAssignment(body))) {
      setForm({ userId: '', effectiveFrom: '', effectiveTo: '', target: '' });
      onSaved();
    }
  }
  return (
    <form className="form-grid" onSubmit={(e) => void submit(e)} data-testid="commission-assign-form">
      <label>
        {t('commissions.person')}
        <select required value={form.userId} onChange={(e) => setForm({ ...form, userId: e.target.value })}>
          <option value="">—</option>
          {(users.data ?? [])
            .filter((u) => u.active)
            .map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
        </select>
      </label>
      <label>
        {t('commissions.from')}
        <input
          type="date"
          required
          value={form.effectiveFrom}
          onChange={(e) => setForm({ ...form, effectiveFrom: e.target.value })}
        />
      </label>
      <label>
        {t('commissions.toOptional')}
        <input
          type="date"
          value={form.effectiveTo}
          onChange={(e) => setForm({ ...form, effectiveTo: e.target.value })}
        />
      </label>
      <label>
        {t('commissions.targetOverrideIn', { currency })}
        <input
          inputMode="decimal"
          value={form.target}
          placeholder={t('commissions.fromQuota')}
          onChange={(e) => setForm({ ...form, target: e.target.value })}
        />
      </label>
      <div className="form-actions">
        <button type="submit">{t('commissions.assign')}</button>
        <SaveStatus state={save} />
      </div>
    </form>
  );
}
