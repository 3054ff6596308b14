import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCleanText, multilineText, text } from './text.js';

describe('the text rule', () => {
  it('refuses NUL, escape, DEL and C1 controls in one-line text', () => {
    for (const bad of ['A\u0000B', '\u001b[31m', 'x\u007f', 'x\u0085', 'tab\there', 'two\nlines'])
      expect(isCleanText(bad), bad).toBe(false);
  });

  it('refuses a surrogate half that is not part of a pair', () => {
    expect(isCleanText('x\ud800')).toBe(false);
    expect(isCleanText('emoji 😀')).toBe(true);
  });

  it('allows tab and line breaks only in multi-line text', () => {
    expect(isCleanText('one\r\ntwo\tthree', true)).toBe(true);
    expect(isCleanText('one\u0000two', true)).toBe(false);
  });

  it('accepts any text of printable characters in every script', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        const printable = s.replace(/[\p{Cc}]/gu, '');
        expect(isCleanText(printable)).toBe(true);
      }),
    );
  });

  it('reports the field and the rule through Zod, before later checks', () => {
    const result = text().trim().min(2).safeParse('A\u0000B');
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message)).toEqual(['must not contain control characters (such as NUL) or broken Unicode']);
    expect(multilineText().trim().max(10).parse('  a\nb  ')).toBe('a\nb');
  });
});
