/**
 * Text measurement without a browser: a conservative width estimate per character class, good
 * enough to size gutters and to shorten a label that would not fit. Labels are never cut
 * silently: a shortened label keeps its full text in the key and the data table.
 */

/** Width of `text` in user units at `fontSize`, erring on the wide side. */
export function textWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code >= 0x2e80 && code <= 0xffef)
      em += 1; // CJK and full-width forms
    else if (code >= 0x0600 && code <= 0x06ff)
      em += 0.62; // Arabic (measured in Noto Sans Arabic, bold)
    else if (ch === ' ' || ch === '.' || ch === ',' || ch === '\u202f' || ch === '\u00a0') em += 0.3;
    else if (ch >= 'A' && ch <= 'Z') em += 0.68;
    else em += 0.58;
  }
  return em * fontSize;
}

/**
 * `text`, shortened with an ellipsis to fit `maxWidth`.
 * @example fitText('Bosnia and Herzegovina', 60, 12) // 'Bosnia a…'
 */
export function fitText(text: string, maxWidth: number, fontSize: number): string {
  if (textWidth(text, fontSize) <= maxWidth) return text;
  const chars = [...text];
  while (chars.length > 1 && textWidth(`${chars.join('').trimEnd()}…`, fontSize) > maxWidth) chars.pop();
  return `${chars.join('').trimEnd()}…`;
}
