/**
 * Static assets, read once at start and served under a content-hashed name, so
 * browsers may cache them for a year and a change is picked up at once.
 *
 * The stylesheet is also inlined, minified, into every page's <head> (`inlineStyles`): on a
 * 2G link (35 kbit/s, 1.3 s round trips) a separate stylesheet costs a second round trip
 * before anything is drawn. The CSP allows exactly this text by its SHA-256 hash, and the one
 * inline script (the offline-reading registration, `offlineRegistration`) likewise.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Asset {
  readonly path: string;
  readonly body: string;
  readonly type: string;
  readonly etag: string;
}

const here = path.dirname(fileURLToPath(import.meta.url));

function load(file: string, type: string): Asset {
  const body = readFileSync(path.join(here, 'static', file), 'utf8');
  const hash = createHash('sha256').update(body).digest('base64url').slice(0, 10);
  const [name, ext] = file.split('.');
  return { path: `/static/${name}.${hash}.${ext}`, body, type, etag: `"${hash}"` };
}

export const stylesheet = load('app.css', 'text/css; charset=utf-8');
export const ASSETS: readonly Asset[] = [stylesheet];

/** The CSP source that allows exactly `text` as an inline <style> or <script> body. */
function cspHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** Outside quoted strings: comments and layout whitespace out, the rules as written. */
function minifyRules(css: string): string {
  return (
    css
      .replace(/\s+/g, ' ')
      .replace(/\s*([{};,>])\s*/g, '$1')
      // After a colon only: a space before one is a descendant combinator (`header.site :focus-visible`).
      .replace(/:\s+/g, ':')
      .replace(/;}/g, '}')
  );
}

/**
 * Comments and layout whitespace out; quoted strings (`content: ": "`) kept exactly, since
 * their spaces are printed. One pass finds strings and comments together, so a comment
 * marker inside a string is text and a quote inside a comment is comment.
 */
export function minifyCss(css: string): string {
  const pieces: string[] = [];
  let rules = '';
  let last = 0;
  for (const m of css.matchAll(/"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|\/\*[\s\S]*?\*\//g)) {
    rules += css.slice(last, m.index);
    last = m.index + m[0].length;
    if (m[0].startsWith('/*')) {
      rules += ' ';
      continue;
    }
    pieces.push(minifyRules(rules), m[0]);
    rules = '';
  }
  pieces.push(minifyRules(rules + css.slice(last)));
  return pieces.join('').trim();
}

/** The whole stylesheet, minified, for a <style> element in every page's head. */
const stylesText = minifyCss(stylesheet.body);
export const inlineStyles = { text: stylesText, hash: cspHash(stylesText) } as const;

/**
 * Registers the offline-reading service worker (served at /offline.js). The only script on any
 * page; pages are complete without it.
 */
const registration = "if('serviceWorker'in navigator)navigator.serviceWorker.register('/offline.js').catch(function(){})";
export const offlineRegistration = { text: registration, hash: cspHash(registration) } as const;
