import { useState, type FormEvent } from 'react';
import { addPlanVersion, createCommissionPlan } from '../../api/commissions.ts';
import type { PlanRules } from '../../api/types/commissions.ts';
import { runSave, SaveStatus, type SaveState } from '../../components/SaveStatus.tsx';
import { currencyDigits } from '../../format/formatters.ts';
import { useWorkspace } from '../../format/workspace.tsx';
import { t } from '../../i18n/t.ts';
import { RulesEditor } from './RulesEditor.tsx';
import { defaultRulesForm, formToRules, rulesToForm, type RulesForm } from './rules-form.ts';

/** Minor-unit digits of the currency typed in the form (2 until it is a currency Intl knows). */
export function digitsOf(locale: string, currency: string): number {
  try {
    return currencyDigits(locale, currency.trim().toUpperCase());
  } catch {
    return 2;
  }
}

/** The rules in the form, or a failed save naming every field that is not a number. */
export function rulesOrFail(form: RulesForm, locale: string, set: (s: SaveState) => void): PlanRules | null {
  const result = formToRules(form, digitsOf(locale, form.currency));
  if (result.ok) return result.rules;
  set({ kind: 'failed', error: new Error(result.errors.join('; ')) });
  return null;
}

/** Admins create a plan: its name, version 1's first day and rules. */
export function PlanCreateForm({ onCreated }: { onCreated: () => void }) {
  const { fmt } = useWorkspace();
  const [head, setHead] = useState({ name: '', description: '', effectiveFrom: '' });
  const [rules, setRules] = useState<RulesForm>(() => defaultRulesForm(fmt.currency));
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  async function submit(e: FormEvent) {
    e.preventDefault();
    const parsed = rulesOrFail(rules, fmt.locale, setSave);
    if (!parsed) return;
    const body = {
      name: head.name,
      effectiveFrom: head.effectiveFrom,
      rules: parsed,
      ...(head.description.trim() ? { description: head.description } : {}),
    };
    if (await runSave(setSave, () => createCommissionPlan(body))) {
      setHead({ name: '', description: '', effectiveFrom: '' });
      onCreated();
    }
  }
  return (
    <form onSubmit={(e) => void submit(e)} data-testid="commission-plan-create">
      <div className="form-grid">
        <label>
          {t('commissions.planName')}
          <input
            required
            maxLength={200}
            value={head.name}
            onChange={(e) => setHead({ ...head, name: e.target.value })}
          />
        </label>
        <label>
          {t('commissions.description')}
          <input
            maxLength={2000}
            value={head.description}
            onChange={(e) => setHead({ ...head, description: e.target.value })}
          />
        </label>
        <label>
          {t('commissions.effectiveFrom')}
          <input
            type="date"
            required
            value={head.effectiveFrom}
            onChange={(e) => setHead({ ...head, effectiveFrom: e.target.value })}
          />
        </label>
      </div>
      <RulesEditor value={rules} onChange={setRules} />
      <div className="form-actions">
        <button type="submit">{t('commissions.createPlan')}</button>
        <SaveStatus state={save} />
      </div>
    </form>
  );
}

/** Admins add a version to a plan, starting from the latest version's rules. */
export function VersionForm({
  planId,
  from,
  onSaved,
}: {
  planId: number;
  from: PlanRules;
  onSaved: () => void;
}) {
  const { fmt } = useWorkspace();
  const [effectiveFrom, setEffectiveFrom] = useState('');
  const [rules, setRules] = useState<RulesForm>(() => rulesToForm(from, digitsOf(fmt.locale, from.currency)));
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  async function submit(e: FormEvent) {
    e.preventDefault();
    const parsed = rulesOrFail(rules, fmt.locale, setSave);
    if (parsed && (await runSave(setSave, () => addPlanVersion(planId, { effectiveFrom, rules: parsed }))))
      onSaved();
  }
  return (
    <form onSubmit={(e) => void submit(e)} data-testid="commission-version-form">
      <h3>{t('commissions.newVersion')}</h3>
      <label>
        {t('commissions.effectiveFrom')}
        <input
          type="date"
          required
          value={effectiveFrom}
          onChange={(e) => setEffectiveFrom(e.target.value)}
        />
      </label>
      <RulesEditor value={rules} onChange={setRules} />
      <div className="form-actions">
        <button type="submit">{t('commissions.saveVersion')}</button>
        <SaveStatus state={save} />
      </div>
    </form>
  );
}
