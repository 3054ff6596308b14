import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeReturnPath } from './safe-redirect.js';

describe('safeReturnPath', () => {
  it('keeps a path on this site, with its query', () => {
    expect(safeReturnPath('/countries/KEN?lang=fr', '/')).toBe('/countries/KEN?lang=fr');
  });

  it.each(['//evil.example', '/\t/evil.example', '/\n/evil.example', '/\\evil.example', 'https://evil.example', 'evil', '', '/\u0000/x'])(
    'refuses %j',
    (next) => {
      expect(safeReturnPath(next, '/account')).toBe('/account');
    },
  );

  it('never returns anything a browser resolves to another origin', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (tail) => {
        const result = safeReturnPath(`/${tail}`, '/fallback');
        expect(new URL(result, 'https://dcp.example').origin).toBe('https://dcp.example');
      }),
    );
  });
});
