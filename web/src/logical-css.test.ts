import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * Right-to-left (Hebrew) works because the styles say start/end, not left/right (docs/localization.md): a
 * physical property would put a margin, a border or an aligned text on the wrong side of a mirrored page. This
 * test fails on one in any CSS file under web/src or in a React inline style.
 */

const ROOT = import.meta.dirname;

/** A deliberate physical property: where, which, and why it must not mirror. */
interface Allowed {
  file: string;
  property: string;
  reason: string;
}
const ALLOWED: readonly Allowed[] = [
  // None today. Charts draw left to right in every language (Chart.tsx sets dir="ltr" on their box), so a rule
  // for a chart's inside would be one: { file: 'styles.css', property: 'padding-left', reason: '...' }.
];

interface Finding {
  file: string;
  line: number;
  text: string;
}

const PHYSICAL_CSS = [
  // margin-left, padding-right, border-left-color, scroll-margin-left, ...
  /(?:^|[\s;{])((?:margin|padding|border|scroll-margin|scroll-padding)-(?:left|right)(?:-\w+)?)\s*:/,
  // left: / right: as offsets (inset-inline-start / -end)
  /(?:^|[\s;{])(left|right)\s*:/,
  // border-top-left-radius, ... (border-start-start-radius, ...)
  /(?:^|[\s;{])(border-(?:top|bottom)-(?:left|right)-radius)\s*:/,
  // text-align / float / clear with a side (start / end, inline-start / inline-end)
  /(?:^|[\s;{])((?:text-align|float|clear)\s*:\s*(?:left|right))\b/,
];

/** Physical left/right declarations in a style sheet's text, comments left out. */
export function physicalInCss(file: string, css: string): Finding[] {
  const found: Finding[] = [];
  const code = css.replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, ' '));
  code.split('\n').forEach((text, i) => {
    for (const re of PHYSICAL_CSS)
      for (const match of text.matchAll(new RegExp(re.source, 'g')))
        found.push({ file, line: i + 1, text: match[1]! });
  });
  return found;
}

const PHYSICAL_STYLE_KEY =
  /\b((?:margin|padding|border|scrollMargin|scrollPadding)(?:Left|Right)\w*|left|right|textAlign:\s*'(?:left|right)'|float)\s*:/;

/** Physical keys in React inline styles (`style={{ marginLeft: 4 }}`); chart options' `left:` are not styles. */
export function physicalInStyles(file: string, source: string): Finding[] {
  const found: Finding[] = [];
  for (const style of source.matchAll(/style=\{\{([^}]*)\}\}/g)) {
    const match = PHYSICAL_STYLE_KEY.exec(style[1]!);
    if (match) {
      const line = source.slice(0, style.index).split('\n').length;
      found.push({ file, line, text: match[1]! });
    }
  }
  return found;
}

function filesUnder(dir: string, suffix: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith(suffix))
    .map((f) => join(dir, f));
}

const allowed = (f: Finding) => ALLOWED.some((a) => a.file === f.file && f.text.startsWith(a.property));

describe('logical CSS (right-to-left stays mirrored)', () => {
  it('no CSS file under web/src uses a physical left/right property', () => {
    const found = filesUnder(ROOT, '.css').flatMap((path) =>
      physicalInCss(relative(ROOT, path), readFileSync(path, 'utf8')),
    );
    expect(found.filter((f) => !allowed(f))).toEqual([]);
  });

  it('no inline style in web/src uses a physical left/right key', () => {
    const found = filesUnder(ROOT, '.tsx').flatMap((path) =>
      physicalInStyles(relative(ROOT, path), readFileSync(path, 'utf8')),
    );
    expect(found.filter((f) => !allowed(f))).toEqual([]);
  });

  it('finds each kind of physical property, and not the logical ones or words in comments', () => {
    const css = [
      '.a { margin-left: 1rem; padding-inline-start: 1rem; }',
      '.b { border-right: 1px solid; border-top-left-radius: 4px; }',
      '.c { left: 0; inset-inline-end: 0; text-align: right; float: left; }',
      '/* margin-left: in a comment */ .d { text-align: start; inline-size: 100%; }',
      '.e { transform: translateX(1px); }',
    ].join('\n');
    expect(physicalInCss('x.css', css).map((f) => `${f.line}:${f.text}`)).toEqual([
      '1:margin-left',
      '2:border-right',
      '2:border-top-left-radius',
      '3:left',
      '3:text-align: right',
      '3:float: left',
    ]);
    const tsx =
      "<div style={{ marginLeft: 4 }} />\n<span style={{ inlineSize: '50%' }} />\nconst grid = { left: 8 };";
    expect(physicalInStyles('x.tsx', tsx).map((f) => `${f.line}:${f.text}`)).toEqual(['1:marginLeft']);
  });
});
