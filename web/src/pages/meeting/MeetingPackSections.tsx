import type { ReactNode } from 'react';
import { getMeetingPack } from '../../api/meeting-pack.ts';
import { getMetricDefinitions } from '../../api/metrics.ts';
import type { MetricDefinitionInfo } from '../../api/types/metrics.ts';
import type { HotDeal, MeetingPack, PackDeal } from '../../api/types/meeting-pack.ts';
import type { LeaderboardLine } from '../../api/types/leaderboard.ts';
import { useApi } from '../../api/use-api.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { DealAmount, MissingRateNote } from '../../components/DealAmount.tsx';
import { PacingList } from '../../components/PacingList.tsx';
import { Panel } from '../../components/panel.tsx';
import { Async, Empty } from '../../components/state.tsx';
import { formatMetric } from '../../format/metric-value.ts';
import { useWorkspace } from '../../format/workspace.tsx';
import { isolate } from '../../i18n/bidi.ts';
import { t } from '../../i18n/t.ts';
import { metricName } from '../../i18n/metric-label.ts';

/**
 * The sales meeting pack of a team (or the company) for a period: the same sections on screen (/team/meeting)
 * and in the print view (/print/meeting-pack/:team), which the PDF is printed from. One API call
 * (GET /api/meeting-pack) as the viewer, so the pack never shows more than the viewer may see.
 */
export function MeetingPackSections({
  team,
  period,
  actions,
}: {
  team?: number | 'company';
  period?: string;
  /** Controls under the title once the pack is loaded (the screen page's print links). */
  actions?: (pack: MeetingPack) => ReactNode;
}) {
  const state = useApi(
    async (signal) => {
      const [pack, defs] = await Promise.all([
        getMeetingPack({ team, period }, signal),
        getMetricDefinitions(signal),
      ]);
      return { pack, definitions: new Map(defs.map((d) => [d.id, d])) };
    },
    [team, period],
  );
  return (
    <Async state={state}>
      {({ pack, definitions }) => <Pack pack={pack} definitions={definitions} actions={actions} />}
    </Async>
  );
}

function Pack({
  pack,
  definitions,
  actions,
}: {
  pack: MeetingPack;
  definitions: Map<string, MetricDefinitionInfo>;
  actions?: (pack: MeetingPack) => ReactNode;
}) {
  const { fmt } = useWorkspace();
  const name = pack.subject.type === 'company' ? t('meeting.company') : pack.subject.name;
  return (
    <article
      className="meeting-pack"
      data-period={pack.period.key}
      data-subject={pack.subject.id ?? 'company'}
    >
      <header className="one-to-one-head">
        <h1>{t('meeting.title', { name })}</h1>
        <p className="muted">
          {t('meeting.subtitle', {
            from: fmt.date(pack.period.from),
            to: fmt.date(pack.period.to),
            previous: pack.previousPeriod.key,
            asOf: fmt.dateTime(pack.asOf),
          })}
        </p>
        {actions?.(pack)}
      </header>
      <div className="one-to-one-grid">
        <KpiSection pack={pack} definitions={definitions} />
        <Panel title={t('meeting.goals')} testId="meeting-goals">
          {pack.goals.length === 0 ? (
            <Empty message={t('meeting.noGoals')} />
          ) : (
            <PacingList items={pack.goals} definitions={definitions} names={goalOwners(pack)} />
          )}
        </Panel>
        <HottestSection pack={pack} />
        <StalledSection pack={pack} />
        <WinsSection pack={pack} />
        <LeaderboardSection pack={pack} definitions={definitions} />
        <FunnelSection pack={pack} />
      </div>
      <MissingRateNote currencies={pack.currenciesWithoutRate} testId="meeting-missing-rates" />
    </article>
  );
}

/** Whose goal each one is ('user:ID' / 'team:ID' -> name): the board's reps and the pack's team. */
function goalOwners(pack: MeetingPack): Map<string, string> {
  const names = new Map(pack.leaderboard.lines.map((l): [string, string] => [`user:${l.id}`, l.name]));
  if (pack.subject.id !== null) names.set(`team:${pack.subject.id}`, pack.subject.name);
  return names;
}

function KpiSection({
  pack,
  definitions,
}: {
  pack: MeetingPack;
  definitions: Map<string, MetricDefinitionInfo>;
}) {
  const { fmt } = useWorkspace();
  const value = (id: string, v: number | null) => formatMetric(fmt, definitions.get(id)?.unit, v);
  return (
    <Panel title={t('meeting.kpis')} testId="meeting-kpis">
      <DataTable
        caption={t('meeting.kpis')}
        rows={pack.kpis}
        rowKey={(k) => k.metricId}
        columns={[
          {
            key: 'kpi',
            header: t('meeting.kpi'),
            cell: (k) => metricName(definitions.get(k.metricId), k.metricId),
          },
          {
            key: 'value',
            header: t('meeting.value'),
            numeric: true,
            cell: (k) => value(k.metricId, k.value),
          },
          {
            key: 'previous',
            header: t('meeting.previous'),
            numeric: true,
            cell: (k) => value(k.metricId, k.previous),
          },
        ]}
      />
    </Panel>
  );
}

function HottestSection({ pack }: { pack: MeetingPack }) {
  const { fmt } = useWorkspace();
  const days = pack.hottest.windowDays;
  return (
    <Panel title={t('meeting.hottest')} testId="meeting-hottest" wide>
      <p className="muted">{t('meeting.hottestHelp', { days })}</p>
      {pack.hottest.deals.length === 0 ? (
        <Empty message={t('meeting.noHottest', { days })} />
      ) : (
        <DataTable<HotDeal>
          caption={t('meeting.hottest')}
          testId="meeting-hottest-table"
          rows={pack.hottest.deals}
          rowKey={(d) => d.opportunityId}
          columns={[
            { key: 'deal', header: t('meeting.deal'), cell: (d) => d.name },
            { key: 'owner', header: t('meeting.owner'), cell: (d) => d.ownerName ?? '' },
            {
              key: 'stage',
              header: t('meeting.stage'),
              cell: (d) =>
                t('meeting.stageProbability', {
                  stage: d.stageName,
                  probability: fmt.percent(d.probabilityPct / 100),
                }),
            },
            {
              key: 'amount',
              header: t('meeting.amount'),
              numeric: true,
              cell: (d) => <DealAmount deal={d} />,
            },
            {
              key: 'weighted',
              header: t('meeting.weighted'),
              numeric: true,
              cell: (d) => fmt.money(d.weightedMinor),
            },
            { key: 'close', header: t('meeting.close'), cell: (d) => fmt.date(d.expectedCloseDate) },
            {
              key: 'moves',
              header: t('meeting.moves'),
              cell: (d) => d.moves.map((m) => t(`meeting.move.${m}`)).join(', '),
            },
          ]}
        />
      )}
    </Panel>
  );
}

function StalledSection({ pack }: { pack: MeetingPack }) {
  const { fmt } = useWorkspace();
  const { total, stalledDays, deals } = pack.stalled;
  return (
    <Panel title={t('meeting.stalled')} testId="meeting-stalled" wide>
      {total === 0 ? (
        <Empty message={t('meeting.noStalled')} />
      ) : (
        <>
          <p className="muted">{t('meeting.stalledHelp', { count: total, days: stalledDays })}</p>
          <DataTable<PackDeal>
            caption={t('meeting.stalled')}
            testId="meeting-stalled-table"
            rows={deals}
            rowKey={(d) => d.opportunityId}
            columns={[
              { key: 'deal', header: t('meeting.deal'), cell: (d) => d.name },
              { key: 'owner', header: t('meeting.owner'), cell: (d) => d.ownerName ?? '' },
              {
                key: 'amount',
                header: t('meeting.amount'),
                numeric: true,
                cell: (d) => <DealAmount deal={d} />,
              },
              { key: 'days', header: t('meeting.days'), numeric: true, cell: (d) => fmt.number(d.days) },
            ]}
          />
        </>
      )}
    </Panel>
  );
}

function WinsSection({ pack }: { pack: MeetingPack }) {
  const { fmt } = useWorkspace();
  return (
    <Panel title={t('meeting.wins')} testId="meeting-wins" wide>
      {pack.wins.length === 0 ? (
        <Empty message={t('meeting.noWins')} />
      ) : (
        <DataTable<PackDeal>
          caption={t('meeting.wins')}
          testId="meeting-wins-table"
          rows={pack.wins}
          rowKey={(d) => d.opportunityId}
          columns={[
            { key: 'deal', header: t('meeting.deal'), cell: (d) => d.name },
            { key: 'owner', header: t('meeting.owner'), cell: (d) => d.ownerName ?? '' },
            {
              key: 'amount',
              header: t('meeting.amount'),
              numeric: true,
              cell: (d) => <DealAmount deal={d} />,
            },
            { key: 'date', header: t('meeting.wonOn'), cell: (d) => fmt.date(d.date) },
          ]}
        />
      )}
    </Panel>
  );
}

function LeaderboardSection({
  pack,
  definitions,
}: {
  pack: MeetingPack;
  definitions: Map<string, MetricDefinitionInfo>;
}) {
  const { fmt } = useWorkspace();
  const { metricId, previousPeriod, lines } = pack.leaderboard;
  const def = definitions.get(metricId);
  // Places moved, in the reader's digits (the arrows say the direction, so no sign).
  const moved = (m: number | null) =>
    m === null ? '–' : m > 0 ? `▲ ${fmt.number(m)}` : m < 0 ? `▼ ${fmt.number(-m)}` : '=';
  return (
    <Panel title={t('meeting.leaderboard')} testId="meeting-leaderboard">
      <p className="muted">
        {t('meeting.leaderboardHelp', { metric: metricName(def, metricId), previous: previousPeriod })}
      </p>
      {lines.length === 0 ? (
        <Empty message={t('meeting.noLeaderboard')} />
      ) : (
        <DataTable<LeaderboardLine>
          caption={t('meeting.leaderboard')}
          testId="meeting-leaderboard-table"
          rows={lines}
          rowKey={(l) => l.id}
          columns={[
            { key: 'rank', header: t('meeting.rank'), numeric: true, cell: (l) => fmt.number(l.rank) },
            { key: 'rep', header: t('meeting.rep'), cell: (l) => l.name },
            {
              key: 'value',
              header: metricName(def, metricId),
              numeric: true,
              cell: (l) => formatMetric(fmt, def?.unit, l.value),
            },
            { key: 'movement', header: t('meeting.movement'), cell: (l) => moved(l.movement) },
          ]}
        />
      )}
    </Panel>
  );
}

function FunnelSection({ pack }: { pack: MeetingPack }) {
  const { fmt } = useWorkspace();
  const { weakest, stages } = pack.funnel;
  return (
    <Panel title={t('meeting.funnel')} testId="meeting-funnel">
      <p className="muted">
        {t('meeting.funnelHelp', { from: fmt.date(pack.funnel.from), to: fmt.date(pack.funnel.to) })}
      </p>
      <p data-testid="meeting-weakest">
        {weakest
          ? t('meeting.weakest', {
              from: isolate(weakest.from),
              to: isolate(weakest.to),
              rate: fmt.percent(weakest.rate),
              advanced: weakest.advanced,
              entered: weakest.entered,
              company: fmt.percent(weakest.companyRate),
            })
          : t('meeting.noWeakest')}
      </p>
      <DataTable
        caption={t('meeting.funnel')}
        rows={stages}
        rowKey={(s) => s.stageId}
        columns={[
          {
            key: 'step',
            header: t('meeting.step'),
            cell: (s) => t('common.fromTo', { from: isolate(s.from), to: isolate(s.to) }),
          },
          {
            key: 'rate',
            header: t('meeting.rate'),
            numeric: true,
            cell: (s) =>
              t('meeting.rateOfEntered', {
                rate: fmt.percent(s.rep.rate),
                advanced: fmt.number(s.rep.advanced),
                entered: fmt.number(s.rep.entered),
              }),
          },
          {
            key: 'company',
            header: t('meeting.companyRate'),
            numeric: true,
            cell: (s) => fmt.percent(s.team.rate),
          },
        ]}
      />
    </Panel>
  );
}
