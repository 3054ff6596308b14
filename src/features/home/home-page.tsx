/** The home page: what the platform does, in the reader's language. */
import { Hono } from 'hono';
import { t } from '../../i18n/i18n.js';
import type { AppEnv, Deps } from '../../http/app-env.js';
import { Layout, type PageContext } from '../../web/layout.js';
import { pageContext } from '../../web/page-context.js';
import type { NavEntry } from '../../web/navigation.js';
import { renderPage } from '../../web/render.js';
import { countCountries } from '../reference/index.js';

function HomePage(props: { ctx: PageContext; countries: number }) {
  const { lang } = props.ctx;
  const pillars = [
    ['home.connect.title', 'home.connect.text'],
    ['home.capacity.title', 'home.capacity.text'],
    ['home.collaborate.title', 'home.collaborate.text'],
  ] as const;
  return (
    <Layout ctx={props.ctx} title={t(lang, 'shell.site')} description={t(lang, 'home.lead')}>
      <h1>{t(lang, 'home.title')}</h1>
      <p class="lead">{t(lang, 'home.lead')}</p>
      <ul class="cards">
        {pillars.map(([title, text]) => (
          <li>
            <h2>{t(lang, title)}</h2>
            <p>{t(lang, text)}</p>
          </li>
        ))}
      </ul>
      <p>
        <a class="button" href="/countries">
          {t(lang, 'home.explore', { count: props.countries })}
        </a>
      </p>
      <h2>{t(lang, 'home.data.title')}</h2>
      <p>
        {t(lang, 'home.data.text')} <a href="/api">{t(lang, 'shell.nav.api')}</a>
      </p>
    </Layout>
  );
}

export function homePages({ db }: Deps) {
  return new Hono<AppEnv>().get('/', async (c) => renderPage(c, <HomePage ctx={pageContext(c)} countries={await countCountries(db)} />));
}

/** The home page's entry in the main navigation. */
export const homeNav: NavEntry = { href: '/', label: 'shell.nav.home' };
