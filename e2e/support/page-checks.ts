import type { Page } from 'playwright-core';
import type { Language } from '../../src/domain/i18n/languages.ts';
import { en } from '../../web/src/i18n/en.ts';
import type { Catalogue } from '../../web/src/i18n/t.ts';

/** What one page looks like to the checks, gathered in a single round trip to the browser. */
export interface PageFacts {
  lang: string;
  dir: string;
  /** document.scrollingElement's scroll and client widths. */
  scrollWidth: number;
  clientWidth: number;
  /**
   * Elements drawn past the viewport's left or right edge outside any scrolling container (in a right-to-left
   * document an overflow past the start (right) edge is clipped, not scrollable, so scrollWidth alone misses
   * it), and cards, pills and buttons whose content is wider than they are.
   */
  outside: string[];
  /** Visible text nodes, trimmed, and the title / aria-label / placeholder texts, in document order. */
  texts: string[];
  /** The same, but only those outside <bdi> and <code> (names, ids and codes: data). */
  uiTexts: string[];
  /** Where a text first appears (the nearest element with a test id or class), for the failure message. */
  where: Record<string, string>;
  /** Boxes of the header's brand and navigation links, and of the settings side menu and body when present. */
  boxes: {
    brand: Box | null;
    nav: Box | null;
    who: Box | null;
    navLinks: Box[];
    settingsNav: Box | null;
    settingsBody: Box | null;
  };
  /** Every in-app link of the navigation, the commissions tabs and the settings menu (pathnames). */
  navHrefs: string[];
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Reads the facts of the page as it is now (call once its marker is visible and nothing is loading). */
export function readPage(page: Page): Promise<PageFacts> {
  return page.evaluate(() => {
    const doc = document.documentElement;
    const scroller = document.scrollingElement ?? doc;
    const width = scroller.clientWidth;
    const box = (e: Element | null) => {
      if (!e) return null;
      const r = e.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    };
    const visible = (e: Element) => {
      const s = getComputedStyle(e);
      return s.display !== 'none' && s.visibility !== 'hidden' && e.getClientRects().length > 0;
    };
    // Scrolling containers (tables in .table-scroll, chart canvases' boxes) may hold wide content.
    const clips = (e: Element) => {
      const s = getComputedStyle(e);
      return s.overflowX === 'auto' || s.overflowX === 'scroll' || s.overflowX === 'hidden';
    };
    const outside: string[] = [];
    const walk = (e: Element) => {
      if (!visible(e)) return;
      const r = e.getBoundingClientRect();
      if (r.width > 0 && (r.left < -1 || r.right > width + 1)) {
        outside.push(
          `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} [${Math.round(r.left)}, ${Math.round(r.right)}]`,
        );
      }
      if (clips(e) && e !== doc && e !== document.body) return;
      for (const child of e.children) walk(child);
    };
    walk(document.body);
    // A card whose content is wider than the card (a KPI value past its tile's border).
    for (const e of document.querySelectorAll('.panel, .kpi, .pill, button')) {
      if (visible(e) && !clips(e) && e.scrollWidth > e.clientWidth + 1)
        outside.push(
          `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} content ${e.scrollWidth} > ${e.clientWidth}`,
        );
    }

    const texts: string[] = [];
    const uiTexts: string[] = [];
    const isData = (e: Element | null) => e?.closest('bdi, code') != null;
    const where: Record<string, string> = {};
    const place = (text: string, e: Element) => {
      const near = e.closest('[data-testid], [class]');
      where[text] ??=
        `${e.tagName.toLowerCase()} in ${near?.getAttribute('data-testid') ?? near?.className ?? 'body'}`;
    };
    const nodes = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = nodes.nextNode(); n; n = nodes.nextNode()) {
      const text = (n.textContent ?? '').replace(/\s+/g, ' ').trim();
      const parent = n.parentElement;
      if (!text || !parent || parent.closest('script, style') || !visible(parent)) continue;
      texts.push(text);
      place(text, parent);
      if (!isData(parent)) uiTexts.push(text);
    }
    for (const e of document.querySelectorAll('[title], [aria-label], [placeholder]')) {
      for (const name of ['title', 'aria-label', 'placeholder']) {
        const value = e.getAttribute(name)?.trim();
        if (value) {
          texts.push(value);
          place(value, e);
          uiTexts.push(value);
        }
      }
    }
    // <option> texts of a closed select are not "visible" boxes, but a reader opens the list.
    for (const o of document.querySelectorAll('option')) {
      const text = (o.textContent ?? '').trim();
      if (text) {
        texts.push(text);
        uiTexts.push(text);
      }
    }

    const header = document.querySelector('header nav');
    const navHrefs = [...document.querySelectorAll('header nav a, .commissions-tabs a, .settings-nav a')].map(
      (a) => new URL((a as HTMLAnchorElement).href).pathname,
    );
    return {
      lang: doc.lang,
      dir: doc.dir,
      scrollWidth: scroller.scrollWidth,
      clientWidth: width,
      outside,
      texts,
      uiTexts,
      where,
      boxes: {
        brand: box(document.querySelector('.top-bar .brand')),
        nav: box(header),
        who: box(document.querySelector('.top-bar .who')),
        navLinks: header ? [...header.querySelectorAll('a')].map((a) => box(a)!) : [],
        settingsNav: box(document.querySelector('.settings-nav')),
        settingsBody: box(document.querySelector('.settings-body')),
      },
      navHrefs,
    };
  });
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * English UI text left in a page of `messages`' language. A text is a leftover when it is an English message
 * that the language translates differently: whole, or, for a message with simple placeholders ("{count}
 * periods"), the message's words around any values. Messages with plural or select forms are matched by their
 * literal words only when those are long enough not to match data by chance.
 */
export function englishLeftovers(messages: Catalogue, texts: string[]): string[] {
  const matcher = leftoverMatcher(messages);
  return [...new Set(texts.filter((text) => /[A-Za-z]{2}/.test(text) && matcher.test(text)))];
}

const matchers = new Map<Catalogue, RegExp>();
function leftoverMatcher(messages: Catalogue): RegExp {
  const cached = matchers.get(messages);
  if (cached) return cached;
  // Texts the language writes as English does under some key ("CSV"; Polish keeps "Pipeline" as a forecast
  // category while it says "Lejek" for the grouping): the same text elsewhere on a page is not a leftover.
  const kept = new Set(
    Object.entries(en)
      .filter(([key, text]) => messages[key as keyof Catalogue] === text)
      .map(([, text]) => text),
  );
  const patterns: string[] = [];
  for (const english of Object.values(en)) {
    if (kept.has(english)) continue;
    if (/\{\w+,/.test(english)) continue; // plural/select: its forms are not one literal text
    const pieces = english.split(/\{\w+\}/);
    const literal = pieces.join('');
    // Values alone ("{from} → {to}") or too short a frame ("{n}%") would match any number or name.
    if (pieces.length > 1 && literal.replace(/[^A-Za-z]/g, '').length < 4) continue;
    patterns.push(pieces.map(escape).join('.+'));
  }
  const matcher = new RegExp(`^(?:${patterns.join('|')})$`, 's');
  matchers.set(messages, matcher);
  return matcher;
}

/**
 * Latin words in a Hebrew page's UI text (outside <bdi>/<code>). A word of three letters or more is a leftover
 * when the English catalogue uses it, Hebrew does not (as it keeps "CSV" or "SLA"), and the workspace's data
 * (`data`: names, plan, stage and product names, currency codes) does not hold it.
 */
export function latinInHebrew(he: Catalogue, uiTexts: string[], data: Set<string>): string[] {
  const vocabulary = englishVocabulary(he);
  const found = new Set<string>();
  for (const text of uiTexts) {
    for (const word of text.match(/[A-Za-z][A-Za-z'’]{2,}/g) ?? []) {
      // Upper-case codes (EUR, CSV, SLA) are codes in any language, as Hebrew writes them.
      if (/^[A-Z]{3}$/.test(word)) continue;
      const lower = word.toLowerCase();
      if (vocabulary.has(lower) && !data.has(lower)) found.add(`${word} in "${text.slice(0, 80)}"`);
    }
  }
  return [...found];
}

/** Lower-case words of the English messages (placeholders and ICU syntax left out) that `other` never uses. */
function englishVocabulary(other: Catalogue): Set<string> {
  const words = (catalogue: Catalogue) =>
    Object.values(catalogue).flatMap((m) =>
      (
        m
          // "{n, plural," and "{type, select," heads, "{name}" placeholders, then "one {" / "call {" form keys.
          .replace(/\{\s*\w+\s*,\s*\w+\s*,?/g, ' ')
          .replace(/\{\w+\}/g, ' ')
          .replace(/[\w=]+\s*\{|[{}]/g, ' ')
          .match(/[A-Za-z][A-Za-z'’]{2,}/g) ?? []
      ).map((w) => w.toLowerCase()),
    );
  const kept = new Set(words(other));
  return new Set(words(en).filter((w) => !kept.has(w)));
}

/** Lower-case words of data texts (names, emails split at their punctuation), for latinInHebrew. */
export function dataWords(values: Iterable<string | null | undefined>): Set<string> {
  const words = new Set<string>();
  for (const value of values)
    // Identifiers and enum values ("new_business") are not what a page shows: the page translates them.
    if (!/^[a-z0-9_.:-]*$/.test(value ?? ''))
      for (const word of value?.match(/[A-Za-z][A-Za-z'’]*/g) ?? []) words.add(word.toLowerCase());
  return words;
}

/**
 * Numbers written the way another locale writes them. Money in the demo's dollars: en-US puts the sign before
 * the amount ("$1,234"), he-IL, pl-PL and ro-RO after it; pl and ro group with a space or a dot, never a comma.
 */
export function foreignNumbers(language: Language, texts: string[]): string[] {
  const wrong: RegExp[] = [];
  if (language !== 'en') wrong.push(/[$€£]\s?\d/);
  // "1,234" grouped the English way; not "0,474", a decimal comma.
  if (language === 'pl' || language === 'ro')
    wrong.push(/(?<![\d,.])[1-9]\d{0,2}(?:,\d{3})+(?![\d,])/, /\d\.\d+\s?%/);
  if (language === 'pl') wrong.push(/(?<![\d.])[1-9]\d{0,2}\.\d{3}(?![\d.])/);
  return texts.filter((text) => wrong.some((re) => re.test(text)));
}
