import { ErrorNote } from './state.tsx';
import { t } from '../i18n/t.ts';

/** The outcome of a save: nothing yet, saving, saved, or the server's error with its field details. */
export type SaveState =
  { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'failed'; error: Error };

/** Announces save progress to screen readers and shows errors next to the form. */
export function SaveStatus({ state }: { state: SaveState }) {
  switch (state.kind) {
    case 'idle':
      return null;
    case 'saving':
      return <span role="status">{t('form.saving')}</span>;
    case 'saved':
      return (
        <span role="status" className="pill good">
          {t('form.saved')}
        </span>
      );
    case 'failed':
      return <ErrorNote error={state.error} />;
  }
}

/** Runs a save and reports its progress through `set`. */
export async function runSave(set: (s: SaveState) => void, save: () => Promise<unknown>): Promise<boolean> {
  set({ kind: 'saving' });
  try {
    await save();
    set({ kind: 'saved' });
    return true;
  } catch (err) {
    set({ kind: 'failed', error: err instanceof Error ? err : new Error(String(err)) });
    return false;
  }
}
