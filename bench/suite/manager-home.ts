/**
 * The requests the web app's manager home makes (web/src/pages/manager/ManagerHomePage.tsx and its panels, plus
 * the app shell's sign-in check and settings), and the suite's single-request API measures: funnel, forecast with
 * its track record, leaderboard. Periods follow the web app (the current month for the page's range, the current
 * quarter for the forecast), taking "now" as the workspace's last day of data so the figures do not drift as the
 * calendar moves past it; the server itself still reads the clock (SLA clocks, the forecast's as-of date).
 */
import { currentPeriod } from '../../src/domain/calendar/current-period.ts';
import { addDays } from '../../src/domain/calendar/local-date.ts';
import { DEMO_LOGINS, DEMO_WORKSPACE } from '../../src/demo/options.ts';

/** The manager home's KPI tiles (web/src/pages/manager/KpiPanel.tsx TEAM_KPIS; a .tsx file, so copied here). */
const TEAM_KPIS = [
  'won_revenue',
  'pipeline_value',
  'win_rate',
  'avg_deal_size',
  'quota_attainment_rate',
  'new_prospects',
  'meetings_held',
  'calls',
  'lead_response_time_p50',
  'sales_cycle_days_median',
];

export interface Endpoint {
  name: string;
  url: string;
}

export function managerHomeEndpoints(now: Date): Endpoint[] {
  const month = currentPeriod(now, 'month', DEMO_WORKSPACE);
  const quarter = currentPeriod(now, 'quarter', DEMO_WORKSPACE).key;
  const year = now.getUTCFullYear();
  return [
    { name: 'auth/me', url: '/api/auth/me' },
    { name: 'settings', url: '/api/settings' },
    { name: 'metrics/definitions', url: '/api/metrics/definitions' },
    {
      name: 'metrics (KPI tiles, month vs previous)',
      url: `/api/metrics?ids=${TEAM_KPIS.join(',')}&group=company&period=${month.key}&compare=previous`,
    },
    { name: 'goals/pacing', url: '/api/goals/pacing' },
    { name: 'users', url: '/api/users' },
    { name: 'teams', url: '/api/teams' },
    { name: 'leads (new, SLA panel)', url: '/api/leads?status=new&limit=500' },
    ...[year - 1, year, year + 1].map((y) => ({ name: `holidays ${y}`, url: `/api/holidays?year=${y}` })),
    {
      name: 'leaderboards (won revenue, month)',
      url: `/api/leaderboards?metric=won_revenue&period=${month.key}&board=reps`,
    },
    { name: 'funnel (month)', url: `/api/funnel?period=${month.key}` },
    {
      name: 'forecast (quarter, track record)',
      url: `/api/forecast?period=${quarter}&scope=company&seed=1&trackRecord=true&deals=false`,
    },
    {
      name: 'opportunities (closing this month)',
      url: `/api/opportunities?status=open&period=${month.start}..${addDays(month.end, -1)}&dateField=expected_close&limit=500`,
    },
    { name: 'opportunities (open)', url: '/api/opportunities?status=open&limit=500' },
  ];
}

/** The dashboard API under load: every KPI for the dashboard quarter by rep. */
export function dashboardApiUrl(from: string, to: string): string {
  return `/api/metrics?group=rep&from=${from}&to=${to}`;
}

/** Single-request measures of the company view (admin): funnel, forecast with track record, leaderboard. */
export function companyEndpoints(now: Date): Endpoint[] {
  const quarter = currentPeriod(now, 'quarter', DEMO_WORKSPACE).key;
  return [
    { name: 'funnel', url: `/api/funnel?period=${quarter}` },
    {
      name: 'forecast_with_track_record',
      url: `/api/forecast?period=${quarter}&scope=company&seed=1&trackRecord=true`,
    },
    { name: 'leaderboard', url: `/api/leaderboards?metric=won_revenue&period=${quarter}&board=reps` },
  ];
}

export const LOGINS = {
  manager: { email: DEMO_LOGINS.manager, password: DEMO_LOGINS.password },
  admin: { email: DEMO_LOGINS.admin, password: DEMO_LOGINS.password },
};
