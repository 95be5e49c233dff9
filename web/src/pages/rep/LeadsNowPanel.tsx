import { useEffect, useState } from 'react';
import { getLeads } from '../../api/rows.ts';
import type { Lead } from '../../api/types/rows.ts';
import { useApi } from '../../api/use-api.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { Panel } from '../../components/panel.tsx';
import { Async } from '../../components/state.tsx';
import { useWorkspace } from '../../format/workspace.tsx';
import { t } from '../../i18n/t.ts';

/** Re-renders every 30 s so the SLA clocks tick without refetching. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/**
 * My leads not yet contacted, oldest first, each with its SLA clock: time left until the deadline the server
 * computed in business time, or how long ago it passed.
 */
export function LeadsNowPanel({ userId }: { userId: number }) {
  const { fmt } = useWorkspace();
  const now = useNow();
  const state = useApi(
    (signal) => getLeads({ ownerId: userId, uncontacted: true, sort: 'oldest', limit: 25 }, signal),
    [userId],
  );
  const clock = (lead: Lead) => {
    if (!lead.slaDueAt) return <span className="pill">{t('leads.noSla')}</span>;
    // Wall-clock countdown to the server's business-time deadline; display only, no metric.
    const minutes = Math.round((new Date(lead.slaDueAt).getTime() - now) / 60_000);
    return minutes >= 0 ? (
      <span className={minutes < 15 ? 'pill warn' : 'pill good'}>
        {t('leads.left', { time: fmt.minutes(minutes) })}
      </span>
    ) : (
      <span className="pill bad">{t('leads.overdue', { time: fmt.minutes(-minutes) })}</span>
    );
  };
  return (
    <Panel title={t('leads.title')} testId="leads-now">
      <Async state={state} isEmpty={(rows) => rows.length === 0} emptyMessage={t('leads.none')}>
        {(rows) => (
          <DataTable
            caption={t('leads.title')}
            rows={rows}
            rowKey={(l) => l.id}
            columns={[
              { key: 'name', header: t('leads.name'), cell: (l) => l.name },
              { key: 'company', header: t('leads.company'), cell: (l) => l.company ?? '' },
              { key: 'created', header: t('leads.created'), cell: (l) => fmt.dateTime(l.createdAt) },
              { key: 'sla', header: t('leads.sla'), cell: clock },
            ]}
          />
        )}
      </Async>
    </Panel>
  );
}
