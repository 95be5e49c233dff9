import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { Empty } from '../../components/state.tsx';
import { t } from '../../i18n/t.ts';
import { OneToOneSections } from '../coaching/OneToOneSections.tsx';
import { StatementView } from '../commissions/StatementView.tsx';
import { MeetingPackSections } from '../meeting/MeetingPackSections.tsx';

/** A print view's id: a positive integer, or 'company' for the documents that also exist company-wide. */
type PrintId = number | 'company';

/**
 * Every printable document by its kind: its body and the screen page it belongs to. The server's PDF route opens
 * /print/<kind>/<id>[?period=...]; `companyWide` documents also take the id 'company', `period` ones a period.
 */
const DOCUMENTS: Record<
  string,
  {
    body: (id: PrintId, period: string | undefined) => ReactNode;
    screen: (id: PrintId) => string;
    companyWide?: boolean;
  }
> = {
  'one-to-one': {
    body: (id) => <OneToOneSections repId={id as number} />,
    screen: (id) => `/coaching/reps/${id}`,
  },
  'commission-statement': {
    body: (id) => <StatementView id={id as number} print />,
    screen: (id) => `/commissions/statements/${id}`,
  },
  'meeting-pack': {
    body: (id, period) => <MeetingPackSections team={id} period={period} />,
    screen: () => '/team/meeting',
    companyWide: true,
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
  const [search] = useSearchParams();
  const period = search.get('period') ?? undefined;
  const docId: PrintId = id === 'company' && doc?.companyWide ? 'company' : Number(id);
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
  if (!doc || (docId !== 'company' && (!Number.isSafeInteger(docId) || docId <= 0))) return <Empty />;
  const query = period ? `?period=${encodeURIComponent(period)}` : '';
  return (
    <div className="print-page" ref={root} data-print-root data-print-ready={ready ? 'true' : 'false'}>
      <p className="print-toolbar">
        <Link to={doc.screen(docId)}>{t('print.back')}</Link>
        <button type="button" onClick={() => window.print()}>
          {t('print.print')}
        </button>
        <a href={`/api/print/${kind}/${docId}/pdf${query}`} download>
          {t('oneToOne.pdf')}
        </a>
      </p>
      {doc.body(docId, period)}
    </div>
  );
}
