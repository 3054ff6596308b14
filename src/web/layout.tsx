/**
 * The page shell every page renders in: skip link, header with navigation and
 * language switcher, main, footer. Plain links and forms, so it works with
 * JavaScript off; `lang` and `dir` on <html> so Arabic mirrors.
 */
import type { Child } from 'hono/jsx';
import { direction, t, type MessageKey } from '../i18n/i18n.js';
import { LANGUAGES, type Language } from '../shared/localised.js';
import { CATALOGUES } from '../i18n/i18n.js';
import { stylesheet } from './assets.js';

/** What a page knows about the request it answers. */
export interface PageContext {
  readonly lang: Language;
  /** Path and query of the current request, used by the language switcher. */
  readonly url: URL;
  /** Whether someone is signed in: the header links to the account page instead of sign-in. */
  readonly signedIn?: boolean;
}

const NAV: { href: string; key: MessageKey }[] = [
  { href: '/', key: 'shell.nav.home' },
  { href: '/countries', key: 'shell.nav.countries' },
  { href: '/organisations', key: 'shell.nav.organisations' },
  { href: '/api', key: 'shell.nav.api' },
];

export function Layout(props: { ctx: PageContext; title: string; children: Child }) {
  const { lang, url } = props.ctx;
  const section = NAV.filter((n) => n.href !== '/' && url.pathname.startsWith(n.href)).at(0)?.href ?? (url.pathname === '/' ? '/' : '');
  return (
    <html lang={lang} dir={direction(lang)}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{props.title === t(lang, 'shell.site') ? props.title : `${props.title} · ${t(lang, 'shell.site')}`}</title>
        <link rel="stylesheet" href={stylesheet.path} />
        {/* No favicon request: one round trip less on slow links. */}
        <link rel="icon" href="data:," />
      </head>
      <body>
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
              <ul>
                {NAV.map((n) => (
                  <li>
                    <a href={n.href} aria-current={section === n.href ? 'page' : undefined}>
                      {t(lang, n.key)}
                    </a>
                  </li>
                ))}
                <li>
                  {props.ctx.signedIn ? (
                    <a href="/account" aria-current={url.pathname.startsWith('/account') ? 'page' : undefined}>
                      {t(lang, 'shell.nav.account')}
                    </a>
                  ) : (
                    <a href="/sign-in" aria-current={url.pathname === '/sign-in' ? 'page' : undefined}>
                      {t(lang, 'shell.nav.signIn')}
                    </a>
                  )}
                </li>
              </ul>
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
