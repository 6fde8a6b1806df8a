/**
 * The `html` template tag: every interpolated value is escaped unless it is already HTML, so no
 * value can become markup by accident.
 */
import { describe, expect, test } from '@jest/globals';
import { escapeHtml, html } from '../../../mock/web/html.js';

describe('html', () => {
  test('escapes the five characters that can start markup or end an attribute', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });

  test('escapes interpolated strings and numbers, but not the template itself', () => {
    const name = '<img src=x onerror=alert(1)>';
    expect(html`<p title="${name}">${name} ${42}</p>`.value).toBe(
      '<p title="&lt;img src=x onerror=alert(1)&gt;">&lt;img src=x onerror=alert(1)&gt; 42</p>',
    );
  });

  test('inserts nested html once, without escaping it twice', () => {
    const inner = html`<b>${'a & b'}</b>`;
    expect(html`<p>${inner}</p>`.value).toBe('<p><b>a &amp; b</b></p>');
  });

  test('joins arrays, and renders nothing for false, null and undefined', () => {
    const items = ['<1>', html`<i>2</i>`];
    expect(html`${items}|${false}|${null}|${undefined}|${0}`.value).toBe('&lt;1&gt;<i>2</i>||||0');
  });
});
