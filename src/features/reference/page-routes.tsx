/** HTML routes for countries; they read through the same service as the API. */
import { Hono } from 'hono';
import type { AppEnv, Deps } from '../../http/app-env.js';
import { renderPage } from '../../web/render.js';
import { pageContext } from '../../web/page-context.js';
import * as service from './service.js';
import { CountriesPage, CountryPage } from './pages.js';

const CODE = /^[0-9A-Za-z]{2,4}$/;

export function referencePages({ db }: Deps) {
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
      return renderPage(c, <CountriesPage ctx={pageContext(c)} countries={countries} total={total} groups={groups} region={region} group={group} />);
    })
    .get('/countries/:code', async (c) => {
      const country = await service.getCountry(db, c.req.param('code'));
      return renderPage(c, <CountryPage ctx={pageContext(c)} country={country} />);
    });
}

function validFilter(value: string | undefined, known: Set<string>): string | undefined {
  return value && CODE.test(value) && known.has(value.toUpperCase()) ? value.toUpperCase() : undefined;
}
