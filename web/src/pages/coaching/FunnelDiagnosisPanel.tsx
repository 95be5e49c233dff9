import { request } from '../../api/client.ts';
import type { DiagnosisSentence, FunnelDiagnosis } from '../../api/types/coaching.ts';
import { useApi } from '../../api/use-api.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { Panel } from '../../components/panel.tsx';
import { Async, Empty } from '../../components/state.tsx';
import type { Formatters } from '../../format/formatters.ts';
import { useWorkspace } from '../../format/workspace.tsx';
import { isolate } from '../../i18n/bidi.ts';
import { t } from '../../i18n/t.ts';

/**
 * A finding in plain words, from the API's structured values (the API's English `text` is for the CLI), with the
 * numbers in the reader's formats: percentages through fmt.percent (the values are whole percents), minutes and
 * counts through fmt.number.
 */
function sentence(s: DiagnosisSentence, fmt: Formatters): string {
  const pct = (p: number) => fmt.percent(p / 100);
  const num = (n: number) => fmt.number(n);
  switch (s.kind) {
    case 'biggest_gap':
      return t('diagnosis.sentence.biggest_gap', {
        from: isolate(String(s.values.from)),
        to: isolate(String(s.values.to)),
        rep: pct(s.values.rep),
        team: pct(s.values.team),
      });
    case 'no_gap':
      return t('diagnosis.sentence.no_gap', { points: num(s.values.points) });
    case 'follow_up_gaps': {
      const { teamShare } = s.values;
      const rest = {
        count: num(s.values.count),
        lost: num(s.values.lost),
        threshold: num(s.values.threshold),
      };
      return teamShare === null
        ? t('diagnosis.sentence.follow_up_gaps', rest)
        : t('diagnosis.sentence.follow_up_gaps_team', { ...rest, teamShare: pct(teamShare) });
    }
    case 'response_time':
      return s.values.team === null
        ? t('diagnosis.sentence.response_time', { rep: num(s.values.rep) })
        : t('diagnosis.sentence.response_time_team', { rep: num(s.values.rep), team: num(s.values.team) });
  }
}

/**
 * One rep's funnel against their peers (GET /api/coaching/funnel-diagnosis): the findings in plain words, then
 * conversion and days in stage per stage. Needs a rep; `periodKey` defaults to the current quarter.
 */
export function FunnelDiagnosisPanel({
  repId,
  periodKey,
}: {
  repId?: number;
  teamId?: number;
  periodKey?: string;
}) {
  const { fmt } = useWorkspace();
  const state = useApi(
    (signal) =>
      repId === undefined
        ? Promise.resolve(null)
        : request<FunnelDiagnosis>('GET', '/api/coaching/funnel-diagnosis', {
            query: { userId: repId, period: periodKey },
            signal,
          }),
    [repId, periodKey],
  );
  return (
    <Panel title={t('diagnosis.title')} testId="funnel-diagnosis" wide>
      {repId === undefined ? (
        <Empty message={t('diagnosis.pickRep')} />
      ) : (
        <Async state={state}>
          {(d) =>
            d && (
              <>
                <p className="muted">
                  {t('diagnosis.help', {
                    rep: d.rep.name,
                    peers:
                      d.peers.kind === 'team'
                        ? t('diagnosis.peersTeam', { team: d.peers.teamName ?? '' })
                        : t('diagnosis.peersCompany'),
                    count: d.peers.reps,
                    from: fmt.date(d.period.from),
                    to: fmt.date(d.period.to),
                  })}
                </p>
                <ul className="findings" data-testid="funnel-diagnosis-findings">
                  {d.sentences.map((s) => (
                    <li key={s.kind} data-kind={s.kind}>
                      {sentence(s, fmt)}
                    </li>
                  ))}
                </ul>
                <DataTable
                  caption={t('diagnosis.title')}
                  rows={d.stages}
                  rowKey={(s) => s.stageId}
                  testId="funnel-diagnosis-table"
                  columns={[
                    {
                      key: 'stage',
                      header: t('diagnosis.stage'),
                      cell: (s) => t('diagnosis.step', { from: isolate(s.from), to: isolate(s.to) }),
                    },
                    {
                      key: 'entered',
                      header: t('diagnosis.repEntered'),
                      numeric: true,
                      cell: (s) => fmt.number(s.rep.entered),
                    },
                    {
                      key: 'repRate',
                      header: t('diagnosis.repRate'),
                      numeric: true,
                      cell: (s) =>
                        s.stageId === d.biggestGap?.stageId ? (
                          <strong>{fmt.percent(s.rep.rate)}</strong>
                        ) : (
                          fmt.percent(s.rep.rate)
                        ),
                    },
                    {
                      key: 'teamRate',
                      header: t('diagnosis.teamRate'),
                      numeric: true,
                      cell: (s) => fmt.percent(s.team.rate),
                    },
                    {
                      key: 'repDays',
                      header: t('diagnosis.repDays'),
                      numeric: true,
                      cell: (s) => fmt.number(s.rep.medianDays),
                    },
                    {
                      key: 'teamDays',
                      header: t('diagnosis.teamDays'),
                      numeric: true,
                      cell: (s) => fmt.number(s.team.medianDays),
                    },
                  ]}
                />
              </>
            )
          }
        </Async>
      )}
    </Panel>
  );
}
