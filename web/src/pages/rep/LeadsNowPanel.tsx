import { useEffect, useState } from 'react';
import { request } from '../../api/client.ts';
import { getLeads } from '../../api/rows.ts';
import type { Lead } from '../../api/types/rows.ts';
import type { HolidaysResponse } from '../../api/types/settings.ts';
import { useApi } from '../../api/use-api.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { Panel } from '../../components/panel.tsx';
import { Async } from '../../components/state.tsx';
import { useWorkspace } from '../../format/workspace.tsx';
import { t } from '../../i18n/t.ts';
import type { BusinessCalendar } from '../../../../src/domain/calendar/business-time.ts';
import { businessCalendar, businessMinutesBetween, leadSlaDeadline } from '../../period/sla-clock.ts';

/** Re-renders every 30 s so the SLA clocks tick without refetching. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

interface LeadWithDeadline {
  lead: Lead;
  deadline: Date;
  cal: BusinessCalendar;
}

/**
 * Leads not yet contacted, oldest first, each with its SLA clock: business time left until the deadline, or
 * how long ago it passed. The rep home shows the rep's own (`owner`); the manager home shows only the ones
 * already past their deadline (`breachedOnly`) across the team the manager may see.
 */
export function LeadsNowPanel({
  owner,
  breachedOnly = false,
  title,
  testId,
}: {
  owner?: number;
  breachedOnly?: boolean;
  title: string;
  testId: string;
}) {
  const { fmt, settings } = useWorkspace();
  const now = useNow();
  const state = useApi<LeadWithDeadline[]>(
    async (signal) => {
      if (!settings) return [];
      const year = new Date().getUTCFullYear();
      const [leads, ...holidays] = await Promise.all([
        getLeads({ owner, status: 'new', limit: 500 }, signal),
        request<HolidaysResponse>('GET', '/api/holidays', { query: { year: year - 1 }, signal }),
        request<HolidaysResponse>('GET', '/api/holidays', { query: { year }, signal }),
        request<HolidaysResponse>('GET', '/api/holidays', { query: { year: year + 1 }, signal }),
      ]);
      const cal = businessCalendar(settings, holidays);
      const nowMs = Date.now();
      return leads
        .filter((lead) => lead.firstTouchAt === null)
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
        .map((lead) => ({
          lead,
          cal,
          deadline: leadSlaDeadline(
            new Date(lead.createdAt),
            cal,
            settings.leadSlaMinutes,
            settings.leadSlaSameBusinessDay,
          ),
        }))
        .filter((row) => !breachedOnly || row.deadline.getTime() < nowMs);
    },
    [owner, breachedOnly, settings],
  );
  const clock = ({ deadline, cal }: LeadWithDeadline) => {
    // The clock counts business minutes (closed hours and holidays do not run it), like the SLA itself.
    const nowDate = new Date(now);
    const minutes =
      deadline.getTime() >= now
        ? businessMinutesBetween(nowDate, deadline, cal)
        : -businessMinutesBetween(deadline, nowDate, cal);
    return deadline.getTime() >= now ? (
      <span className={minutes < 15 ? 'pill warn' : 'pill good'} title={fmt.dateTime(deadline)}>
        {t('leads.left', { time: fmt.minutes(minutes) })}
      </span>
    ) : (
      <span className="pill bad" title={fmt.dateTime(deadline)}>
        {t('leads.overdue', { time: fmt.minutes(-minutes) })}
      </span>
    );
  };
  return (
    <Panel title={title} testId={testId}>
      <Async
        state={state}
        isEmpty={(rows) => rows.length === 0}
        emptyMessage={breachedOnly ? t('sla.none') : t('leads.none')}
      >
        {(rows) => (
          <DataTable
            caption={t('leads.title')}
            rows={rows.slice(0, 25)}
            rowKey={(r) => r.lead.id}
            columns={[
              { key: 'name', header: t('leads.name'), cell: (r) => r.lead.name },
              // The clock comes right after the name so it stays in view on narrow screens.
              { key: 'sla', header: t('leads.sla'), cell: clock },
              // The manager's list names the owner instead of the company, to stay readable on a phone.
              owner === undefined
                ? {
                    key: 'owner',
                    header: t('deals.owner'),
                    cell: (r: LeadWithDeadline) => r.lead.ownerName ?? '',
                  }
                : {
                    key: 'company',
                    header: t('leads.company'),
                    cell: (r: LeadWithDeadline) => r.lead.company ?? '',
                  },
              ...(breachedOnly
                ? []
                : [
                    {
                      key: 'created',
                      header: t('leads.created'),
                      cell: (r: LeadWithDeadline) => fmt.dateTime(r.lead.createdAt),
                    },
                  ]),
            ]}
          />
        )}
      </Async>
    </Panel>
  );
}
