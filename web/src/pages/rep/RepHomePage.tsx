import { t } from '../../i18n/t.ts';

/** The rep's home: goals and pacing, leads to contact now, cadence gaps, rank and badges, forecast calls. */
export function RepHomePage() {
  return (
    <div className="page-head">
      <h1>{t('rep.title')}</h1>
    </div>
  );
}
