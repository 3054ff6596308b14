/** HTML routes for countries; they read through the same service as the API. */
import { Hono } from 'hono';
import type { Child } from 'hono/jsx';
import type { Actor } from '../../core/policy/actor.js';
import type { AppEnv, Deps } from '../../http/app-env.js';
import { validationError } from '../../http/validation.js';
import type { PageContext } from '../../web/layout.js';
import { renderPage } from '../../web/render.js';
import { pageContext } from '../../web/page-context.js';
import type { NavEntry } from '../../web/navigation.js';
import * as service from './service.js';
import { CountriesPage, CountryPage } from './pages.js';
import { CountryParamsSchema, type Country } from './schemas.js';

/**
 * A section another feature adds to the country page (connectivity, needs, projects …),
 * injected at assembly so this feature does not depend on them. It is told who is asking, for
 * what it offers only to some (starting a capacity need from a gap).
 */
export type CountrySection = (country: Country, ctx: PageContext, actor: Actor) => Promise<Child>;

const CODE = /^[0-9A-Za-z]{2,4}$/;

export function referencePages({ db }: Deps, extras: { countrySections?: readonly CountrySection[] } = {}) {
  return new Hono<AppEnv>()
    .get('/countries', async (c) => {
      const groups = await service.listGroups(db);
      const known = new Set(groups.map((g) => g.code));
      // An unknown filter value from a hand-edited URL is ignored, not an error page.
      const region = validFilter(c.req.query('region'), known);
      const group = validFilter(c.req.query('group'), known);
      const [countries, total] = await Promise.all([
        service.allCountries(db, { ...(region ? { region } : {}), ...(group ? { group } : {}) }),
        service.countCountries(db),
      ]);
      return renderPage(
        c,
        <CountriesPage ctx={pageContext(c)} countries={countries} total={total} groups={groups} region={region} group={group} />,
      );
    })
    .get('/countries/:code', async (c) => {
      const code = CountryParamsSchema.safeParse({ code: c.req.param('code') });
      if (!code.success) throw validationError(code.error, 'param');
      const country = await service.getCountry(db, code.data.code);
      const ctx = pageContext(c);
      const sections = await Promise.all((extras.countrySections ?? []).map((section) => section(country, ctx, c.get('actor'))));
      return renderPage(c, <CountryPage ctx={ctx} country={country} sections={sections} />);
    });
}

function validFilter(value: string | undefined, known: Set<string>): string | undefined {
  return value && CODE.test(value) && known.has(value.toUpperCase()) ? value.toUpperCase() : undefined;
}

/** The countries list's entry in the main navigation (a country page is in its section too). */
export const referenceNav: NavEntry = { href: '/countries', label: 'shell.nav.countries' };
