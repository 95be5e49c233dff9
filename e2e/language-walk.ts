import { copyFile, mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Language } from '../src/domain/i18n/languages.ts';
import type { CommissionPlan, StatementSummary } from '../web/src/api/types/commissions.ts';
import type { Settings } from '../web/src/api/types/settings.ts';
import { periodKeyFor, todayIn } from '../web/src/period/ranges.ts';
import { he } from '../web/src/i18n/he.ts';
import { pl } from '../web/src/i18n/pl.ts';
import { ro } from '../web/src/i18n/ro.ts';
import type { Catalogue } from '../web/src/i18n/t.ts';
import {
  dataWords,
  englishLeftovers,
  foreignNumbers,
  latinInHebrew,
  readPage,
  type Box,
  type PageFacts,
} from './support/page-checks.ts';
import { postAs, setUpCommissionPlan } from './support/commissions.ts';
import type { RunningServer } from './support/server.ts';

/**
 * Every page of the app, in Hebrew, Polish and Romanian, at 1366x768 (docs/localization.md, "Checked in the
 * browser"): the document's language and direction, no horizontal overflow outside a table's own scroller, the
 * navigation at the reading start, no English UI text and numbers in the reader's locale. One browser context per
 * language, pages visited in sequence by client-side navigation (no reload), one stable marker per page.
 */

type Role = 'admin' | 'rep';
interface Stop {
  path: string;
  as: Role;
  /**
   * Saved as screenshots/<shot>-<language>.png; Hebrew also in docs/screenshots/ with PACESETTER_DOC_SHOTS=1,
   * but for the manager home, whose documented picture is the whole page (the "languages" tests).
   */
  shot?: string;
}

/** Ids the parameterised routes need, read from the API once per walk. */
interface Ids {
  repId: number;
  statementId: number;
  ownStatementId: number;
}

/** The router's pages (web/src/app/App.tsx, settings/SettingsPage.tsx), each as the user who sees it. */
function stops(ids: Ids): Stop[] {
  const admin = (path: string, shot?: string): Stop => ({ path, as: 'admin', shot });
  const rep = (path: string, shot?: string): Stop => ({ path, as: 'rep', shot });
  return [
    admin('/team', 'manager-home'), // KPIs, pacing, leaderboard, funnel, forecast, pipeline review
    admin('/team/integrity'),
    admin('/team/meeting'),
    admin('/log'),
    admin('/explore', 'explore'),
    admin('/leads'),
    admin('/coaching', 'coaching'),
    admin('/coaching/plans'),
    admin(`/coaching/reps/${ids.repId}`),
    admin('/wins'),
    admin('/commissions'),
    admin(`/commissions/statements/${ids.statementId}`),
    admin('/commissions/plans'),
    admin('/commissions/disputes'),
    admin('/commissions/what-if'),
    admin('/hiring'),
    ...[
      'general',
      'holidays',
      'exchange-rates',
      'pipelines',
      'people',
      'goals',
      'leaderboards',
      'scorecards',
      'imports',
    ].map((s) => admin(`/settings/${s}`, s === 'general' ? 'settings' : undefined)),
    admin(`/print/one-to-one/${ids.repId}`),
    admin(`/print/commission-statement/${ids.statementId}`),
    admin('/print/meeting-pack/company'),
    // A rep's own pages; the pages a rep shares with managers (Explore, leads, plans, wins) are walked above.
    rep('/me', 'rep-home'),
    rep('/log', 'quick-log'),
    rep('/coaching'),
    rep('/commissions'),
    rep(`/commissions/statements/${ids.ownStatementId}`, 'commission-statement'),
  ];
}

const CATALOGUE: Record<Exclude<Language, 'en'>, Catalogue> = { he, pl, ro };
const VIEWPORT = { width: 1366, height: 768 };
const SHOTS = resolve(import.meta.dirname, '../screenshots');
const DOC_SHOTS = resolve(import.meta.dirname, '../docs/screenshots');

export interface WalkEnv {
  server: RunningServer;
  browser: Browser;
  logins: Record<Role, string>;
  password: string;
}

/** Registers the walk; `env` is read when the tests run (the suite's shared server and browser). */
export function describeLanguageWalk(env: () => WalkEnv): void {
  describe('every page in Hebrew, Polish and Romanian', () => {
    for (const [language, locale] of [
      ['he', 'he-IL'],
      ['pl', 'pl-PL'],
      ['ro', 'ro-RO'],
    ] as const) {
      it(`${locale}: direction, overflow at 1366 px, navigation side, no English, local numbers`, async () => {
        const started = performance.now();
        const { failures, visited } = await walk(env(), language, locale);
        console.info(
          `language walk ${locale}: ${visited} pages in ${Math.round(performance.now() - started)} ms`,
        );
        expect(failures).toEqual([]);
      }, 180_000);
    }
  });
}

async function walk(
  { server, browser, logins, password }: WalkEnv,
  language: Exclude<Language, 'en'>,
  locale: string,
): Promise<{ failures: string[]; visited: number }> {
  const context = await browser.newContext({ viewport: VIEWPORT, locale });
  const failures: string[] = [];
  try {
    const page = await context.newPage();
    const get = async <T>(path: string): Promise<T> => {
      const response = await context.request.get(`${server.baseUrl}${path}`);
      if (!response.ok()) throw new Error(`GET ${path}: ${response.status()}`);
      return (await response.json()) as T;
    };

    await signIn(context, server.baseUrl, logins.admin, password);
    const users = await get<{ items: { id: number; email: string; role: string }[] }>('/api/users');
    const repId = users.items.find((u) => u.email === logins.rep)?.id;
    if (!repId) throw new Error(`the demo has no ${logins.rep}`);
    const statements = await statementsOf(context, server.baseUrl, users.items, repId);
    const own = statements.find((s) => s.userId === repId && s.status !== 'draft');
    if (!own || !statements[0]) throw new Error('the demo rep has no commission statement');
    const data = await workspaceData(get);
    const ids: Ids = { repId, statementId: statements[0].id, ownStatementId: own.id };

    const navSeen = new Set<string>();
    const pathsVisited = new Set<string>();
    let role: Role | null = null;
    const all = stops(ids);
    for (const stop of all) {
      if (stop.as !== role) {
        if (role !== null) {
          await context.clearCookies();
          await signIn(context, server.baseUrl, logins[stop.as], password);
        }
        await page.goto(`${server.baseUrl}${stop.path}`);
        role = stop.as;
      } else {
        await goClientSide(page, stop.path);
      }
      const shown = await pageReady(page, stop.path).then(
        () => true,
        (error: Error) => (
          failures.push(`${stop.path} (${stop.as}): ${error.message.split('\n')[0]}`),
          false
        ),
      );
      if (!shown) continue;
      const facts = await readPage(page);
      for (const problem of check(language, facts, stop.path, data))
        failures.push(`${stop.path} (${role}): ${problem}`);
      for (const href of facts.navHrefs) navSeen.add(href);
      pathsVisited.add(stop.path);
      if (stop.shot)
        await saveShot(page, `${stop.shot}-${language}`, language === 'he' && stop.shot !== 'manager-home');
    }
    // The walk covers every link the navigation offers (a new page fails here until it is added to stops()).
    const visited = [...pathsVisited];
    for (const href of navSeen)
      if (!visited.some((p) => p === href || p.startsWith(`${href}/`)))
        failures.push(`${href}: in the navigation but not in the walk`);
    return { failures, visited: all.length };
  } finally {
    await context.close();
  }
}

/**
 * The workspace's commission statements. The tests before the walk run a period; alone, on a demo too short for
 * its own plans, the walk sets up a plan and runs last month as they do.
 */
async function statementsOf(
  admin: BrowserContext,
  baseUrl: string,
  users: { id: number; role: string }[],
  repId: number,
): Promise<StatementSummary[]> {
  const list = async () => {
    const response = await admin.request.get(`${baseUrl}/api/commissions/statements`);
    return ((await response.json()) as { statements: StatementSummary[] }).statements;
  };
  // A rep reads only locked (or paid) statements.
  const readable = (all: StatementSummary[]) => all.some((s) => s.userId === repId && s.status !== 'draft');
  const statements = await list();
  if (readable(statements)) return statements;
  const { plans } = (await (await admin.request.get(`${baseUrl}/api/commissions/plans`)).json()) as {
    plans: CommissionPlan[];
  };
  if (!plans.some((p) => p.assignments.some((a) => a.userId === repId)))
    await setUpCommissionPlan(
      admin,
      baseUrl,
      users.filter((u) => u.role === 'rep'),
    );
  const { timeZone } = (await (await admin.request.get(`${baseUrl}/api/settings`)).json()) as Settings;
  const period = periodKeyFor('last_month', todayIn(timeZone));
  await postAs(admin, baseUrl, '/api/commissions/runs', { period });
  await postAs(admin, baseUrl, '/api/commissions/statements/lock', { period });
  return list();
}

/** Signs in through the API: the context's cookie jar keeps the session for the page. */
async function signIn(
  context: BrowserContext,
  baseUrl: string,
  email: string,
  password: string,
): Promise<void> {
  const response = await context.request.post(`${baseUrl}/api/auth/login`, { data: { email, password } });
  if (!response.ok()) throw new Error(`sign-in as ${email}: ${response.status()}`);
}

/**
 * Moves the single-page app to `path` as a link click would, without reloading the scripts. Every element of
 * the old page is marked first, so that pageReady waits for the new page's marker, not the old one's.
 */
async function goClientSide(page: Page, path: string): Promise<void> {
  await page.evaluate((to) => {
    for (const e of document.querySelectorAll('*')) (e as Element & { walkOld?: boolean }).walkOld = true;
    window.history.pushState({}, '', to);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, path);
}

/** The one element whose arrival says a page has rendered: its <h1>, a settings section, a print body. */
function markerOf(path: string): string {
  if (path.startsWith('/print/')) return '[data-print-root] > :nth-child(2)';
  if (path.startsWith('/settings/')) return '.settings-body > *';
  return 'main h1';
}

/** Waits for the page's new marker, then for no panel still loading. */
async function pageReady(page: Page, path: string): Promise<void> {
  await page.waitForFunction(
    (selector) => {
      const marker = document.querySelector(selector) as (Element & { walkOld?: boolean }) | null;
      return marker !== null && marker.walkOld !== true;
    },
    markerOf(path),
    { timeout: 10_000 },
  );
  await page.waitForFunction(() => document.querySelectorAll('.state-loading').length === 0, undefined, {
    timeout: 15_000,
  });
}

/** What one page gets wrong in `language`, as sentences for the failure list. */
function check(
  language: Exclude<Language, 'en'>,
  facts: PageFacts,
  path: string,
  data: WorkspaceData,
): string[] {
  const problems: string[] = [];
  const rtl = language === 'he';
  if (facts.lang !== language || facts.dir !== (rtl ? 'rtl' : 'ltr'))
    problems.push(`<html lang="${facts.lang}" dir="${facts.dir}">`);
  if (facts.scrollWidth > facts.clientWidth + 1)
    problems.push(`the page scrolls sideways: ${facts.scrollWidth} > ${facts.clientWidth}`);
  if (facts.outside.length > 0) problems.push(`overflow: ${facts.outside.slice(0, 5).join('; ')}`);

  const { brand, nav, who, navLinks, settingsNav, settingsBody } = facts.boxes;
  if (!path.startsWith('/print/')) {
    const first = navLinks[0];
    if (!brand || !first) problems.push('no header navigation');
    else if (rtl && (brand.x + brand.width < VIEWPORT.width - 40 || first.x < VIEWPORT.width / 2))
      problems.push('the brand and navigation do not start at the right');
    else if (!rtl && (brand.x > 40 || first.x + first.width > VIEWPORT.width / 2))
      problems.push('the brand and navigation do not start at the left');
    const rows = new Set(navLinks.map((l) => Math.round(l.y)));
    // Wrapping gracefully: brand, navigation and user menu share the header's one band; the links wrap inside
    // the navigation, onto two rows at most.
    if (rows.size > 2) problems.push(`the navigation wraps onto ${rows.size} rows at ${VIEWPORT.width} px`);
    const band = (b: Box | null, other: Box | null) =>
      b !== null && other !== null && b.y < other.y + other.height && other.y < b.y + b.height;
    if (!band(brand, nav) || !band(nav, who)) problems.push('the header wraps its parts onto separate rows');
  }
  if (settingsNav && settingsBody && settingsNav.x > settingsBody.x !== rtl)
    problems.push(`the settings menu is not at the ${rtl ? 'right' : 'left'}`);

  const messages = CATALOGUE[language];
  // A text that is the workspace's own data (a stage named "Won", a team named "Company") is not UI text.
  const ui = (texts: string[]) => texts.filter((text) => !data.strings.has(text));
  // Text inside <bdi>/<code> is data (names, notes people wrote, codes): only interface text can be a leftover.
  for (const text of englishLeftovers(messages, ui(facts.uiTexts)))
    problems.push(`English: "${text}" (${facts.where[text] ?? '?'})`);
  if (rtl)
    for (const word of latinInHebrew(messages, ui(facts.uiTexts), data.words))
      problems.push(`Latin word: ${word}`);
  for (const text of foreignNumbers(language, ui(facts.texts)))
    problems.push(`number not in ${language}: "${text}"`);
  return problems;
}

/**
 * The words of the demo workspace's own data (people, teams, pipelines and stages, plans, goals, deals, leads,
 * candidates...), which a Hebrew page shows as they are: every string of these API answers.
 */
async function workspaceData(get: <T>(path: string) => Promise<T>): Promise<WorkspaceData> {
  const paths = [
    '/api/users',
    '/api/teams',
    '/api/pipelines',
    '/api/commissions/plans',
    '/api/goals',
    '/api/coaching/plans',
    '/api/coaching/scorecards',
    '/api/opportunities?limit=500',
    '/api/leads?limit=500',
    '/api/hiring/openings',
    '/api/holidays',
    '/api/scoring/rules',
    '/api/routing/rules',
    '/api/imports',
  ];
  const strings: string[] = [];
  const collect = (value: unknown): void => {
    if (typeof value === 'string') strings.push(value);
    else if (Array.isArray(value)) value.forEach(collect);
    else if (value && typeof value === 'object') Object.values(value).forEach(collect);
  };
  for (const path of paths) collect(await get<unknown>(path));
  return { strings: new Set(strings.map((x) => x.trim())), words: dataWords(strings) };
}

/** The demo's own texts: whole (a stage named "Won" is data, not the untranslated word) and word by word. */
interface WorkspaceData {
  strings: Set<string>;
  words: Set<string>;
}

async function saveShot(page: Page, name: string, forDocs: boolean): Promise<void> {
  await mkdir(SHOTS, { recursive: true });
  const file = join(SHOTS, `${name}.png`);
  await page.screenshot({ path: file });
  // The documentation's copies change only when asked for (docs/localization.md).
  if (forDocs && process.env.PACESETTER_DOC_SHOTS === '1') {
    await mkdir(DOC_SHOTS, { recursive: true });
    await copyFile(file, join(DOC_SHOTS, `${name}.png`));
  }
}
