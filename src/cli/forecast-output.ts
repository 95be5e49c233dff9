import { formatMetricValue } from '../domain/metrics/format.ts';
import type { ErrorStats } from '../domain/forecast/accuracy.ts';
import type { BacktestReport } from '../store/queries/forecast/backtest.ts';
import type { ForecastReport } from '../store/queries/forecast/forecast-report.ts';
import type { PlanReport } from '../store/queries/forecast/plan-report.ts';

const METHOD_LABELS: Record<string, string> = {
  stage_weighted: 'Stage-weighted',
  judgement: 'Commit / judgement',
  run_rate: 'Historical run-rate',
  cycle_age: 'Cycle-age',
  monte_carlo: 'Monte Carlo (P50)',
};

/** Pads cells into aligned columns: the first column left, the rest right. */
function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number)))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

const pct = (v: number | null, locale: string) =>
  v === null
    ? '-'
    : new Intl.NumberFormat(locale, {
        style: 'percent',
        maximumFractionDigits: 1,
        signDisplay: 'auto',
      }).format(v);

/** The forecast as a table: each method's number, won to date and range, then warnings and the track record. */
export function forecastTable(r: ForecastReport, locale: string): string {
  const money = (v: number | null) => formatMetricValue(v, 'money', locale, r.currency);
  const lines = [
    `Forecast ${r.period.key} (${r.period.start} to ${r.period.end}, end exclusive) for ${r.scope.name}, as of ${r.asOf.toISOString()}`,
    '',
    table(
      ['Method', 'Forecast', 'Won to date', 'In pipeline', 'Still to be created', 'Low', 'High'],
      r.methods.map((m) => [
        METHOD_LABELS[m.method] ?? m.method,
        money(m.value),
        money(m.wonToDate),
        money(m.inPipeline),
        money(m.toBeCreated),
        money(m.low),
        money(m.high),
      ]),
    ),
  ];
  const np = r.newPipeline;
  lines.push(
    '',
    `Still to be created: ${money(np.value)} = ${np.dealsPerBusinessDay.toFixed(2)} new deals a business day x ${pct(np.winShare, locale)} won in the period x ${money(Math.round(np.avgWonDeal))}${np.creationTrend === null ? '' : `, creation trend ${np.creationTrend >= 0 ? '+' : ''}${pct(np.creationTrend, locale)} a look-back`}${np.seasonFactor === null ? '' : ` x season ${np.seasonFactor.toFixed(2)}`}`,
  );
  if (r.calibration.length > 0) {
    lines.push(
      '',
      `Stage probabilities (${r.probabilities === 'settings' ? "each pipeline's setting" : `${r.probabilities} for all`}): configured vs observed over the last 365 days (observed: won share of the days closed deals spent in the stage)`,
      table(
        ['Stage', 'Configured', 'Observed', 'Deals won', 'Closed deals', 'Learned', 'In use'],
        r.calibration.map((c) => [
          c.stageName,
          pct(c.configured, locale),
          pct(c.observed, locale),
          pct(c.dealWonShare, locale),
          String(c.closed),
          pct(c.learned, locale),
          c.source,
        ]),
      ),
    );
  }
  if (r.range) {
    lines.push(
      '',
      `Range (Monte Carlo, seed ${r.seed}): P10 ${money(r.range.p10)}  P50 ${money(r.range.p50)}  P90 ${money(r.range.p90)}`,
    );
  }
  for (const w of r.warnings) lines.push('', `Warning: ${w}`);
  if (r.trackRecord) {
    lines.push(
      '',
      `Track record over the last periods (at period start, week 2 and mid-period):`,
      accuracyTable(r.trackRecord.methods, locale, 'slots'),
    );
    if (r.trackRecord.best)
      lines.push(`Most accurate so far: ${METHOD_LABELS[r.trackRecord.best] ?? r.trackRecord.best}`);
  }
  if (r.blended) {
    lines.push(
      `Blended (methods weighted by their track record): ${money(r.blended.value)}${r.blended.beatsBest === false ? ' (did not beat the best single method)' : ''}`,
    );
  }
  if (r.recommended) {
    const name =
      r.recommended.method === 'blended'
        ? 'Blended'
        : (METHOD_LABELS[r.recommended.method] ?? r.recommended.method);
    lines.push(`Recommended: ${name} ${money(r.recommended.value)} (${r.recommended.reason})`);
  }
  return lines.join('\n');
}

/**
 * Error per method: at the period starts; with 'slots' also at week 2 and mid-period; with 'weekly' also over every
 * checkpoint (when there were checkpoints besides the period starts).
 */
function accuracyTable(
  methods: ReadonlyArray<{
    method: string;
    atStart: ErrorStats;
    atWeek2: ErrorStats;
    atMid: ErrorStats;
    allCheckpoints: ErrorStats;
  }>,
  locale: string,
  columns: 'start' | 'slots' | 'weekly',
): string {
  const slots = columns !== 'start';
  const weekly = columns === 'weekly';
  return table(
    [
      'Method',
      'MAPE (start)',
      'Bias (start)',
      ...(slots ? ['MAPE (week 2)', 'Bias (week 2)', 'MAPE (mid)', 'Bias (mid)'] : []),
      ...(weekly ? ['MAPE (weekly)', 'Bias (weekly)'] : []),
      'Periods',
      ...(weekly ? ['Forecasts'] : []),
    ],
    methods.map((m) => [
      METHOD_LABELS[m.method] ?? m.method,
      pct(m.atStart.mape, locale),
      pct(m.atStart.bias, locale),
      ...(slots
        ? [
            pct(m.atWeek2.mape, locale),
            pct(m.atWeek2.bias, locale),
            pct(m.atMid.mape, locale),
            pct(m.atMid.bias, locale),
          ]
        : []),
      ...(weekly ? [pct(m.allCheckpoints.mape, locale), pct(m.allCheckpoints.bias, locale)] : []),
      String(m.atStart.n),
      ...(weekly ? [String(m.allCheckpoints.n)] : []),
    ]),
  );
}

/** The backtest as tables: the company's periods (forecast at start vs actual), then accuracy per scope. */
export function backtestTable(r: BacktestReport, locale: string, currency: string): string {
  const money = (v: number | undefined) => formatMetricValue(v ?? null, 'money', locale, currency);
  const methods = Object.keys(METHOD_LABELS);
  const lines = [
    `Backtest: ${r.periods.length} ${r.grain}s, ${r.checkpoints} checkpoints (bias > 0 = over-forecast)`,
    '',
    table(
      ['Period', 'Actual won', ...methods.map((m) => METHOD_LABELS[m] as string)],
      r.periods.map((p) => [p.key, money(p.actual), ...methods.map((m) => money(p.atStart[m]))]),
    ),
  ];
  // What the company's forecast learned at each start (the stage rates are in --json: learnedAtStart.stages).
  const learned = r.periods.filter((p) => p.learnedAtStart !== null);
  if (learned.length > 0) {
    const num = (v: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(v);
    lines.push(
      '',
      'Pipeline yet to be created, as learned at each period start (company):',
      table(
        [
          'Period',
          'Deals / business day',
          'Trend',
          'Won in period',
          'Avg won deal',
          'Season',
          'To be created',
        ],
        learned.map((p) => {
          const n = p.learnedAtStart?.newPipeline;
          return [
            p.key,
            num(n?.dealsPerBusinessDay ?? 0),
            pct(n?.creationTrend ?? null, locale),
            pct(n?.winShare ?? null, locale),
            money(n?.avgWonDeal),
            n?.seasonFactor == null ? '-' : num(n.seasonFactor),
            money(n?.value),
          ];
        }),
      ),
    );
  }
  for (const s of r.scopes) {
    lines.push(
      '',
      `${s.name} (${s.scopeKey})${s.best ? `: most accurate ${METHOD_LABELS[s.best] ?? s.best}` : ''}`,
    );
    lines.push(accuracyTable(s.methods, locale, r.checkpoints > r.periods.length ? 'weekly' : 'start'));
    const b = s.blended;
    lines.push(
      `Blended: MAPE ${pct(b.atStart.mape, locale)} at start (bias ${pct(b.atStart.bias, locale)}, ${b.atStart.n} periods, weighted by the periods before each), mid ${pct(b.atMid.mape, locale)}, weekly ${pct(b.allCheckpoints.mape, locale)}; best single method on the same periods: ${b.bestSingle ? (METHOD_LABELS[b.bestSingle] ?? b.bestSingle) : '-'} ${pct(b.bestSingleMape, locale)}${b.beatsBest === false ? ': the blend does not beat it' : b.beatsBest ? ': the blend beats it' : ''}`,
    );
    for (const slot of ['week2', 'mid'] as const) {
      const v = b.versusBest[slot];
      if (v.blendMape === null) continue;
      lines.push(
        `  at ${slot === 'week2' ? 'week 2' : 'mid-period'}: blend ${pct(v.blendMape, locale)}, best single ${v.bestSingle ? (METHOD_LABELS[v.bestSingle] ?? v.bestSingle) : '-'} ${pct(v.bestSingleMape, locale)}${v.beatsBest === false ? ': the blend does not beat it' : v.beatsBest ? ': the blend beats it' : ''}`,
      );
    }
    const rec = s.recommended;
    lines.push(
      `Recommended (blend while it beats the best method so far, else that method): MAPE ${pct(rec.atStart.mape, locale)} at start (bias ${pct(rec.atStart.bias, locale)}, ${rec.atStart.n} periods; picks ${rec.picks.join(', ') || '-'}); best single method in hindsight ${rec.bestSingle ? (METHOD_LABELS[rec.bestSingle] ?? rec.bestSingle) : '-'} ${pct(rec.bestSingleMape, locale)}${rec.beatsBest === false ? ': not beaten' : rec.beatsBest ? ': matched or beaten' : ''}`,
    );
  }
  return lines.join('\n');
}

/** The plan as tables: what the target needs per stage, and what the (what-if) pace gives. */
export function planTable(r: PlanReport, locale: string): string {
  const money = (v: number | null) => formatMetricValue(v, 'money', locale, r.currency);
  const count = (v: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(v);
  const p = r.plan;
  const lines = [
    `Plan ${r.period.key} for ${r.scope.name}: ${r.rates} rates over the last ${r.lookbackDays} days, average won deal ${money(r.avgDealSize)}`,
    '',
  ];
  lines.push(
    table(
      ['Stage', 'Reach', 'Needed', 'At this pace'],
      p.stages.map((s, i) => [
        s.label,
        pct(s.reach, locale),
        p.required ? count(p.required[i]?.required ?? 0) : '-',
        count(p.projected[i]?.required ?? 0),
      ]),
    ),
  );
  lines.push('');
  if (p.targetWins !== null) lines.push(`Target: ${count(p.targetWins)} wins (${money(p.targetRevenue)})`);
  if (p.required === null && p.targetWins !== null) {
    const why =
      r.rates === 'observed' && r.observed.winRate === null
        ? `no deal closed in the last ${r.lookbackDays} days, so there is no observed win rate`
        : 'the observed funnel never reaches a win';
    lines.push(`No plan possible: ${why}.`);
  }
  lines.push(`At ${count(p.topCount)} leads: ${count(p.projectedWins)} wins, ${money(p.projectedRevenue)}`);
  if (p.gapWins !== null) lines.push(`Gap: ${p.gapWins >= 0 ? '+' : ''}${count(p.gapWins)} wins`);
  return lines.join('\n');
}
