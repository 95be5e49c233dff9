import { useEffect, useState, type FormEvent } from 'react';
import { request } from '../../api/client.ts';
import { getMetricDefinitions } from '../../api/metrics.ts';
import type { MetricDefinitionInfo } from '../../api/types/metrics.ts';
import { useApi } from '../../api/use-api.ts';
import { Panel } from '../../components/panel.tsx';
import { runSave, SaveStatus, type SaveState } from '../../components/SaveStatus.tsx';
import { Async } from '../../components/state.tsx';
import { t } from '../../i18n/t.ts';
import { metricLabel } from '../../i18n/metric-label.ts';

interface CardMetric {
  metricId: string;
  kind: 'leading' | 'lagging';
  benchmark: number;
  weight: number;
}
interface Card {
  id: number;
  salesRole: string | null;
  name: string;
  metrics: CardMetric[];
}
/** A line being edited: numbers stay text until saved, so a half-typed value is not rejected while typing. */
interface Line {
  metricId: string;
  kind: 'leading' | 'lagging';
  benchmark: string;
  weight: string;
}

const NEW = -1;

function linesOf(card: Card | undefined): Line[] {
  return (card?.metrics ?? []).map((m) => ({
    ...m,
    benchmark: String(m.benchmark),
    weight: String(m.weight),
  }));
}

/**
 * Scorecards per sales role (GET/POST/PUT /api/coaching/scorecards, docs/coaching.md "Scorecards"): which
 * metrics count as activity (leading) or results (lagging), each with its monthly benchmark for a ramped rep
 * and its weight. The server checks every line and saves all or nothing; its errors name the line.
 */
export function ScorecardSettings() {
  const state = useApi(async (signal) => {
    const [cards, defs] = await Promise.all([
      request<{ scorecards: Card[] }>('GET', '/api/coaching/scorecards', { signal }),
      getMetricDefinitions(signal),
    ]);
    return { cards: cards.scorecards, defs };
  }, []);
  return (
    <Panel title={t('settings.scorecards')} wide>
      <p className="muted">{t('settings.scorecardsHelp')}</p>
      <Async state={state}>
        {({ cards, defs }) => <ScorecardForm cards={cards} defs={defs} onSaved={state.reload} />}
      </Async>
    </Panel>
  );
}

function ScorecardForm({
  cards,
  defs,
  onSaved,
}: {
  cards: Card[];
  defs: MetricDefinitionInfo[];
  onSaved: () => void;
}) {
  const [selected, setSelected] = useState<number>(cards[0]?.id ?? NEW);
  const card = cards.find((c) => c.id === selected);
  const [name, setName] = useState(card?.name ?? '');
  const [role, setRole] = useState(card?.salesRole ?? '');
  const [lines, setLines] = useState<Line[]>(linesOf(card));
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  useEffect(() => {
    setName(card?.name ?? '');
    setRole(card?.salesRole ?? '');
    setLines(linesOf(card));
  }, [selected, cards]);
  const setLine = (i: number, patch: Partial<Line>) =>
    setLines(lines.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  async function submit(event: FormEvent) {
    event.preventDefault();
    const body = {
      name: name.trim(),
      salesRole: role.trim() === '' ? null : role.trim(),
      metrics: lines.map((l) => ({
        metricId: l.metricId,
        kind: l.kind,
        benchmark: Number(l.benchmark),
        weight: Number(l.weight),
      })),
    };
    let stored: Card | null = null;
    const saved = await runSave(setSave, async () => {
      stored =
        selected === NEW
          ? await request<Card>('POST', '/api/coaching/scorecards', { body })
          : await request<Card>('PUT', `/api/coaching/scorecards/${selected}`, { body });
    });
    if (saved && stored) {
      // A new card, or the built-in default (id 0) stored for the first time, comes back with its own id.
      setSelected((stored as Card).id);
      onSaved();
    }
  }
  return (
    <form onSubmit={(e) => void submit(e)} data-testid="scorecard-form">
      <div className="form-grid">
        <label>
          {t('settings.scorecard')}
          <select value={selected} onChange={(e) => setSelected(Number(e.target.value))}>
            {cards.map((c) => (
              <option key={c.id} value={c.id}>
                {c.salesRole ? `${c.name} (${c.salesRole})` : c.name}
              </option>
            ))}
            <option value={NEW}>{t('settings.scorecardNew')}</option>
          </select>
        </label>
        <label>
          {t('settings.scorecardName')}
          <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={100} />
        </label>
        <label>
          {t('settings.scorecardRole')}
          <input
            value={role}
            onChange={(e) => setRole(e.target.value)}
            maxLength={60}
            placeholder={t('settings.scorecardRoleDefault')}
          />
        </label>
      </div>
      <div className="table-scroll">
        <table className="data-table" data-testid="scorecard-lines">
          <thead>
            <tr>
              <th scope="col">{t('settings.scorecardMetric')}</th>
              <th scope="col">{t('settings.scorecardKind')}</th>
              <th scope="col">{t('settings.scorecardBenchmark')}</th>
              <th scope="col">{t('settings.scorecardWeight')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('settings.scorecardRemove')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {lines.map((line, i) => (
              <tr key={i}>
                <td>
                  <select
                    aria-label={t('settings.scorecardMetric')}
                    value={line.metricId}
                    onChange={(e) => setLine(i, { metricId: e.target.value })}
                  >
                    {defs.map((d) => (
                      <option key={d.id} value={d.id}>
                        {metricLabel(d)}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <select
                    aria-label={t('settings.scorecardKind')}
                    value={line.kind}
                    onChange={(e) => setLine(i, { kind: e.target.value as Line['kind'] })}
                  >
                    <option value="leading">{t('settings.scorecardLeading')}</option>
                    <option value="lagging">{t('settings.scorecardLagging')}</option>
                  </select>
                </td>
                <td>
                  <input
                    aria-label={t('settings.scorecardBenchmark')}
                    inputMode="decimal"
                    value={line.benchmark}
                    onChange={(e) => setLine(i, { benchmark: e.target.value })}
                    required
                  />
                </td>
                <td>
                  <input
                    aria-label={t('settings.scorecardWeight')}
                    inputMode="decimal"
                    value={line.weight}
                    onChange={(e) => setLine(i, { weight: e.target.value })}
                    required
                  />
                </td>
                <td>
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => setLines(lines.filter((_, j) => j !== i))}
                  >
                    {t('settings.scorecardRemove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="form-actions">
        <button
          type="button"
          onClick={() =>
            setLines([...lines, { metricId: defs[0]?.id ?? '', kind: 'leading', benchmark: '', weight: '1' }])
          }
        >
          {t('settings.scorecardAdd')}
        </button>
        <button type="submit">{t('form.save')}</button>
        <SaveStatus state={save} />
      </div>
    </form>
  );
}
