import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { he } from './he.ts';
import { setMessages } from './t.ts';
import { tNodes, UserText } from './t-nodes.tsx';

afterEach(() => setMessages('en', en));

describe('tNodes', () => {
  it('formats the whole message and puts user text in a <bdi> where its placeholder stands', () => {
    setMessages('he', he);
    const html = renderToStaticMarkup(
      createElement(
        'p',
        null,
        ...tNodes('commissions.resolution', {}, { text: createElement(UserText, null, 'Checked: ok') }),
      ),
    );
    const expected = he['commissions.resolution'].replace(
      '{text}',
      '<bdi class="user-text">Checked: ok</bdi>',
    );
    expect(html).toBe(`<p>${expected}</p>`);
    expect(html).not.toMatch(/[\uE000\uE001]/);
  });

  it('keeps plain values as text beside element ones', () => {
    const html = renderToStaticMarkup(
      createElement('p', null, ...tNodes('commissions.disputeOnLine', { line: 3 }, {})),
    );
    expect(html).toBe(`<p>${en['commissions.disputeOnLine'].replace('{line}', '3')}</p>`);
  });
});
