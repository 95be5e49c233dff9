import type { ReactNode } from 'react';
import { ApiError } from '../api/client.ts';
import type { ApiState } from '../api/use-api.ts';
import { t } from '../i18n/t.ts';

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

/** A failed request, with the server's message and the field-level details it named. */
export function ErrorNote({ error }: { error: Error }) {
  if (error instanceof ApiError && error.status === 404 && error.body?.error.code === 'not_found') {
    return <p className="state state-unavailable">{t('state.unavailable')}</p>;
  }
  const details = error instanceof ApiError ? (error.body?.error.details ?? []) : [];
  return (
    <div className="state state-error" role="alert">
      <p>{error.message}</p>
      {details.length > 0 && (
        <ul>
          {details.map((d, i) => (
            <li key={i}>
              {[d.field, d.line === undefined ? null : t('state.line', { line: d.line }), d.reason]
                .filter(Boolean)
                .join(' · ')}
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
