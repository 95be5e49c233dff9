import { DEAL_TYPES, type DealType } from '../../../../src/domain/commissions/types.ts';
import { t } from '../../i18n/t.ts';
import { emptyBonus, emptySpif, emptyTier, type RulesForm } from './rules-form.ts';

/**
 * The fields of a plan version's rules: tiers, tier mode, when a deal counts, per-type rates, what counts to
 * attainment, cap, bonuses, SPIFs, draw, ramp, roll-up, clawback, currency and period. Money in major units of
 * the plan's currency, rates in percent; rules-form.ts turns them into the API's integers.
 */
export function RulesEditor({
  value: f,
  onChange,
}: {
  value: RulesForm;
  onChange: (next: RulesForm) => void;
}) {
  const set = (patch: Partial<RulesForm>) => onChange({ ...f, ...patch });
  const setRow = <K extends 'tiers' | 'bonuses' | 'spifs'>(
    key: K,
    i: number,
    patch: Partial<RulesForm[K][number]>,
  ) => set({ [key]: f[key].map((x, j) => (j === i ? { ...x, ...patch } : x)) } as Partial<RulesForm>);
  const removeRow = (key: 'tiers' | 'bonuses' | 'spifs', i: number) =>
    set({ [key]: f[key].filter((_, j) => j !== i) } as Partial<RulesForm>);
  const typeName = (x: DealType) => t(`commissions.dealType.${x}`);
  return (
    <fieldset className="rules-editor" data-testid="rules-editor">
      <legend>{t('commissions.rules')}</legend>
      <div className="form-grid">
        <label>
          {t('commissions.currency')}
          <input
            value={f.currency}
            maxLength={3}
            required
            onChange={(e) => set({ currency: e.target.value })}
          />
        </label>
        <label>
          {t('commissions.planPeriod')}
          <select value={f.period} onChange={(e) => set({ period: e.target.value as RulesForm['period'] })}>
            <option value="month">{t('commissions.planPeriod.month')}</option>
            <option value="quarter">{t('commissions.planPeriod.quarter')}</option>
            <option value="year">{t('commissions.planPeriod.year')}</option>
          </select>
        </label>
        <label>
          {t('commissions.creditOn')}
          <select
            value={f.creditOn}
            onChange={(e) => set({ creditOn: e.target.value as RulesForm['creditOn'] })}
          >
            <option value="close">{t('commissions.creditOn.close')}</option>
            <option value="paid">{t('commissions.creditOn.paid')}</option>
          </select>
        </label>
        <label>
          {t('commissions.tierMode')}
          <select
            value={f.tierMode}
            onChange={(e) => set({ tierMode: e.target.value as RulesForm['tierMode'] })}
          >
            <option value="marginal">{t('commissions.tierMode.marginal')}</option>
            <option value="retroactive">{t('commissions.tierMode.retroactive')}</option>
          </select>
        </label>
      </div>
      <h4>{t('commissions.tiers')}</h4>
      {f.tiers.map((x, i) => (
        <div className="form-grid" key={i} data-testid={`rules-tier-${i}`}>
          <label>
            {t('commissions.tierFrom')}
            <input
              inputMode="decimal"
              value={x.fromPct}
              onChange={(e) => setRow('tiers', i, { fromPct: e.target.value })}
            />
          </label>
          <label>
            {t('commissions.ratePct')}
            <input
              inputMode="decimal"
              value={x.ratePct}
              onChange={(e) => setRow('tiers', i, { ratePct: e.target.value })}
            />
          </label>
          <button type="button" className="secondary" onClick={() => removeRow('tiers', i)}>
            {t('commissions.remove')}
          </button>
        </div>
      ))}
      <button type="button" className="secondary" onClick={() => set({ tiers: [...f.tiers, emptyTier()] })}>
        {t('commissions.addTier')}
      </button>
      <h4>{t('commissions.typeRates')}</h4>
      <div className="form-grid">
        {DEAL_TYPES.map((type) => (
          <label key={type}>
            {t('commissions.typeRateFor', { type: typeName(type) })}
            <input
              inputMode="decimal"
              value={f.typeRates[type]}
              placeholder={t('commissions.onTiers')}
              onChange={(e) => set({ typeRates: { ...f.typeRates, [type]: e.target.value } })}
            />
          </label>
        ))}
      </div>
      <fieldset className="checklist">
        <legend>{t('commissions.attainmentTypes')}</legend>
        {DEAL_TYPES.map((type) => (
          <label key={type}>
            <input
              type="checkbox"
              checked={f.attainmentTypes.includes(type)}
              onChange={(e) =>
                set({
                  attainmentTypes: e.target.checked
                    ? [...f.attainmentTypes, type]
                    : f.attainmentTypes.filter((x) => x !== type),
                })
              }
            />
            {typeName(type)}
          </label>
        ))}
      </fieldset>
      <div className="form-grid">
        <label>
          {t('commissions.cap')}
          <input
            inputMode="decimal"
            value={f.cap}
            placeholder={t('commissions.none.short')}
            onChange={(e) => set({ cap: e.target.value })}
          />
        </label>
        <label>
          {t('commissions.drawAmount')}
          <input
            inputMode="decimal"
            value={f.drawAmount}
            placeholder={t('commissions.none.short')}
            onChange={(e) => set({ drawAmount: e.target.value })}
          />
        </label>
        <label>
          {t('commissions.clawbackDays')}
          <input
            inputMode="numeric"
            value={f.clawbackDays}
            placeholder={t('commissions.none.short')}
            onChange={(e) => set({ clawbackDays: e.target.value })}
          />
        </label>
      </div>
      <fieldset className="checklist">
        <legend>{t('commissions.options')}</legend>
        <label>
          <input
            type="checkbox"
            checked={f.drawRecoverable}
            onChange={(e) => set({ drawRecoverable: e.target.checked })}
          />
          {t('commissions.drawRecoverable')}
        </label>
        <label>
          <input type="checkbox" checked={f.ramp} onChange={(e) => set({ ramp: e.target.checked })} />
          {t('commissions.ramp')}
        </label>
        <label>
          <input type="checkbox" checked={f.rollUp} onChange={(e) => set({ rollUp: e.target.checked })} />
          {t('commissions.rollUp')}
        </label>
      </fieldset>
      <h4>{t('commissions.bonuses')}</h4>
      {f.bonuses.map((x, i) => (
        <div className="form-grid" key={i} data-testid={`rules-bonus-${i}`}>
          <label>
            {t('commissions.label')}
            <input value={x.label} onChange={(e) => setRow('bonuses', i, { label: e.target.value })} />
          </label>
          <label>
            {t('commissions.bonusAt')}
            <input
              inputMode="decimal"
              value={x.atPct}
              onChange={(e) => setRow('bonuses', i, { atPct: e.target.value })}
            />
          </label>
          <label>
            {t('commissions.amountField')}
            <input
              inputMode="decimal"
              value={x.amount}
              onChange={(e) => setRow('bonuses', i, { amount: e.target.value })}
            />
          </label>
          <button type="button" className="secondary" onClick={() => removeRow('bonuses', i)}>
            {t('commissions.remove')}
          </button>
        </div>
      ))}
      <button
        type="button"
        className="secondary"
        onClick={() => set({ bonuses: [...f.bonuses, emptyBonus()] })}
      >
        {t('commissions.addBonus')}
      </button>
      <h4>{t('commissions.spifs')}</h4>
      {f.spifs.map((x, i) => (
        <div className="form-grid" key={i} data-testid={`rules-spif-${i}`}>
          <label>
            {t('commissions.label')}
            <input value={x.label} onChange={(e) => setRow('spifs', i, { label: e.target.value })} />
          </label>
          <label>
            {t('commissions.spifFrom')}
            <input
              type="date"
              value={x.from}
              onChange={(e) => setRow('spifs', i, { from: e.target.value })}
            />
          </label>
          <label>
            {t('commissions.spifTo')}
            <input type="date" value={x.to} onChange={(e) => setRow('spifs', i, { to: e.target.value })} />
          </label>
          <label>
            {t('commissions.product')}
            <input
              value={x.product}
              placeholder={t('commissions.any')}
              onChange={(e) => setRow('spifs', i, { product: e.target.value })}
            />
          </label>
          <label>
            {t('commissions.dealTypeField')}
            <select
              value={x.dealType}
              onChange={(e) => setRow('spifs', i, { dealType: e.target.value as '' | DealType })}
            >
              <option value="">{t('commissions.any')}</option>
              {DEAL_TYPES.map((type) => (
                <option key={type} value={type}>
                  {typeName(type)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('commissions.amountPerDeal')}
            <input
              inputMode="decimal"
              value={x.amount}
              onChange={(e) => setRow('spifs', i, { amount: e.target.value })}
            />
          </label>
          <button type="button" className="secondary" onClick={() => removeRow('spifs', i)}>
            {t('commissions.remove')}
          </button>
        </div>
      ))}
      <button type="button" className="secondary" onClick={() => set({ spifs: [...f.spifs, emptySpif()] })}>
        {t('commissions.addSpif')}
      </button>
    </fieldset>
  );
}
