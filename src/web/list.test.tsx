import { describe, expect, it } from 'vitest';
import { fullStop, listOf } from './list.js';

const html = async (lang: 'en' | 'ar' | 'zh' | 'es') =>
  (
    <p>
      {listOf(lang, [<a href="/a">A</a>, <a href="/b">B</a>, <a href="/c">C</a>])}
      {fullStop(lang)}
    </p>
  ).toString();

describe('listOf', () => {
  it('joins links with the reader’s separators and keeps each link whole', async () => {
    expect(await html('en')).toBe('<p><a href="/a">A</a>, <a href="/b">B</a>, <a href="/c">C</a>.</p>');
    expect(await html('zh')).toBe('<p><a href="/a">A</a>、<a href="/b">B</a>、<a href="/c">C</a>。</p>');
    expect(await html('es')).toBe('<p><a href="/a">A</a>, <a href="/b">B</a> y <a href="/c">C</a>.</p>');
  });

  it('never puts a Latin comma in Arabic', async () => {
    const ar = await html('ar');
    expect(ar).not.toContain(',');
    expect(ar).toContain('<a href="/a">A</a> و<a href="/b">B</a>');
  });
});
