/**
 * Offline reading ("leaving no one offline"): the service worker served at /offline.js.
 *
 * It keeps a copy of each country profile, group page and brief a person opens (network
 * first: online they always get the current page, and the copy is refreshed), and when the
 * network fails it answers from that copy with a notice at the top of the main content saying
 * when the copy was saved and that it may be out of date — in the page's own language, from
 * the catalogue. Nothing else is touched: other pages, forms and the API go to the network as
 * if there were no worker. At most MAX_PAGES copies are kept, the oldest dropped first.
 *
 * Pages are complete without it; the registration is the one inline script (web/assets.ts),
 * allowed by its CSP hash. About 2 KB.
 */
import { t } from '../i18n/i18n.js';
import { LANGUAGES } from '../shared/localised.js';

/** Paths whose pages are kept: /countries/KEN, /countries/KEN/brief, /groups/LDC. */
export const KEPT_PATHS = /^\/(countries\/[A-Za-z]{3}(\/brief)?|groups\/[0-9A-Za-z]{2,4})\/?$/;
const MAX_PAGES = 60;
/** Stands for the saving date in the notice until the worker formats it in the page's language. */
const DATE = '\u0000date\u0000';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

function notes(): Record<string, string> {
  return Object.fromEntries(LANGUAGES.map((lang) => [lang, escapeHtml(t(lang, 'brief.offline.saved', { date: DATE }))]));
}

/** The worker's source: plain ES2017, no imports, so every browser with service workers runs it. */
export function offlineWorker(): string {
  return `'use strict';
const CACHE = 'dcp-pages-1';
const KEPT = ${KEPT_PATHS.toString()};
const NOTES = ${JSON.stringify(notes())};
const DATE = ${JSON.stringify(DATE)};
const MAX = ${MAX_PAGES};
const kept = (url) => { const u = new URL(url); return u.origin === location.origin && KEPT.test(u.pathname); };
async function keep(request, response) {
  const headers = new Headers(response.headers);
  headers.delete('content-encoding'); headers.delete('content-length');
  headers.set('x-saved-at', new Date().toISOString());
  const cache = await caches.open(CACHE);
  await cache.put(request, new Response(await response.blob(), { status: response.status, headers }));
  const keys = await cache.keys();
  for (const old of keys.slice(0, Math.max(0, keys.length - MAX))) await cache.delete(old);
}
async function fromCopy(request) {
  const cache = await caches.open(CACHE);
  const copy = await cache.match(request, { ignoreVary: true });
  if (!copy) return Response.error();
  const html = await copy.text();
  const lang = (/<html[^>]*\\slang="([a-z]{2})"/.exec(html) || [])[1] || 'en';
  const saved = new Date(copy.headers.get('x-saved-at') || Date.now());
  let when;
  try { when = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeStyle: 'short' }).format(saved); } catch (e) { when = saved.toISOString(); }
  const note = '<p class="offline-note" role="status">' + (NOTES[lang] || NOTES.en).replace(DATE, when) + '</p>';
  const body = html.replace(/<main[^>]*>/, (tag) => tag + note);
  return new Response(body, { status: copy.status, headers: copy.headers });
}
self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    await self.clients.claim();
    // The page that registered the worker loaded before it existed: keep that one too.
    for (const client of await self.clients.matchAll({ type: 'window' })) {
      if (!kept(client.url)) continue;
      try { const response = await fetch(client.url, { credentials: 'same-origin' }); if (response.ok) await keep(new Request(client.url), response); } catch (e) { /* offline already: nothing to keep */ }
    }
  })());
});
self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || request.mode !== 'navigate' || !kept(request.url)) return;
  event.respondWith((async () => {
    try {
      const response = await fetch(request);
      if (response.ok) event.waitUntil(keep(request, response.clone()));
      return response;
    } catch (e) {
      return fromCopy(request);
    }
  })());
});
`;
}
