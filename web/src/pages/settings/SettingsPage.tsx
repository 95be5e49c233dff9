import { t } from '../../i18n/t.ts';

/** Admin settings. */
export function SettingsPage() {
  return (
    <div className="page-head">
      <h1>{t('settings.title')}</h1>
    </div>
  );
}
