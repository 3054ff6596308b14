/**
 * A chart's standalone SVG made plain enough for Word's SVG renderer and for resvg (the PNG
 * fallback): neither knows CSS custom properties, which the chart styles use for series
 * colours and dashes (`.s0 { --c: #005a9c }` … `stroke: var(--c)`), nor the `direction`
 * attribute, by which Arabic charts anchor their text. So each series' colour and dash are
 * written out as plain rules, and in a right-to-left chart every text anchor is swapped for the
 * one that means the same left to right (start ⇄ end; the default start becomes end).
 */

/** `.s0 { --c: #005a9c; --d: 6 3; }` → [['s0', '#005a9c', '6 3'], …] */
function seriesStyles(svg: string): [string, string, string | undefined][] {
  return [...svg.matchAll(/\.(s\d+)\s*\{\s*--c:\s*(#[0-9a-fA-F]{3,6});(?:\s*--d:\s*([\d ]+);)?\s*\}/g)].map((m) => [
    m[1]!,
    m[2]!,
    m[3]?.trim(),
  ]);
}

export function svgForWord(svg: string): string {
  const rules = seriesStyles(svg)
    .map(
      ([s, colour, dash]) =>
        `.${s} .ln{stroke:${colour};stroke-dasharray:${dash ?? 'none'}}` +
        `.${s} .mk{fill:${colour}}.${s} .mk.est{fill:#fff;stroke:${colour}}.${s} .lb{fill:${colour}}.${s}.lb{fill:${colour}}`,
    )
    .join('');
  let plain = svg.replace('</style>', `${rules}</style>`);
  if (/<svg[^>]*\sdirection="rtl"/.test(plain)) {
    plain = plain
      .replace(/text-anchor="(start|end)"/g, (_, a: string) => `text-anchor="${a === 'start' ? 'end' : 'start'}"`)
      .replace(/(<svg[^>]*)\sdirection="rtl"/, '$1 text-anchor="end"');
  }
  return plain;
}
