import type { DisputeStatus, StatementStatus } from '../../api/types/commissions.ts';
import { t } from '../../i18n/t.ts';

const CLASS: Record<StatementStatus | DisputeStatus, string> = {
  draft: 'pill warn',
  locked: 'pill',
  paid: 'pill good',
  open: 'pill warn',
  accepted: 'pill good',
  rejected: 'pill bad',
};

/** A statement's or a dispute's status as a pill (the status always comes from the API). */
export function StatusPill({ status }: { status: StatementStatus | DisputeStatus }) {
  return (
    <span className={CLASS[status]} data-status={status}>
      {t(`commissions.status.${status}`)}
    </span>
  );
}
