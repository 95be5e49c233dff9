import { useMemo, useState, type FormEvent } from 'react';
import { getCommissionPlans, runWhatIf } from '../../api/commissions.ts';
import type {
  CommissionPlan,
  WhatIfPeriod,
  WhatIfRequest,
  WhatIfResult,
} from '../../api/types/commissions.ts';
import { useApi } from '../../api/use-api.ts';
import { Chart } from '../../charts/Chart.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { Panel } from '../../components/panel.tsx';
import { runSave, SaveStatus, type SaveState } from '../../components/SaveStatus.tsx';
import type { Formatters } from '../../format/formatters.ts';
import { useWorkspace } from '../../format/workspace.tsx';
import { t } from '../../i18n/t.ts';
import { CommissionsNav } from './CommissionsNav.tsx';
import { pctText, useFormattersIn } from './money.ts';
import { RulesEditor } from './RulesEditor.tsx';
import { rulesToForm, type RulesForm } from './rules-form.ts';
import { digitsOf, rulesOrFail } from './RulesForms.tsx';
import { NoticeItems } from '../../components/notice-text.tsx';

/**
 * /commissions/what-if (admins and managers): what a plan, or a changed copy of it, would have cost on the last
 * N periods' actual deals against the people's current plans, and optionally on simulated attainment.
 */
export function WhatIfPage() {
  const plans = useApi((signal) => getCommissionPlans(signal), []);
  return (
    <div className="page">
      <h1>{t('commissions.whatIfTitle')}</h1>
      <CommissionsNav />
      <Panel title={t('commissions.whatIf')} wide testId="commission-what-if">
        {plans.data && plans.data.length > 0 ? (
          <WhatIfForm plans={plans.data} />
        ) : (
          <p className="muted">{t('commissions.noPlans')}</p>
        )}
      </Panel>
    </div>
  );
}

function latestRules(plan: CommissionPlan | undefined) {
  return plan ? [...plan.versions].sort((a, b) => b.version - a.version)[0]?.rules : undefined;
}

function WhatIfForm({ plans }: { plans: CommissionPlan[] }) {
  const { fmt: workspaceFmt } = useWorkspace();
  const [planId, setPlanId] = useState(plans[0]!.id);
  const [editing, setEditing] = useState(false);
  const [rules, setRules] = useState<RulesForm | null>(null);
  const [periods, setPeriods] = useState('3');
  const [sim, setSim] = useState({ on: false, runs: '500', meanPct: '90', sdPct: '30', seed: '1' });
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const [result, setResult] = useState<WhatIfResult | null>(null);
  const base = latestRules(plans.find((p) => p.id === planId));
  const fmt = useFormattersIn(result?.currency ?? base?.currency);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!base) return;
    const parsed = editing && rules ? rulesOrFail(rules, workspaceFmt.locale, setSave) : base;
    if (!parsed) return;
    const body: WhatIfRequest = {
      rules: parsed,
      periods: Number(periods),
      ...(sim.on
        ? {
            simulation: {
              runs: Number(sim.runs),
              meanPct: Number(sim.meanPct),
              sdPct: Number(sim.sdPct),
              seed: Number(sim.seed),
            },
          }
        : {}),
    };
    // A computation, not a save: on success the result itself is the feedback.
    if (await runSave(setSave, async () => setResult(await runWhatIf(body)))) setSave({ kind: 'idle' });
  }

  return (
    <>
      <form onSubmit={(e) => void submit(e)} data-testid="what-if-form">
        <div className="form-grid">
          <label>
            {t('commissions.plan')}
            <select
              value={planId}
              onChange={(e) => {
                setPlanId(Number(e.target.value));
                setEditing(false);
                setResult(null);
              }}
            >
              {plans.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('commissions.periodsBack')}
            <input
              type="number"
              min={1}
              max={24}
              required
              value={periods}
              onChange={(e) => setPeriods(e.target.value)}
            />
          </label>
          <label>
            <input
              type="checkbox"
              checked={editing}
              onChange={(e) => {
                setEditing(e.target.checked);
                if (e.target.checked && base)
                  setRules(rulesToForm(base, digitsOf(workspaceFmt.locale, base.currency)));
              }}
            />
            {t('commissions.editRules')}
          </label>
          <label>
            <input
              type="checkbox"
              checked={sim.on}
              onChange={(e) => setSim({ ...sim, on: e.target.checked })}
            />
            {t('commissions.simulate')}
          </label>
          {sim.on && (
            <>
              <label>
                {t('commissions.simRuns')}
                <input
                  type="number"
                  min={1}
                  value={sim.runs}
                  onChange={(e) => setSim({ ...sim, runs: e.target.value })}
                />
              </label>
              <label>
                {t('commissions.simMean')}
                <input
                  inputMode="decimal"
                  value={sim.meanPct}
                  onChange={(e) => setSim({ ...sim, meanPct: e.target.value })}
                />
              </label>
              <label>
                {t('commissions.simSd')}
                <input
                  inputMode="decimal"
                  value={sim.sdPct}
                  onChange={(e) => setSim({ ...sim, sdPct: e.target.value })}
                />
              </label>
              <label>
                {t('commissions.simSeed')}
                <input
                  type="number"
                  value={sim.seed}
                  onChange={(e) => setSim({ ...sim, seed: e.target.value })}
                />
              </label>
            </>
          )}
        </div>
        {editing && rules && <RulesEditor value={rules} onChange={setRules} />}
        <div className="form-actions">
          <button type="submit">{t('commissions.runWhatIf')}</button>
          <SaveStatus state={save} />
        </div>
      </form>
      {result && <WhatIfReport result={result} fmt={fmt} />}
    </>
  );
}

interface PeriodPair {
  periodKey: string;
  plan: WhatIfPeriod;
  baseline: WhatIfPeriod | undefined;
}

function WhatIfReport({ result, fmt }: { result: WhatIfResult; fmt: Formatters }) {
  const rows: PeriodPair[] = result.periods.map((p) => ({
    periodKey: p.periodKey,
    plan: p,
    baseline: result.baseline.find((b) => b.periodKey === p.periodKey),
  }));
  const payoutOption = useMemo(
    () => ({
      legend: { top: 0 },
      tooltip: { trigger: 'axis' as const, valueFormatter: (v: unknown) => fmt.money(Number(v)) },
      grid: { left: 64, right: 16, top: 36, bottom: 32 },
      xAxis: { type: 'category' as const, data: rows.map((r) => r.periodKey) },
      yAxis: { type: 'value' as const, axisLabel: { formatter: (v: number) => fmt.moneyCompact(v) } },
      series: [
        { name: t('commissions.thisPlan'), type: 'bar' as const, data: rows.map((r) => r.plan.payoutMinor) },
        {
          name: t('commissions.baseline'),
          type: 'bar' as const,
          data: rows.map((r) => r.baseline?.payoutMinor ?? null),
        },
      ],
    }),
    [rows, fmt],
  );
  const sim = result.simulated;
  const curveOption = useMemo(
    () =>
      sim && {
        tooltip: { trigger: 'axis' as const, valueFormatter: (v: unknown) => fmt.money(Number(v)) },
        grid: { left: 64, right: 16, top: 24, bottom: 40 },
        xAxis: {
          type: 'value' as const,
          name: t('commissions.attainment'),
          nameLocation: 'middle' as const,
          nameGap: 26,
          axisLabel: { formatter: (v: number) => fmt.percent(v / 100) },
        },
        yAxis: { type: 'value' as const, axisLabel: { formatter: (v: number) => fmt.moneyCompact(v) } },
        series: [
          {
            name: t('commissions.payout'),
            type: 'line' as const,
            data: sim.payoutCurve.map((p) => [p.attainmentPct, p.payoutMinor]),
          },
        ],
      },
    [sim, fmt],
  );
  return (
    <section data-testid="what-if-result">
      <DataTable<PeriodPair>
        caption={t('commissions.whatIf')}
        testId="what-if-table"
        rows={rows}
        rowKey={(r) => r.periodKey}
        columns={[
          { key: 'period', header: t('commissions.period'), cell: (r) => r.periodKey },
          {
            key: 'revenue',
            header: t('commissions.revenue'),
            numeric: true,
            cell: (r) => fmt.money(r.plan.revenueMinor),
          },
          {
            key: 'payout',
            header: t('commissions.payoutPlan'),
            numeric: true,
            cell: (r) => fmt.money(r.plan.payoutMinor),
          },
          {
            key: 'basePayout',
            header: t('commissions.payoutBaseline'),
            numeric: true,
            cell: (r) => fmt.money(r.baseline?.payoutMinor),
          },
          {
            key: 'cos',
            header: t('commissions.costOfSalesPlan'),
            numeric: true,
            cell: (r) => pctText(fmt, r.plan.costOfSalesPct),
          },
          {
            key: 'baseCos',
            header: t('commissions.costOfSalesBaseline'),
            numeric: true,
            cell: (r) => pctText(fmt, r.baseline?.costOfSalesPct),
          },
          {
            key: 'over',
            header: t('commissions.overTargetPlan'),
            numeric: true,
            cell: (r) => `${r.plan.repsOverTarget} / ${r.plan.reps}`,
          },
          {
            key: 'baseOver',
            header: t('commissions.overTargetBaseline'),
            numeric: true,
            cell: (r) => (r.baseline ? `${r.baseline.repsOverTarget} / ${r.baseline.reps}` : '–'),
          },
        ]}
      />
      {result.warnings.length > 0 && (
        <ul className="state state-error" role="alert" data-testid="what-if-warnings">
          <NoticeItems area="whatIf" notices={result.notices} warnings={result.warnings} fmt={fmt} />
        </ul>
      )}
      <p data-testid="what-if-totals">
        {t('commissions.whatIfTotals', {
          payout: fmt.money(result.totals.payoutMinor),
          revenue: fmt.money(result.totals.revenueMinor),
          cos: pctText(fmt, result.totals.costOfSalesPct),
          basePayout: fmt.money(result.totals.baselinePayoutMinor),
          baseCos: pctText(fmt, result.totals.baselineCostOfSalesPct),
          difference: fmt.money(result.totals.differenceMinor),
        })}
      </p>
      <p className="muted">
        {t('commissions.whatIfPeople', {
          count: result.people.length,
          names: result.people.map((p) => p.name).join(', '),
        })}
      </p>
      <Chart option={payoutOption} label={t('commissions.payoutByPeriod')} height={260} />
      {sim && curveOption && (
        <>
          <h3>{t('commissions.payoutCurve', { target: fmt.money(sim.curveTargetMinor) })}</h3>
          <p>
            {t('commissions.simPercentiles', {
              p10: fmt.money(sim.p10),
              p50: fmt.money(sim.p50),
              p90: fmt.money(sim.p90),
              cos: pctText(fmt, sim.costOfSalesPct),
            })}
          </p>
          <Chart
            option={curveOption}
            label={t('commissions.payoutCurve', { target: fmt.money(sim.curveTargetMinor) })}
            height={260}
          />
        </>
      )}
    </section>
  );
}
