/** Number and date formatters for the workspace's locale and currency (from /api/settings). */
export interface Formatters {
  locale: string;
  currency: string;
  /** Digits of the currency's minor unit (2 for USD): amounts are stored as value * 10^digits. */
  currencyDigits: number;
  /** Money from integer minor units (cents). */
  money: (minor: number | null | undefined) => string;
  /** Money from minor units rounded to whole units ($1,601,800), for KPI tiles. */
  moneyWhole: (minor: number | null | undefined) => string;
  /** Money from minor units, shortened (1.2M) for chart axes. */
  moneyCompact: (minor: number | null | undefined) => string;
  number: (value: number | null | undefined, maxFractionDigits?: number) => string;
  /** A 0..1 ratio as a percentage. */
  percent: (ratio: number | null | undefined) => string;
  date: (isoDate: string | null | undefined) => string;
  dateTime: (iso: string | Date | null | undefined) => string;
  /** The time of day of an instant in the workspace's zone (10:32 AM), for an instant known to be today. */
  time: (iso: string | Date | null | undefined) => string;
  /** A duration in minutes, e.g. "2 h 5 min". */
  minutes: (value: number | null | undefined) => string;
}

const DASH = '–';

/** Digits after the decimal point of a currency (JPY 0, USD 2, KWD 3). */
export function currencyDigits(locale: string, currency: string): number {
  return (
    new Intl.NumberFormat(locale, { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ??
    2
  );
}

/** Builds every formatter once per locale/currency pair. */
export function makeFormatters(locale: string, currency: string, timeZone = 'UTC'): Formatters {
  const digits = currencyDigits(locale, currency);
  const scale = 10 ** digits;
  const moneyFmt = new Intl.NumberFormat(locale, { style: 'currency', currency });
  const moneyShort = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    notation: 'compact',
    maximumFractionDigits: 1,
  });
  const moneyWholeFmt = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: 0,
    maximumFractionDigits: 0,
  });
  const pct = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const dateFmt = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const dateTimeFmt = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone });
  const timeFmt = new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone });
  const unitH = new Intl.NumberFormat(locale, { style: 'unit', unit: 'hour', unitDisplay: 'short' });
  const unitMin = new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: 'minute',
    unitDisplay: 'short',
    maximumFractionDigits: 0,
  });
  const isMissing = (v: unknown): v is null | undefined => v === null || v === undefined || Number.isNaN(v);
  return {
    locale,
    currency,
    currencyDigits: digits,
    money: (minor) => (isMissing(minor) ? DASH : moneyFmt.format(minor / scale)),
    moneyWhole: (minor) => (isMissing(minor) ? DASH : moneyWholeFmt.format(minor / scale)),
    moneyCompact: (minor) => (isMissing(minor) ? DASH : moneyShort.format(minor / scale)),
    number: (value, maxFractionDigits = 1) =>
      isMissing(value)
        ? DASH
        : new Intl.NumberFormat(locale, { maximumFractionDigits: maxFractionDigits }).format(value),
    percent: (ratio) => (isMissing(ratio) ? DASH : pct.format(ratio)),
    date: (isoDate) => (isoDate ? dateFmt.format(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`)) : DASH),
    dateTime: (iso) => (iso ? dateTimeFmt.format(typeof iso === 'string' ? new Date(iso) : iso) : DASH),
    time: (iso) => (iso ? timeFmt.format(typeof iso === 'string' ? new Date(iso) : iso) : DASH),
    minutes: (value) => {
      if (isMissing(value)) return DASH;
      const whole = Math.round(value);
      if (Math.abs(whole) < 60) return unitMin.format(whole);
      const hours = Math.trunc(whole / 60);
      const rest = Math.abs(whole % 60);
      return rest === 0 ? unitH.format(hours) : `${unitH.format(hours)} ${unitMin.format(rest)}`;
    },
  };
}
