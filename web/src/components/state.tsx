import type { ReactNode } from 'react';
import { ApiError } from '../api/client.ts';
import type { ApiState } from '../api/use-api.ts';
import { t } from '../i18n/t.ts';
import { DetailLine, errorDetails, errorHeadline, ServerText, untranslatedMessage } from './error-text.tsx';

/** A polite spinner-less loading line that screen readers announce. */
export function Loading() {
  return (
    <p className="state state-loading" role="status" aria-live="polite">
      {t('state.loading')}
    </p>
  );
}

/** Shown when a query answered with nothing to show. */
export function Empty({ message }: { message?: string }) {
  return <p className="state state-empty">{message ?? t('state.empty')}</p>;
}

/**
 * A failed request: a headline in the reader's language chosen by the error code, then each detail with its
 * field, line and reason (translated by rule; an English reason without a rule is shown marked as English).
 */
export function ErrorNote({ error }: { error: Error }) {
  if (error instanceof ApiError && error.status === 404 && error.body?.error.code === 'not_found') {
    return <p className="state state-unavailable">{t('state.unavailable')}</p>;
  }
  const details = errorDetails(error);
  const english = untranslatedMessage(error);
  return (
    <div className="state state-error" role="alert">
      <p>{errorHeadline(error)}</p>
      {english && (
        <p>
          <ServerText
            text={english}
            lead={error instanceof ApiError ? 'error.serverDetail' : 'error.technicalDetail'}
          />
        </p>
      )}
      {details.length > 0 && (
        <ul aria-label={t('error.details')}>
          {details.map((d, i) => (
            <li key={i}>
              <DetailLine detail={d} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Renders loading, error or empty states around `children(data)`. */
export function Async<T>({
  state,
  isEmpty,
  emptyMessage,
  children,
}: {
  state: ApiState<T>;
  isEmpty?: (data: T) => boolean;
  emptyMessage?: string;
  children: (data: T) => ReactNode;
}) {
  if (state.error) return <ErrorNote error={state.error} />;
  if (state.data === null) return <Loading />;
  if (isEmpty?.(state.data)) return <Empty message={emptyMessage} />;
  return <>{children(state.data)}</>;
}
