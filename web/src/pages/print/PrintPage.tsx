import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Empty } from '../../components/state.tsx';
import { t } from '../../i18n/t.ts';
import { OneToOneSections } from '../coaching/OneToOneSections.tsx';
import { StatementView } from '../commissions/StatementView.tsx';

/** Every printable document by its kind: its body and the screen page it belongs to. The server's PDF route opens /print/<kind>/<id>. */
const DOCUMENTS: Record<string, { body: (id: number) => ReactNode; screen: (id: number) => string }> = {
  'one-to-one': { body: (id) => <OneToOneSections repId={id} />, screen: (id) => `/coaching/reps/${id}` },
  'commission-statement': {
    body: (id) => <StatementView id={id} print />,
    screen: (id) => `/commissions/statements/${id}`,
  },
};

// Quiet for this long with nothing loading = every section has its data (or its error) on the page.
const SETTLED_MS = 400;

/**
 * The one HTML print view: the document without the app's navigation, A4 print styles, and a
 * `data-print-ready` mark once nothing is loading, which the PDF printer waits for before printing.
 */
export function PrintPage() {
  const { document: kind = '', id } = useParams();
  const doc = DOCUMENTS[kind];
  const docId = Number(id);
  const root = useRef<HTMLDivElement>(null);
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let quietSince = Date.now();
    const timer = window.setInterval(() => {
      const loading = root.current?.querySelector('.state-loading') !== null;
      if (loading) quietSince = Date.now();
      else if (Date.now() - quietSince >= SETTLED_MS) {
        setReady(true);
        window.clearInterval(timer);
      }
    }, 100);
    return () => window.clearInterval(timer);
  }, [kind, id]);
  if (!doc || !Number.isSafeInteger(docId) || docId <= 0) return <Empty />;
  return (
    <div className="print-page" ref={root} data-print-root data-print-ready={ready ? 'true' : 'false'}>
      <p className="print-toolbar">
        <Link to={doc.screen(docId)}>{t('print.back')}</Link>
        <button type="button" onClick={() => window.print()}>
          {t('print.print')}
        </button>
        <a href={`/api/print/${kind}/${docId}/pdf`} download>
          {t('oneToOne.pdf')}
        </a>
      </p>
      {doc.body(docId)}
    </div>
  );
}
