import { useMemo, useState, type ChangeEvent } from 'react';
import { getMetricDefinitions, getMetrics } from '../../api/metrics.ts';
import { getTeams, getUsers } from '../../api/people.ts';
import {
  DIMENSIONS,
  type Grain,
  type GroupBy,
  type MetricDefinitionInfo,
  type MetricQueryParams,
  type MetricRow,
} from '../../api/types/metrics.ts';
import { useApi } from '../../api/use-api.ts';
import { Chart } from '../../charts/Chart.tsx';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { Panel } from '../../components/panel.tsx';
import { Async } from '../../components/state.tsx';
import { downloadText, toCsv } from '../../format/csv.ts';
import { separatorForLocale } from '../../../../src/domain/csv/csv-format.ts';
import { formatMetric, partsTitle } from '../../format/metric-value.ts';
import { useWorkspace } from '../../format/workspace.tsx';
import { t } from '../../i18n/t.ts';
import { metricLabel } from '../../i18n/metric-label.ts';
import { RANGE_CHOICES, rangeFor, todayIn, type RangeChoice } from '../../period/ranges.ts';
import { exploreChartOption, groupKeyOf } from './explore-chart.ts';

const GROUPS: readonly GroupBy[] = ['rep', 'team', 'company', ...DIMENSIONS];
const PEOPLE: readonly GroupBy[] = ['rep', 'team', 'company'];

/** A group's display name: deal types as the app names them elsewhere, other values as the API gives them. */
function groupLabel(r: MetricRow): string {
  const type = OPPORTUNITY_TYPES.find((x) => x === r.group.name);
  return r.group.type === 'deal_type' && type ? t(`opportunityType.${type}`) : r.group.name;
}

/** True when every chosen metric can be grouped this way (the server refuses the others with a 400). */
function groupable(g: GroupBy, chosen: readonly MetricDefinitionInfo[]): boolean {
  return PEOPLE.includes(g) || chosen.every((d) => (d.dimensions ?? []).some((x) => x === g));
}
const GRAINS: readonly (Grain | '')[] = ['', 'day', 'week', 'month', 'quarter'];
const OPPORTUNITY_TYPES = ['new_business', 'upsell', 'renewal'] as const;

/** Any metric, grouped and filtered as GET /api/metrics allows, as a chart and a table with CSV export. */
export function ExplorePage() {
  const { fmt, settings, weekStartDay } = useWorkspace();
  const today = todayIn(settings?.timeZone ?? 'UTC');
  const definitions = useApi((signal) => getMetricDefinitions(signal), []);
  const teams = useApi((signal) => getTeams(signal).catch(() => []), []);
  const users = useApi((signal) => getUsers(signal).catch(() => []), []);
  const [metrics, setMetrics] = useState<string[]>(['calls', 'meetings_held', 'win_rate']);
  const [picked, setGroupBy] = useState<GroupBy>('rep');
  const [grain, setGrain] = useState<Grain | ''>('');
  const [choice, setChoice] = useState<RangeChoice | 'custom'>('month');
  const [custom, setCustom] = useState(() => rangeFor('month', today));
  const [teamIds, setTeamIds] = useState<number[]>([]);
  const [userIds, setUserIds] = useState<number[]>([]);
  const [types, setTypes] = useState<string[]>([]);
  const range = choice === 'custom' ? custom : rangeFor(choice, today, weekStartDay);
  const byId = useMemo(
    () => new Map((definitions.data ?? []).map((d) => [d.id, d] as const)),
    [definitions.data],
  );
  const chosen = metrics.map((id) => byId.get(id)).filter((d): d is MetricDefinitionInfo => d !== undefined);
  // A dimension some newly chosen metric cannot be split by falls back to per rep rather than asking for a 400.
  const groupBy: GroupBy = groupable(picked, chosen) ? picked : 'rep';
  const query: MetricQueryParams = {
    metrics,
    from: range.from,
    to: range.to,
    groupBy,
    grain: grain || null,
    teamIds,
    userIds,
    opportunityTypes: types as MetricQueryParams['opportunityTypes'],
  };
  const key = JSON.stringify(query);
  const result = useApi<MetricRow[]>(
    async (signal) => (metrics.length === 0 ? [] : (await getMetrics(query, signal)).rows),
    [key],
  );
  const [charted, setCharted] = useState<string>('');
  // The chart shows one metric at a time (units differ); the table shows them all.
  const first = chosen.find((d) => d.id === charted) ?? chosen[0];

  const columns: Column<MetricRow>[] = [
    { key: 'group', header: t(`explore.group.${groupBy}`), cell: groupLabel },
    ...(grain
      ? [{ key: 'period', header: t('explore.period'), cell: (r: MetricRow) => r.period ?? '' }]
      : []),
    ...chosen.map((d): Column<MetricRow> => ({
      key: d.id,
      header: metricLabel(d),
      numeric: true,
      cell: (r) => formatMetric(fmt, d.unit, r.values[d.id]?.value),
      title: (r) => partsTitle(fmt, d.unit, r.values[d.id]),
    })),
  ];

  function exportCsv(rows: MetricRow[]) {
    // Raw API values (money in minor units) plus their numerator/denominator, so a spreadsheet can recompute.
    const header = [
      'group',
      'period',
      ...chosen.flatMap((d) => [d.id, `${d.id}_numerator`, `${d.id}_denominator`]),
    ];
    const body = rows.map((r) => [
      r.group.name,
      r.period,
      ...chosen.flatMap((d) => [
        r.values[d.id]?.value,
        r.values[d.id]?.numerator,
        r.values[d.id]?.denominator,
      ]),
    ]);
    downloadText(
      `pacesetter-${range.from}-${range.to}.csv`,
      toCsv([header, ...body], separatorForLocale(fmt.locale)),
    );
  }

  const selectedValues = (e: ChangeEvent<HTMLSelectElement>) =>
    [...e.target.selectedOptions].map((o) => o.value);

  return (
    <>
      <div className="page-head">
        <h1>{t('explore.title')}</h1>
        <span className="range-text">
          {t('period.range', { from: fmt.date(range.from), to: fmt.date(range.to) })}
        </span>
      </div>
      <form className="toolbar" onSubmit={(e) => e.preventDefault()} aria-label={t('explore.controls')}>
        <label className="field-inline">
          {t('explore.metrics')}
          <select multiple value={metrics} onChange={(e) => setMetrics(selectedValues(e))} size={6}>
            {(definitions.data ?? []).map((d) => (
              <option key={d.id} value={d.id}>
                {metricLabel(d)}
              </option>
            ))}
          </select>
        </label>
        <label className="field-inline">
          {t('explore.groupBy')}
          <select value={groupBy} onChange={(e) => setGroupBy(e.target.value as GroupBy)}>
            {GROUPS.map((g) => (
              <option
                key={g}
                value={g}
                disabled={!groupable(g, chosen)}
                title={groupable(g, chosen) ? undefined : t('explore.groupUnavailable')}
              >
                {t(`explore.group.${g}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field-inline">
          {t('explore.grain')}
          <select value={grain} onChange={(e) => setGrain(e.target.value as Grain | '')}>
            {GRAINS.map((g) => (
              <option key={g} value={g}>
                {g ? t(`grain.${g}`) : t('explore.grainNone')}
              </option>
            ))}
          </select>
        </label>
        <label className="field-inline">
          {t('period.label')}
          <select value={choice} onChange={(e) => setChoice(e.target.value as RangeChoice | 'custom')}>
            {RANGE_CHOICES.map((c) => (
              <option key={c} value={c}>
                {t(`period.${c}`)}
              </option>
            ))}
            <option value="custom">{t('period.custom')}</option>
          </select>
        </label>
        {choice === 'custom' && (
          <>
            <label className="field-inline">
              {t('period.from')}
              <input
                type="date"
                value={custom.from}
                onChange={(e) => setCustom({ ...custom, from: e.target.value })}
              />
            </label>
            <label className="field-inline">
              {t('period.to')}
              <input
                type="date"
                value={custom.to}
                onChange={(e) => setCustom({ ...custom, to: e.target.value })}
              />
            </label>
          </>
        )}
        {(teams.data ?? []).length > 0 && (
          <label className="field-inline">
            {t('explore.teams')}
            <select
              multiple
              value={teamIds.map(String)}
              onChange={(e) => setTeamIds(selectedValues(e).map(Number))}
              size={3}
            >
              {(teams.data ?? []).map((team) => (
                <option key={team.id} value={team.id}>
                  {team.name}
                </option>
              ))}
            </select>
          </label>
        )}
        {(users.data ?? []).length > 0 && (
          <label className="field-inline">
            {t('explore.reps')}
            <select
              multiple
              value={userIds.map(String)}
              onChange={(e) => setUserIds(selectedValues(e).map(Number))}
              size={3}
            >
              {(users.data ?? [])
                .filter((u) => u.role === 'rep')
                .map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.name}
                  </option>
                ))}
            </select>
          </label>
        )}
        <label className="field-inline">
          {t('explore.opportunityTypes')}
          <select multiple value={types} onChange={(e) => setTypes(selectedValues(e))} size={3}>
            {OPPORTUNITY_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`opportunityType.${type}`)}
              </option>
            ))}
          </select>
        </label>
      </form>
      <div className="dashboard">
        <Panel
          title={first ? metricLabel(first) : t('explore.chart')}
          wide
          actions={
            <div className="toolbar-inline">
              {chosen.length > 1 && (
                <select
                  aria-label={t('explore.chartMetric')}
                  value={first?.id ?? ''}
                  onChange={(e) => setCharted(e.target.value)}
                >
                  {chosen.map((d) => (
                    <option key={d.id} value={d.id}>
                      {metricLabel(d)}
                    </option>
                  ))}
                </select>
              )}
              {result.data && result.data.length > 0 && (
                <button type="button" className="secondary" onClick={() => exportCsv(result.data ?? [])}>
                  {t('explore.exportCsv')}
                </button>
              )}
            </div>
          }
        >
          <Async
            state={result}
            isEmpty={(rows) => rows.length === 0 || !first}
            emptyMessage={t('explore.empty')}
          >
            {(rows) =>
              first && (
                <>
                  <Chart
                    label={t('explore.chartLabel', { metric: metricLabel(first) })}
                    option={exploreChartOption(
                      rows.map((r) => ({ ...r, group: { ...r.group, name: groupLabel(r) } })),
                      first.id,
                      metricLabel(first),
                      (v) => formatMetric(fmt, first.unit, v),
                    )}
                  />
                  <DataTable
                    caption={t('explore.table')}
                    columns={columns}
                    rows={rows}
                    rowKey={(r, i) => `${groupKeyOf(r)}:${r.period}:${i}`}
                    testId="explore-table"
                  />
                </>
              )
            }
          </Async>
        </Panel>
      </div>
    </>
  );
}
