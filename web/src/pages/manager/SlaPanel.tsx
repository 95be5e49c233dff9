import { getAlerts } from '../../api/rows.ts';
import { useApi } from '../../api/use-api.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { Panel } from '../../components/panel.tsx';
import { Async } from '../../components/state.tsx';
import { useWorkspace } from '../../format/workspace.tsx';
import { t } from '../../i18n/t.ts';

/** Leads that breached the response SLA and are still open (lead-SLA alerts not yet acknowledged). */
export function SlaPanel() {
  const { fmt } = useWorkspace();
  const state = useApi((signal) => getAlerts({ open: true, limit: 20 }, signal), []);
  return (
    <Panel title={t('sla.title')} testId="sla-breaches">
      <Async state={state} isEmpty={(rows) => rows.length === 0} emptyMessage={t('sla.none')}>
        {(rows) => (
          <DataTable
            caption={t('sla.title')}
            rows={rows}
            rowKey={(a) => a.id}
            columns={[
              { key: 'lead', header: t('sla.lead'), cell: (a) => a.details.leadName ?? `#${a.leadId}` },
              { key: 'owner', header: t('deals.owner'), cell: (a) => a.details.ownerName ?? '' },
              { key: 'due', header: t('sla.due'), cell: (a) => fmt.dateTime(a.dueAt) },
            ]}
          />
        )}
      </Async>
    </Panel>
  );
}
