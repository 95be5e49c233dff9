import type { ReactNode } from 'react';
import { makeFormatters, type Formatters } from '../format/formatters.ts';
import { isolate } from '../i18n/bidi.ts';
import { en, type MessageKey } from '../i18n/en.ts';
import { t } from '../i18n/t.ts';
import { addDays } from '../period/ranges.ts';
import { ServerText } from './error-text.tsx';

/** A response's note in structured form (src/domain/notices.ts): a code and the values it names. */
export interface ApiNotice {
  code: string;
  params: Record<string, string | number | string[]>;
}

/** Which response a notice came from: each has its own codes (and keys `notice.<area>.<code>`). */
export type NoticeArea = 'statement' | 'whatIf' | 'forecast';

const str = (v: unknown) => (typeof v === 'string' ? v : String(v ?? ''));
const int = (v: unknown) => (typeof v === 'number' ? v : Number(v ?? 0));

/** People named in a notice: a list in the reader's language, then "and N more" past the first ten. */
function nameList(fmt: Formatters, names: unknown, more: unknown): string {
  const list = new Intl.ListFormat(fmt.locale, { type: 'conjunction' }).format(
    (Array.isArray(names) ? names : []).map((n) => isolate(String(n))),
  );
  const extra = int(more);
  return extra > 0 ? t('notice.names.more', { names: list, count: extra }) : list;
}

/**
 * A notice in the reader's words, or null when this app does not know its code (the caller shows the English
 * warning then). Dates, money and rates are formatted for the reader; codes (currencies, periods) isolated.
 */
export function noticeText(area: NoticeArea, n: ApiNotice, fmt: Formatters): string | null {
  const key = `notice.${area}.${n.code}`;
  if (!Object.hasOwn(en, key)) return null;
  const p = n.params;
  const currency = p.currency === undefined ? '' : isolate(str(p.currency));
  const values: Record<string, string | number> = {
    currency,
    planCurrency: isolate(str(p.planCurrency)),
    from: fmt.date(str(p.from)),
    // Statement segments end exclusive; the reader sees the last day they cover.
    to: p.to === undefined ? '' : fmt.date(addDays(str(p.to), -1)),
    segment: int(p.segment),
    tier: int(p.tier),
    rate: fmt.percent(int(p.rateBp) / 10_000),
    label: str(p.label),
    count: int(p.count),
    amount: makeFormatters(fmt.locale, str(p.currency) || fmt.currency).money(int(p.amountMinor)),
    names: nameList(fmt, p.names, p.more),
    period: isolate(str(p.period)),
    coverage: fmt.percent(int(p.coveragePct) / 100),
    method: Object.hasOwn(en, `forecast.method.${str(p.method)}`)
      ? t(`forecast.method.${str(p.method)}` as MessageKey)
      : str(p.method),
  };
  return t(key as MessageKey, values);
}

/**
 * The notes of a response as list items: each notice in the reader's words; a notice whose code this app does
 * not know, or a response without notices (older stored statements), falls back to the English warning,
 * marked as English.
 */
export function NoticeItems({
  area,
  notices,
  warnings,
  fmt,
}: {
  area: NoticeArea;
  notices: ApiNotice[] | null | undefined;
  warnings: string[];
  fmt: Formatters;
}): ReactNode {
  if (!notices || notices.length !== warnings.length) {
    return warnings.map((w, i) => (
      <li key={i}>
        <ServerText text={w} />
      </li>
    ));
  }
  return notices.map((n, i) => {
    const text = noticeText(area, n, fmt);
    return <li key={i}>{text ?? <ServerText text={warnings[i] ?? n.code} />}</li>;
  });
}
