import { PERIOD_YEARS } from '../../../src/domain/calendar/period.ts';
import { ApiError, type ApiErrorDetail } from '../api/client.ts';
import { en, type MessageKey } from '../i18n/en.ts';
import { currentLocale, t } from '../i18n/t.ts';
import { isolate } from '../i18n/bidi.ts';

/*
 * Server-written text in the reader's language. The API speaks English (scripts read it), but every error has a
 * code and recurring detail reasons a rule (src/errors.ts), so the page says those in the reader's words. A
 * reason without a rule is still shown, marked as English and isolated, after a translated "Server detail:".
 */

const hasKey = (key: string): key is MessageKey => Object.hasOwn(en, key);

/** The translated headline of a failed request: by error code, else by what kind of failure it was. */
export function errorHeadline(error: Error): string {
  if (!(error instanceof ApiError)) return t('error.unexpected');
  if (error.status === 0) return t('error.network');
  const code = error.body?.error.code;
  if (code && hasKey(`error.code.${code}`)) return t(`error.code.${code}` as MessageKey);
  return t('error.http', { status: error.status });
}

/** The details an error body carries (none for other errors). */
export function errorDetails(error: Error): ApiErrorDetail[] {
  return error instanceof ApiError ? (error.body?.error.details ?? []) : [];
}

/**
 * The English text to show beside the headline when the details do not say what went wrong: the server's
 * message for an API error without details, the browser's for any other error; null when details cover it.
 */
export function untranslatedMessage(error: Error): string | null {
  if (error instanceof ApiError) {
    if (error.status === 0 || !error.body) return null;
    return error.body.error.details.length === 0 ? error.body.error.message : null;
  }
  return error.message || null;
}

/** A detail's reason in the reader's language, or null when its rule is unknown (show the English reason). */
export function ruleText(d: ApiErrorDetail): string | null {
  if (!d.rule || !hasKey(`error.rule.${d.rule}`)) return null;
  const key = `error.rule.${d.rule}` as MessageKey;
  const locale = currentLocale();
  const limit =
    typeof d.limit === 'number'
      ? new Intl.NumberFormat(locale, { maximumFractionDigits: 6 }).format(d.limit)
      : d.limit === undefined
        ? ''
        : isolate(d.limit);
  const allowed = new Intl.ListFormat(locale, { type: 'disjunction' }).format(
    (d.allowed ?? []).map((a) => isolate(a)),
  );
  return t(key, {
    limit,
    count: typeof d.limit === 'number' ? d.limit : 0,
    allowed,
    min: String(PERIOD_YEARS.min),
    max: String(PERIOD_YEARS.max),
  });
}

/** The label of a field a detail names (`body.teamId` → "Team"), or null when the web app has none for it. */
export function fieldLabel(field: string): string | null {
  const last = field
    .split('.')
    .filter((part) => !/^\d+$/.test(part))
    .pop();
  const key = `error.field.${last ?? ''}`;
  return last && hasKey(key) ? t(key as MessageKey) : null;
}

/** A field name: its translated label, else the raw name as the API spells it, isolated and marked English. */
export function FieldName({ field }: { field: string }) {
  const label = fieldLabel(field);
  if (label) return <span title={field}>{label}</span>;
  return (
    <bdi lang="en" dir="ltr" className="raw-field">
      {field}
    </bdi>
  );
}

/** English from the server, isolated and marked so screen readers and bidi layout treat it as English. */
export function ServerText({ text, lead = 'error.serverDetail' }: { text: string; lead?: MessageKey }) {
  return (
    <span className="server-text">
      {t(lead)}{' '}
      <bdi lang="en" dir="ltr">
        {text}
      </bdi>
    </span>
  );
}

/** Why a detail failed: its rule in the reader's words, else the server's English reason, labelled as such. */
export function DetailReason({ detail }: { detail: ApiErrorDetail }) {
  const text = ruleText(detail);
  return text !== null ? <span>{text}</span> : <ServerText text={detail.reason} />;
}

/** One detail on a line: field, line number and reason, separated by middle dots. */
export function DetailLine({ detail }: { detail: ApiErrorDetail }) {
  const parts = [
    detail.field ? <FieldName key="field" field={detail.field} /> : null,
    detail.line === undefined ? null : <span key="line">{t('state.line', { line: detail.line })}</span>,
    <DetailReason key="reason" detail={detail} />,
  ].filter((p) => p !== null);
  return (
    <>
      {parts.map((p, i) => (
        <span key={i}>
          {i > 0 && ' · '}
          {p}
        </span>
      ))}
    </>
  );
}
