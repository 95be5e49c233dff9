import { useParams } from 'react-router-dom';
import { Empty } from '../../components/state.tsx';
import { CommissionsNav } from './CommissionsNav.tsx';
import { StatementView } from './StatementView.tsx';

/** /commissions/statements/:id. */
export function StatementPage() {
  const id = Number(useParams().id);
  return (
    <div className="page">
      <CommissionsNav />
      {Number.isSafeInteger(id) && id > 0 ? <StatementView id={id} /> : <Empty />}
    </div>
  );
}
