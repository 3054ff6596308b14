/**
 * A mail's two parts from its plain text: the text itself, and a simple, accessible
 * HTML version of the same words — the recipient's language and direction on the root
 * element, a title, paragraphs, real links showing their address, no images, no
 * layout tables, colours with enough contrast, readable on a phone. Pure.
 */
import type { Config } from '../../config/config.js';
import { direction } from '../../i18n/i18n.js';
import type { Language } from '../../shared/localised.js';

export interface ComposedMail {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => ESCAPES[ch]!);
}

// An address ends at a space, markup, or a directional mark: t() sets a left-to-right value
// apart with isolates (FSI … PDI) in Arabic text, and the closing PDI is not part of the link.
const URL_PATTERN = /https?:\/\/[^\s<>"\u200e\u200f\u202a-\u202e\u2066-\u2069]+/g;

/** Escaped text with every http(s) address made a link (trailing punctuation left outside). */
function linkify(text: string): string {
  let html = '';
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const url = match[0].replace(/[.,;:!?)\]]+$/, '');
    html += escapeHtml(text.slice(last, match.index));
    html += `<a href="${escapeHtml(url)}" dir="ltr" style="color:#1d70b8;text-decoration:underline;word-break:break-all">${escapeHtml(url)}</a>`;
    last = match.index + url.length;
  }
  return html + escapeHtml(text.slice(last));
}

/**
 * @example composeMail({ lang: 'fr', subject: 'Bonjour', text: 'Ouvrez https://dcp.example/x' }).html
 * // '<!DOCTYPE html><html lang="fr" dir="ltr">…<a href="https://dcp.example/x" …>https://dcp.example/x</a>…'
 */
export function composeMail(mail: { lang: Language; subject: string; text: string }): ComposedMail {
  const text = mail.text.replace(/\r\n?/g, '\n').trim();
  const paragraphs = text
    .split(/\n{2,}/)
    .map((p) => `<p style="margin:0 0 1em">${p.split('\n').map(linkify).join('<br>')}</p>`)
    .join('\n');
  const html = [
    '<!DOCTYPE html>',
    `<html lang="${mail.lang}" dir="${direction(mail.lang)}">`,
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(mail.subject)}</title></head>`,
    '<body style="margin:0;padding:16px;background:#ffffff;color:#0b0c0c;font-family:system-ui,-apple-system,Segoe UI,Roboto,Arial,sans-serif;font-size:16px;line-height:1.5">',
    // Long links (a token is 43 characters) wrap instead of widening a phone's screen.
    `<div style="max-width:40em;overflow-wrap:anywhere">\n${paragraphs}\n</div>`,
    '</body></html>',
  ].join('\n');
  return { subject: mail.subject, text: `${text}\n`, html };
}

/**
 * A Message-ID for mail `id`, on the sender's domain: the same on every attempt, so a
 * receiving system can recognise a repeat.
 * @example messageIdFor('0b9e…', { mailFrom: 'DCP <no-reply@dcp.example>', publicUrl: undefined }) // '<0b9e…@dcp.example>'
 */
export function messageIdFor(id: string, config: Pick<Config, 'mailFrom' | 'publicUrl'>): string {
  const fromDomain = /@([A-Za-z0-9.-]+)>?\s*$/.exec(config.mailFrom)?.[1];
  const domain = fromDomain ?? (config.publicUrl ? new URL(config.publicUrl).hostname : 'localhost');
  return `<${id}@${domain}>`;
}
