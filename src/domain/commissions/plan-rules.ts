import { isLocalDate } from '../calendar/local-date.ts';
import { isKnownCurrency } from '../settings-validation.ts';
import { AppError, type ErrorDetail } from '../../errors.ts';
import {
  DEAL_TYPES,
  type DealType,
  type PlanRules,
  type Spif,
  type TargetBonus,
  type Tier,
} from './types.ts';

/** The highest rate a plan may set: 100000 bp = 1000% (anything above is a typo for a percentage). */
export const MAX_RATE_BP = 100_000;
/** The highest attainment a tier or bonus may start at, in percent. */
export const MAX_PCT = 100_000;
/** The longest clawback window, in days (ten years). */
export const MAX_CLAWBACK_DAYS = 3660;
const MAX_LABEL = 200;

/** Fields a plan may leave out, and what they mean when left out (docs/commissions.md, "Plan rules"). */
export const PLAN_RULE_DEFAULTS = {
  creditOn: 'close',
  tierMode: 'marginal',
  typeRates: {},
  attainmentTypes: [...DEAL_TYPES],
  capMinor: null,
  bonuses: [],
  spifs: [],
  draw: null,
  ramp: false,
  rollUp: false,
  clawbackDays: null,
} as const satisfies Partial<PlanRules>;

const FIELDS = new Set(['currency', 'period', 'tiers', ...Object.keys(PLAN_RULE_DEFAULTS)]);

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Validates a plan version's rules (API body, CLI file, stored JSON) and returns them with defaults filled in.
 * Every problem is collected, each naming its field ("rules.tiers[1].fromPct"), and thrown together as one
 * AppError('validation'), so an author fixes a plan in one pass.
 */
export function parsePlanRules(value: unknown): PlanRules {
  const errors: ErrorDetail[] = [];
  const bad = (field: string, got: unknown, reason: string) =>
    errors.push({ field: `rules.${field}`, value: JSON.stringify(got) ?? 'undefined', reason });

  if (!isObj(value)) {
    bad('', value, 'must be an object');
    throw invalid(errors);
  }
  for (const key of Object.keys(value)) if (!FIELDS.has(key)) bad(key, value[key], 'is not a plan rule');

  const oneOf = <T extends string>(field: string, allowed: readonly T[], fallback?: T): T => {
    const v = value[field] ?? fallback;
    if (typeof v === 'string' && (allowed as readonly string[]).includes(v)) return v as T;
    bad(field, value[field], `must be one of ${allowed.join(', ')}`);
    return allowed[0] as T;
  };

  const currency = value.currency;
  if (typeof currency !== 'string' || !isKnownCurrency(currency)) {
    bad('currency', currency, 'must be an ISO 4217 currency code (e.g. USD, EUR)');
  }
  const period = oneOf('period', ['month', 'quarter', 'year']);
  const creditOn = oneOf('creditOn', ['close', 'paid'], PLAN_RULE_DEFAULTS.creditOn);
  const tierMode = oneOf('tierMode', ['marginal', 'retroactive'], PLAN_RULE_DEFAULTS.tierMode);
  const tiers = parseTiers(value.tiers, bad);
  const typeRates = parseTypeRates(value.typeRates ?? PLAN_RULE_DEFAULTS.typeRates, bad);
  const attainmentTypes = parseAttainmentTypes(
    value.attainmentTypes ?? PLAN_RULE_DEFAULTS.attainmentTypes,
    bad,
  );
  const capMinor = value.capMinor ?? null;
  if (capMinor !== null && !isMoney(capMinor)) bad('capMinor', capMinor, moneyReason('or null for no cap'));
  const bonuses = parseBonuses(value.bonuses ?? [], bad);
  const spifs = parseSpifs(value.spifs ?? [], bad);
  const draw = parseDraw(value.draw ?? null, bad);
  const ramp = value.ramp ?? false;
  if (typeof ramp !== 'boolean') bad('ramp', ramp, 'must be true or false');
  const rollUp = value.rollUp ?? false;
  if (typeof rollUp !== 'boolean') bad('rollUp', rollUp, 'must be true or false');
  const clawbackDays = value.clawbackDays ?? null;
  if (clawbackDays !== null && !wholeIn(clawbackDays, 0, MAX_CLAWBACK_DAYS)) {
    bad('clawbackDays', clawbackDays, `must be a whole number of days, 0-${MAX_CLAWBACK_DAYS}, or null`);
  }

  if (errors.length > 0) throw invalid(errors);
  return {
    currency: currency as string,
    period,
    creditOn,
    tierMode,
    tiers,
    typeRates,
    attainmentTypes,
    capMinor: capMinor as number | null,
    bonuses,
    spifs,
    draw,
    ramp: ramp as boolean,
    rollUp: rollUp as boolean,
    clawbackDays: clawbackDays as number | null,
  };
}

type Bad = (field: string, got: unknown, reason: string) => void;

function invalid(errors: ErrorDetail[]): AppError {
  const summary = errors.map((e) => `${e.field} ${e.reason}`).join('; ');
  return new AppError('validation', `Invalid plan rules: ${summary}`, errors);
}

const wholeIn = (v: unknown, min: number, max: number): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
const isMoney = (v: unknown): v is number => wholeIn(v, 0, Number.MAX_SAFE_INTEGER);
const moneyReason = (extra = '') =>
  `must be a non-negative whole number of minor units (at most ${Number.MAX_SAFE_INTEGER})${extra ? `, ${extra}` : ''}`;
const isRate = (v: unknown): v is number => wholeIn(v, 0, MAX_RATE_BP);
const rateReason = `must be a whole number of basis points, 0-${MAX_RATE_BP} (1000 = 10%)`;
/** Percentages with at most two decimals, so tier arithmetic stays in whole hundredths of a percent. */
const isPct = (v: unknown): v is number =>
  typeof v === 'number' && v >= 0 && v <= MAX_PCT && Math.abs(v * 100 - Math.round(v * 100)) < 1e-6;
const pctReason = `must be a percentage of target, 0-${MAX_PCT}, with at most two decimals`;
const isLabel = (v: unknown): v is string =>
  typeof v === 'string' && v.trim() !== '' && v.length <= MAX_LABEL;
const labelReason = `must be a non-empty text of at most ${MAX_LABEL} characters`;
const isDealType = (v: unknown): v is DealType =>
  typeof v === 'string' && (DEAL_TYPES as readonly string[]).includes(v);
const dealTypeReason = `must be one of ${DEAL_TYPES.join(', ')}`;

function parseTiers(v: unknown, bad: Bad): Tier[] {
  if (!Array.isArray(v) || v.length === 0) {
    bad('tiers', v, 'must be a non-empty list of { fromPct, rateBp }, the first from 0');
    return [];
  }
  const tiers: Tier[] = [];
  v.forEach((t: unknown, i) => {
    const at = `tiers[${i}]`;
    if (!isObj(t)) return bad(at, t, 'must be an object { fromPct, rateBp }');
    for (const key of Object.keys(t))
      if (key !== 'fromPct' && key !== 'rateBp') bad(`${at}.${key}`, t[key], 'is not a tier field');
    if (!isPct(t.fromPct)) bad(`${at}.fromPct`, t.fromPct, pctReason);
    else if (i === 0 && t.fromPct !== 0)
      bad(`${at}.fromPct`, t.fromPct, 'must be 0: the first tier starts at 0% attainment');
    else if (
      i > 0 &&
      isObj(v[i - 1]) &&
      isPct((v[i - 1] as Obj).fromPct) &&
      t.fromPct <= ((v[i - 1] as Obj).fromPct as number)
    ) {
      bad(
        `${at}.fromPct`,
        t.fromPct,
        `must be above tiers[${i - 1}].fromPct (${String((v[i - 1] as Obj).fromPct)}): tiers ascend`,
      );
    }
    if (!isRate(t.rateBp)) bad(`${at}.rateBp`, t.rateBp, rateReason);
    tiers.push({ fromPct: t.fromPct as number, rateBp: t.rateBp as number });
  });
  return tiers;
}

function parseTypeRates(v: unknown, bad: Bad): Partial<Record<DealType, number>> {
  if (!isObj(v)) {
    bad('typeRates', v, 'must be an object of deal type -> rate in basis points, e.g. { "renewal": 300 }');
    return {};
  }
  const out: Partial<Record<DealType, number>> = {};
  for (const [key, rate] of Object.entries(v)) {
    if (!isDealType(key)) bad(`typeRates.${key}`, rate, `is not a deal type (${DEAL_TYPES.join(', ')})`);
    else if (!isRate(rate)) bad(`typeRates.${key}`, rate, rateReason);
    else out[key] = rate;
  }
  return out;
}

function parseAttainmentTypes(v: unknown, bad: Bad): DealType[] {
  if (!Array.isArray(v) || v.length === 0) {
    bad('attainmentTypes', v, `must list at least one deal type (${DEAL_TYPES.join(', ')})`);
    return [];
  }
  v.forEach((t: unknown, i) => {
    if (!isDealType(t)) bad(`attainmentTypes[${i}]`, t, dealTypeReason);
  });
  if (new Set(v).size !== v.length) bad('attainmentTypes', v, 'a deal type is listed twice');
  return v as DealType[];
}

function parseBonuses(v: unknown, bad: Bad): TargetBonus[] {
  if (!Array.isArray(v)) {
    bad('bonuses', v, 'must be a list of { label, atPct, amountMinor }');
    return [];
  }
  v.forEach((b: unknown, i) => {
    const at = `bonuses[${i}]`;
    if (!isObj(b)) return bad(at, b, 'must be an object { label, atPct, amountMinor }');
    for (const key of Object.keys(b))
      if (!['label', 'atPct', 'amountMinor'].includes(key))
        bad(`${at}.${key}`, b[key], 'is not a bonus field');
    if (!isLabel(b.label)) bad(`${at}.label`, b.label, labelReason);
    if (!isPct(b.atPct)) bad(`${at}.atPct`, b.atPct, pctReason);
    if (!isMoney(b.amountMinor)) bad(`${at}.amountMinor`, b.amountMinor, moneyReason());
  });
  const labels = v.filter(isObj).map((b) => b.label);
  // The label is what makes a bonus "the same bonus" across a mid-period plan change (paid once per period).
  if (new Set(labels).size !== labels.length) bad('bonuses', labels, 'two bonuses have the same label');
  return v.filter(isObj).map((b) => ({
    label: b.label as string,
    atPct: b.atPct as number,
    amountMinor: b.amountMinor as number,
  }));
}

function parseSpifs(v: unknown, bad: Bad): Spif[] {
  if (!Array.isArray(v)) {
    bad('spifs', v, 'must be a list of { label, from, to, product, dealType, amountMinor }');
    return [];
  }
  const fields = ['label', 'from', 'to', 'product', 'dealType', 'amountMinor'];
  return v.map((s: unknown, i) => {
    const at = `spifs[${i}]`;
    if (!isObj(s)) {
      bad(at, s, 'must be an object { label, from, to, product, dealType, amountMinor }');
      return s as Spif;
    }
    for (const key of Object.keys(s))
      if (!fields.includes(key)) bad(`${at}.${key}`, s[key], 'is not a SPIF field');
    if (!isLabel(s.label)) bad(`${at}.label`, s.label, labelReason);
    const from = s.from;
    const to = s.to;
    if (typeof from !== 'string' || !isLocalDate(from)) bad(`${at}.from`, from, 'must be a date, YYYY-MM-DD');
    if (typeof to !== 'string' || !isLocalDate(to))
      bad(`${at}.to`, to, 'must be a date, YYYY-MM-DD (exclusive)');
    else if (typeof from === 'string' && isLocalDate(from) && to <= from) {
      bad(`${at}.to`, to, `must be after ${at}.from (${from}): the window is [from, to)`);
    }
    const product = s.product ?? null;
    if (product !== null && !isLabel(product))
      bad(`${at}.product`, product, `${labelReason}, or null for any product`);
    const dealType = s.dealType ?? null;
    if (dealType !== null && !isDealType(dealType))
      bad(`${at}.dealType`, dealType, `${dealTypeReason}, or null for any type`);
    if (product === null && dealType === null)
      bad(`${at}.product`, null, 'a SPIF needs a product, a dealType or both');
    if (!isMoney(s.amountMinor)) bad(`${at}.amountMinor`, s.amountMinor, moneyReason());
    return { label: s.label, from, to, product, dealType, amountMinor: s.amountMinor } as Spif;
  });
}

function parseDraw(v: unknown, bad: Bad): PlanRules['draw'] {
  if (v === null) return null;
  if (!isObj(v)) {
    bad('draw', v, 'must be { amountMinor, recoverable } or null for no draw');
    return null;
  }
  for (const key of Object.keys(v))
    if (key !== 'amountMinor' && key !== 'recoverable') bad(`draw.${key}`, v[key], 'is not a draw field');
  if (!isMoney(v.amountMinor)) bad('draw.amountMinor', v.amountMinor, moneyReason());
  if (typeof v.recoverable !== 'boolean') bad('draw.recoverable', v.recoverable, 'must be true or false');
  return { amountMinor: v.amountMinor as number, recoverable: v.recoverable as boolean };
}
