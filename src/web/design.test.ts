import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** The design system's colour tokens, read from the one stylesheet. */
const css = readFileSync(new URL('./static/app.css', import.meta.url), 'utf8');
const token = (name: string): string => {
  const found = new RegExp(`--${name}:\\s*#([0-9a-fA-F]{6}|[0-9a-fA-F]{3})\\b`).exec(css)?.[1];
  if (!found) throw new Error(`app.css has no --${name}`);
  return `#${found.length === 3 ? [...found].map((d) => d + d).join('') : found}`;
};

/** WCAG 2.1 relative luminance and contrast ratio. */
function luminance(hex: string): number {
  const [r = 0, g = 0, b = 0] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].toSorted((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

describe('design system colours (WCAG 2.1 AA)', () => {
  it('computes contrast as WCAG does', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    // The old focus outline on white: what the accessibility audit measured.
    expect(contrast('#ffbf47', '#ffffff')).toBeCloseTo(1.64, 2);
  });

  it('gives text at least 4.5:1 on the backgrounds it sits on', () => {
    const pairs: [string, string, string][] = [
      ['ink', 'paper', 'body text'],
      ['ink', 'tint', 'text on tinted cards and notices'],
      ['muted', 'paper', 'hints, lead text, footer'],
      ['muted', 'tint', 'hints on tinted boxes'],
      ['brand', 'paper', 'links'],
      ['brand-dark', 'paper', 'links on hover'],
      ['bad', 'paper', 'error messages and the error summary'],
      ['ok', 'paper', 'success notices'],
    ];
    for (const [fg, bg, what] of pairs) expect(contrast(token(fg), token(bg)), what).toBeGreaterThanOrEqual(4.5);
    expect(contrast('#ffffff', token('brand')), 'button text').toBeGreaterThanOrEqual(4.5);
    expect(contrast('#ffffff', token('brand-dark')), 'header text').toBeGreaterThanOrEqual(4.5);
  });

  it('makes the focus indicator stand out by at least 3:1 on every surface, light or dark', () => {
    const inner = token('focus-inner');
    const outer = token('focus-outer');
    expect(contrast(inner, outer), 'the two rings tell apart').toBeGreaterThanOrEqual(3);
    // Light surfaces: the dark inner ring; the header (dark): the rings swap, yellow inside.
    for (const surface of ['paper', 'tint']) expect(contrast(inner, token(surface)), surface).toBeGreaterThanOrEqual(3);
    expect(contrast(outer, token('brand-dark')), 'header').toBeGreaterThanOrEqual(3);
    expect(css).toMatch(
      /header\.site :focus-visible \{ outline-color: var\(--focus-outer\); box-shadow: 0 0 0 6px var\(--focus-inner\); \}/,
    );
    // A blue button would meet the dark ring at less than 3:1: focused, it turns yellow with dark text.
    expect(contrast(inner, token('brand')), 'why buttons change colour').toBeLessThan(3);
    expect(css).toMatch(/button:focus-visible, \.button:focus-visible \{ background: var\(--focus-outer\); color: var\(--focus-inner\);/);
    expect(contrast(token('focus-inner'), token('focus-outer')), 'focused button text').toBeGreaterThanOrEqual(4.5);
  });

  it('marks invalid fields by more than colour: a bar beside the field and a thicker border', () => {
    expect(css).toMatch(/\.field\.invalid \{[^}]*border-inline-start: 4px solid var\(--bad\)/);
    expect(css).toMatch(/\[aria-invalid="true"\] \{[^}]*border: 2px solid var\(--bad\)/);
    expect(css).toMatch(/\.error-summary \{[^}]*border: 4px solid var\(--bad\)/);
  });
});
