import {
  DEAL_TYPES,
  type DealType,
  type PlanPeriod,
  type PlanRules,
} from '../../../../src/domain/commissions/types.ts';

/**
 * The plan rules editor works on text fields (what the inputs hold); these functions turn PlanRules into that
 * form and back. Money is typed in major units of the plan's currency and rates in percent, and both become
 * exact integers (minor units, basis points) by decimal string arithmetic, never by float multiplication.
 * The server validates the rules themselves (tier order, SPIF windows); here only the typing is checked.
 */

export interface TierRow {
  fromPct: string;
  ratePct: string;
}
export interface BonusRow {
  label: string;
  atPct: string;
  amount: string;
}
export interface SpifRow {
  label: string;
  from: string;
  to: string;
  product: string;
  dealType: '' | DealType;
  amount: string;
}

export interface RulesForm {
  currency: string;
  period: PlanPeriod;
  creditOn: PlanRules['creditOn'];
  tierMode: PlanRules['tierMode'];
  tiers: TierRow[];
  /** Percent per deal type; '' = the type is paid on the tiers. */
  typeRates: Record<DealType, string>;
  attainmentTypes: DealType[];
  /** '' = uncapped. */
  cap: string;
  bonuses: BonusRow[];
  spifs: SpifRow[];
  /** '' = no draw. */
  drawAmount: string;
  drawRecoverable: boolean;
  ramp: boolean;
  rollUp: boolean;
  /** '' = no clawback. */
  clawbackDays: string;
}

export const emptyTier = (): TierRow => ({ fromPct: '', ratePct: '' });
export const emptyBonus = (): BonusRow => ({ label: '', atPct: '', amount: '' });
export const emptySpif = (): SpifRow => ({
  label: '',
  from: '',
  to: '',
  product: '',
  dealType: '',
  amount: '',
});

/** A new plan's starting point: the brief's junior plan shape (10% from the first euro, new business counts). */
export function defaultRulesForm(currency: string): RulesForm {
  return {
    currency,
    period: 'month',
    creditOn: 'close',
    tierMode: 'marginal',
    tiers: [{ fromPct: '0', ratePct: '10' }],
    typeRates: { new_business: '', upsell: '', renewal: '' },
    attainmentTypes: ['new_business', 'upsell'],
    cap: '',
    bonuses: [],
    spifs: [],
    drawAmount: '',
    drawRecoverable: false,
    ramp: false,
    rollUp: false,
    clawbackDays: '',
  };
}

/** An integer scaled by 10^digits as a decimal string (123456, 2 -> "1234.56"; -5, 2 -> "-0.05"). */
export function scaledToText(value: number, digits: number): string {
  const negative = value < 0;
  const text = String(Math.abs(value)).padStart(digits + 1, '0');
  const whole = digits === 0 ? text : text.slice(0, -digits);
  const fraction = digits === 0 ? '' : text.slice(-digits).replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/**
 * A decimal string as an integer scaled by 10^digits ("1234.5", 2 -> 123450), or null when it is not a number
 * or has more decimals than the scale holds ("0.001" of a 2-digit currency is not an amount).
 */
export function textToScaled(text: string, digits: number): number | null {
  const match = /^\s*(-?)(\d*)(?:\.(\d*))?\s*$/.exec(text);
  if (!match) return null;
  const [, sign, whole = '', fraction = ''] = match;
  if (whole === '' && fraction === '') return null;
  if (fraction.length > digits) return null;
  const value = Number(`${whole || '0'}${fraction.padEnd(digits, '0')}`);
  if (!Number.isSafeInteger(value)) return null;
  return sign === '-' && value !== 0 ? -value : value;
}

/** The form for existing rules (editing a plan's latest version into a new one). */
export function rulesToForm(rules: PlanRules, digits: number): RulesForm {
  const typeRate = (type: DealType) => {
    const bp = rules.typeRates[type];
    return bp === undefined ? '' : scaledToText(bp, 2);
  };
  return {
    currency: rules.currency,
    period: rules.period,
    creditOn: rules.creditOn,
    tierMode: rules.tierMode,
    tiers: rules.tiers.map((x) => ({ fromPct: String(x.fromPct), ratePct: scaledToText(x.rateBp, 2) })),
    typeRates: {
      new_business: typeRate('new_business'),
      upsell: typeRate('upsell'),
      renewal: typeRate('renewal'),
    },
    attainmentTypes: [...rules.attainmentTypes],
    cap: rules.capMinor === null ? '' : scaledToText(rules.capMinor, digits),
    bonuses: rules.bonuses.map((b) => ({
      label: b.label,
      atPct: String(b.atPct),
      amount: scaledToText(b.amountMinor, digits),
    })),
    spifs: rules.spifs.map((s) => ({
      label: s.label,
      from: s.from,
      to: s.to,
      product: s.product ?? '',
      dealType: s.dealType ?? '',
      amount: scaledToText(s.amountMinor, digits),
    })),
    drawAmount: rules.draw === null ? '' : scaledToText(rules.draw.amountMinor, digits),
    drawRecoverable: rules.draw?.recoverable ?? false,
    ramp: rules.ramp,
    rollUp: rules.rollUp,
    clawbackDays: rules.clawbackDays === null ? '' : String(rules.clawbackDays),
  };
}

/** Rules from the form, or every field that is not a number, named as the API names it (rules.tiers[1].rateBp). */
export function formToRules(
  form: RulesForm,
  digits: number,
): { ok: true; rules: PlanRules } | { ok: false; errors: string[] } {
  const errors: string[] = [];
  const money = (text: string, field: string): number => {
    const value = textToScaled(text, digits);
    if (value === null) errors.push(`${field}: "${text}" is not an amount with at most ${digits} decimals`);
    return value ?? 0;
  };
  const rate = (text: string, field: string): number => {
    const value = textToScaled(text, 2);
    if (value === null) errors.push(`${field}: "${text}" is not a percentage with at most 2 decimals`);
    return value ?? 0;
  };
  const pct = (text: string, field: string): number => {
    const value = text.trim() === '' ? Number.NaN : Number(text);
    if (!Number.isFinite(value)) errors.push(`${field}: "${text}" is not a percentage`);
    return Number.isFinite(value) ? value : 0;
  };
  const typeRates: Partial<Record<DealType, number>> = {};
  for (const type of DEAL_TYPES) {
    const text = form.typeRates[type];
    if (text.trim() !== '') typeRates[type] = rate(text, `rules.typeRates.${type}`);
  }
  let clawbackDays: number | null = null;
  if (form.clawbackDays.trim() !== '') {
    clawbackDays = Number(form.clawbackDays);
    if (!Number.isInteger(clawbackDays) || clawbackDays < 1) {
      errors.push(`rules.clawbackDays: "${form.clawbackDays}" is not a whole number of days (1 or more)`);
    }
  }
  const rules: PlanRules = {
    currency: form.currency.trim().toUpperCase(),
    period: form.period,
    creditOn: form.creditOn,
    tierMode: form.tierMode,
    tiers: form.tiers.map((x, i) => ({
      fromPct: pct(x.fromPct, `rules.tiers[${i}].fromPct`),
      rateBp: rate(x.ratePct, `rules.tiers[${i}].rateBp`),
    })),
    typeRates,
    attainmentTypes: DEAL_TYPES.filter((x) => form.attainmentTypes.includes(x)),
    capMinor: form.cap.trim() === '' ? null : money(form.cap, 'rules.capMinor'),
    bonuses: form.bonuses.map((b, i) => ({
      label: b.label.trim(),
      atPct: pct(b.atPct, `rules.bonuses[${i}].atPct`),
      amountMinor: money(b.amount, `rules.bonuses[${i}].amountMinor`),
    })),
    spifs: form.spifs.map((s, i) => ({
      label: s.label.trim(),
      from: s.from,
      to: s.to,
      product: s.product.trim() === '' ? null : s.product.trim(),
      dealType: s.dealType === '' ? null : s.dealType,
      amountMinor: money(s.amount, `rules.spifs[${i}].amountMinor`),
    })),
    draw:
      form.drawAmount.trim() === ''
        ? null
        : {
            amountMinor: money(form.drawAmount, 'rules.draw.amountMinor'),
            recoverable: form.drawRecoverable,
          },
    ramp: form.ramp,
    rollUp: form.rollUp,
    clawbackDays,
  };
  return errors.length > 0 ? { ok: false, errors } : { ok: true, rules };
}
