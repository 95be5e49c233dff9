import { Link, useParams } from 'react-router-dom';
import { Empty } from '../../components/state.tsx';
import { t } from '../../i18n/t.ts';
import { OneToOneSections } from './OneToOneSections.tsx';

/** /coaching/reps/:id: one rep's coaching page, the one-to-one pack on screen, with its print view and PDF. */
export function RepCoachingPage() {
  const { id } = useParams();
  const repId = Number(id);
  if (!Number.isSafeInteger(repId) || repId <= 0) return <Empty />;
  return (
    <div className="rep-coaching">
      <p className="page-actions">
        <Link to={`/print/one-to-one/${repId}`}>{t('oneToOne.print')}</Link>
        <a href={`/api/print/one-to-one/${repId}/pdf`} download>
          {t('oneToOne.pdf')}
        </a>
      </p>
      <OneToOneSections repId={repId} />
    </div>
  );
}
