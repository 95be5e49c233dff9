import { getLeads } from '../../api/rows.ts';
import type { Lead } from '../../api/types/rows.ts';
import { useApi } from '../../api/use-api.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { Panel } from '../../components/panel.tsx';
import { Async } from '../../components/state.tsx';
import { useWorkspace } from '../../format/workspace.tsx';
import { t } from '../../i18n/t.ts';

const OPEN = ['new', 'working', 'mql', 'sql'] as const;

/** "Visited pricing +10 (2 events)" lines: every rule that fired for the lead, as the hover text of its score. */
export function whyText(lead: Lead): string {
  if (!lead.scoreWhy || lead.scoreWhy.length === 0) return t('scoring.whyNone');
  return lead.scoreWhy
    .map((r) =>
      t(r.type === 'fit' ? 'scoring.whyFit' : r.capped ? 'scoring.whyCapped' : 'scoring.whyEvents', {
        label: r.label,
        points: r.points > 0 ? `+${r.points}` : String(r.points),
        count: r.events,
      }),
    )
    .join('\n');
}

/** Open leads the viewer may see, highest score first (GET /api/leads?sort=score). */
export function ScoredLeadsPanel() {
  const { fmt } = useWorkspace();
  const state = useApi(async (signal) => {
    const leads = await getLeads({ sort: 'score', limit: 200 }, signal);
    return leads.filter((l) => (OPEN as readonly string[]).includes(l.status));
  }, []);
  return (
    <Panel title={t('scoring.leads')} wide testId="scored-leads">
      <Async state={state} isEmpty={(rows) => rows.length === 0} emptyMessage={t('scoring.noLeads')}>
        {(rows) => (
          <DataTable<Lead>
            caption={t('scoring.leads')}
            rows={rows}
            rowKey={(l) => l.id}
            columns={[
              { key: 'name', header: t('leads.name'), cell: (l) => l.name },
              { key: 'company', header: t('leads.company'), cell: (l) => l.company ?? '' },
              {
                key: 'owner',
                header: t('scoring.owner'),
                cell: (l) => l.ownerName ?? t('scoring.unassigned'),
              },
              { key: 'status', header: t('scoring.status'), cell: (l) => t(`scoring.status.${l.status}`) },
              {
                key: 'score',
                header: t('scoring.score'),
                numeric: true,
                cell: (l) => (l.score === null ? '–' : fmt.number(l.score)),
                title: (l) => whyText(l),
              },
              { key: 'created', header: t('leads.created'), cell: (l) => fmt.dateTime(l.createdAt) },
            ]}
          />
        )}
      </Async>
    </Panel>
  );
}
