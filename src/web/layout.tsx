/**
 * The page shell every page renders in: skip link, header with the navigation
 * the features contributed (navigation.ts) and the language switcher, main, footer. Plain links and forms, so it works with
 * JavaScript off; `lang` and `dir` on <html> so Arabic mirrors.
 */
import type { Child } from 'hono/jsx';
import { direction, t } from '../i18n/i18n.js';
import { LANGUAGES, type Language } from '../shared/localised.js';
import { CATALOGUES } from '../i18n/i18n.js';
import { inlineStyles, offlineRegistration } from './assets.js';
import { currentEntry, visibleEntries, type NavEntry } from './navigation.js';

/** What a page knows about the request it answers. */
export interface PageContext {
  readonly lang: Language;
  /** Path and query of the current request, used by the language switcher. */
  readonly url: URL;
  /** Whether someone is signed in: the navigation shows the entries for them (account instead of sign-in). */
  readonly signedIn?: boolean;
  /** The main navigation the features contributed (navigation.ts), in order. */
  readonly nav?: readonly NavEntry[];
  /** The page's address under DCP_PUBLIC_URL, for the printed line (else the request's own). */
  readonly printedUrl?: string;
}

export function Layout(props: {
  ctx: PageContext;
  title: string;
  /** One or two sentences from the page's own content, for search results (meta description); else one built from the title. */
  description?: string | undefined;
  /** A form on the page failed: the title starts with "Error:" in the reader's language, as screen readers announce it first. */
  hasErrors?: boolean | undefined;
  children: Child;
}) {
  const { lang, url } = props.ctx;
  const site = t(lang, 'shell.site');
  const named = props.title === site ? props.title : `${props.title} · ${site}`;
  const entries = visibleEntries(props.ctx.nav ?? [], props.ctx.signedIn ?? false);
  const current = currentEntry(entries, url.pathname);
  return (
    <html lang={lang} dir={direction(lang)}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{props.hasErrors ? t(lang, 'shell.title.error', { title: named }) : named}</title>
        {/* Without a description of its own, renderPage() takes one from the page's lead paragraph (this text if none). */}
        <meta
          name="description"
          content={props.description ?? t(lang, 'brief.page.description', { title: props.title, site })}
          data-from-page={props.description === undefined ? 'lead' : undefined}
        />
        {/* The whole stylesheet inline (allowed by its CSP hash): no second round trip before the first paint on a slow link. */}
        <style dangerouslySetInnerHTML={{ __html: inlineStyles.text }} />
        {/* No favicon request: one round trip less on slow links. */}
        <link rel="icon" href="data:," />
      </head>
      <body>
        {/* Shown only on paper: where the page came from. */}
        <p class="printed">{t(lang, 'brief.page.printed', { site, url: props.ctx.printedUrl ?? url.href })}</p>
        <a class="skip" href="#main">
          {t(lang, 'shell.skip')}
        </a>
        <header class="site">
          <div class="wrap bar">
            <a class="brand" href="/">
              {t(lang, 'shell.site')}
              <small>{t(lang, 'shell.tagline')}</small>
            </a>
            <nav aria-label={t(lang, 'shell.nav.label')}>
              {/* Folded behind "Menu" on narrow screens (a dozen entries would fill a phone's first screen);
                  always open on wide ones where the browser can style the details' content (app.css). No script. */}
              <details class="menu">
                <summary>{t(lang, 'shell.menu')}</summary>
                <ul>
                  {entries.map((n) => (
                    <li>
                      <a href={n.href} aria-current={n === current ? 'page' : undefined}>
                        {t(lang, n.label)}
                      </a>
                    </li>
                  ))}
                </ul>
              </details>
            </nav>
            <nav class="langs" aria-label={t(lang, 'shell.languages')}>
              <ul>
                {LANGUAGES.map((l) => (
                  <li>
                    <a href={withLang(url, l)} lang={l} hreflang={l} aria-current={l === lang ? 'true' : undefined}>
                      {CATALOGUES[l]['lang.name']}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          </div>
        </header>
        <main id="main" class="wrap" tabindex={-1}>
          {props.children}
        </main>
        <footer class="site">
          <div class="wrap">
            <p>{t(lang, 'shell.footer.sources')}</p>
            <p>{t(lang, 'shell.footer.about')}</p>
          </div>
        </footer>
        {/* Offline reading (the only script; the page is complete without it). */}
        <script dangerouslySetInnerHTML={{ __html: offlineRegistration.text }} />
      </body>
    </html>
  );
}

/** The current address in another language. */
function withLang(url: URL, lang: Language): string {
  const params = new URLSearchParams(url.search);
  params.set('lang', lang);
  // One leading slash, always: the path of `GET //evil.example` is `//evil.example`, which as an
  // href would be another site (and browsers read `/\` as `//`).
  const path = `/${url.pathname.replace(/^[/\\]+/, '')}`;
  return `${path}?${params.toString()}`;
}
