/**
 * HTML routes of the Connect pages: /groups, /groups/{code}, /indicators, /indicators/{code}
 * (and its map image), /compare. They read through views.ts (the same profiles and aggregates as
 * the API) and answer anonymous visitors with public caching (the page then depends on nobody's
 * session); a signed-in visitor's page names them in the header, so it stays no-store.
 */
import { Hono, type MiddlewareHandler } from 'hono';
import { etag } from 'hono/etag';
import { INDICATOR_CATALOGUE, type IndicatorDefinition } from '../../core/indicators/index.js';
import type { AppEnv, Deps } from '../../http/app-env.js';
import { AppError } from '../../http/app-error.js';
import { PUBLIC_MAX_AGE } from '../../http/caching.js';
import { standaloneSvg } from '../../platform/charts/index.js';
import type { FormError } from '../../platform/forms/index.js';
import { isLanguage } from '../../shared/localised.js';
import { pageContext } from '../../web/page-context.js';
import type { NavEntry } from '../../web/navigation.js';
import { renderPage } from '../../web/render.js';
import { ComparePage, MAX_COMPARED, type Compared } from './compare-page.js';
import { GroupPage, GroupsPage } from './group-page.js';
import { IndicatorPage, IndicatorsPage, indicatorMap } from './indicator-pages.js';
import { observationStats } from './repository.js';
import { everyCountry, everyGroup, groupSeries, groupView, valuesByCountry } from './views.js';

/** Indicators that groups have aggregates of (population-weighted or summed). */
const AGGREGATED = INDICATOR_CATALOGUE.filter((i) => i.aggregation !== 'none');
const DEFAULT_INDICATOR = 'internet-use';
const GROUP_CODE = /^(?:[A-Za-z]{2,4}|\d{3})$/;

/**
 * Public caching for what an anonymous visitor is shown: the same for every anonymous visitor
 * in a language (Vary: Accept-Language, Cookie is set by the locale stage). A signed-in page, or
 * one that sets a cookie (?lang= remembers the language), keeps the default no-store.
 */
export function cacheForAnonymous(): MiddlewareHandler<AppEnv> {
  const withEtag = etag({ weak: true });
  return async (c, next) => {
    await withEtag(c, next);
    const reusable = c.res.status === 200 || c.res.status === 304;
    if (
      c.req.method === 'GET' &&
      reusable &&
      c.get('actor').kind === 'anonymous' &&
      !c.res.headers.has('Set-Cookie') &&
      !c.res.headers.has('Cache-Control')
    )
      c.header('Cache-Control', `public, max-age=${PUBLIC_MAX_AGE}`);
  };
}

function findIndicator(code: string | undefined, field = 'indicator'): IndicatorDefinition {
  const wanted = (code ?? DEFAULT_INDICATOR).trim().toLowerCase();
  const found = INDICATOR_CATALOGUE.find((i) => i.code === wanted || i.aliases.some((a) => a.toLowerCase() === wanted));
  if (!found) {
    throw new AppError('not-found', `No indicator with code "${code ?? ''}"; see /indicators`, [
      { field: `query.${field}`, message: 'unknown indicator' },
    ]);
  }
  return found;
}

/** The codes typed in a field, upper-cased, once each: "ken, UGA;tza" → ['KEN', 'UGA', 'TZA']. */
function codes(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\s,;]+/)
        .filter((s) => s !== '')
        .map((s) => s.toUpperCase()),
    ),
  ];
}

/** Years with values, newest first, and the default: the newest year at least half as well covered as the best. */
function yearsOf(values: ReadonlyMap<string, ReadonlyMap<number, unknown>>) {
  const counts = new Map<number, number>();
  for (const years of values.values()) for (const year of years.keys()) counts.set(year, (counts.get(year) ?? 0) + 1);
  const years = [...counts].map(([year, countries]) => ({ year, countries })).toSorted((a, b) => b.year - a.year);
  const best = Math.max(0, ...years.map((y) => y.countries));
  return { years, preferred: years.find((y) => y.countries * 2 >= best)?.year ?? null };
}

export function connectPages({ db }: Deps) {
  return new Hono<AppEnv>()
    .use('/groups', cacheForAnonymous())
    .use('/groups/*', cacheForAnonymous())
    .use('/indicators', cacheForAnonymous())
    .use('/indicators/*', cacheForAnonymous())
    .use('/compare', cacheForAnonymous())
    .get('/groups', async (c) => renderPage(c, <GroupsPage ctx={pageContext(c)} groups={await everyGroup(db)} />))
    .get('/groups/:code', async (c) => {
      const code = c.req.param('code');
      if (!GROUP_CODE.test(code)) throw new AppError('not-found', `No group with code "${code}"; see /groups`);
      const indicator = findIndicator(c.req.query('indicator'));
      const [view, values, groups, world] = await Promise.all([
        groupView(db, code),
        valuesByCountry(db, indicator.code),
        everyGroup(db),
        groupSeries(db, 'WLD'),
      ]);
      const parentCode = view.profile.group.parent;
      const parent = parentCode ? (groups.find((g) => g.code === parentCode) ?? null) : null;
      return renderPage(
        c,
        <GroupPage
          ctx={pageContext(c)}
          view={view}
          indicator={indicator}
          choices={AGGREGATED}
          values={values}
          parent={parent ? { code: parent.code, names: parent.names } : null}
          world={view.profile.group.code === 'WLD' ? null : { names: groups.find((g) => g.code === 'WLD')?.names ?? null, series: world }}
        />,
      );
    })
    .get('/indicators', async (c) => {
      const stats = await observationStats(db);
      return renderPage(
        c,
        <IndicatorsPage
          ctx={pageContext(c)}
          rows={INDICATOR_CATALOGUE.map((indicator) => ({ indicator, stats: stats.get(indicator.code) }))}
        />,
      );
    })
    .get('/indicators/:code/map/:file', async (c) => {
      const match = /^(\d{4})\.([a-z]{2})\.svg$/.exec(c.req.param('file'));
      const lang = match?.[2];
      if (!match || !isLanguage(lang)) throw new AppError('not-found', 'A map is /indicators/{code}/map/{year}.{language}.svg');
      const indicator = findIndicator(c.req.param('code'));
      const [values, countries] = await Promise.all([valuesByCountry(db, indicator.code), everyCountry(db)]);
      const year = Number(match[1]);
      if (![...values.values()].some((years) => years.has(year)))
        throw new AppError('not-found', `No value of ${indicator.code} in ${year}`);
      const map = indicatorMap(lang, indicator, year, { countries, values });
      return c.body(standaloneSvg(map), 200, { 'Content-Type': 'image/svg+xml; charset=utf-8' });
    })
    .get('/indicators/:code', async (c) => {
      const indicator = findIndicator(c.req.param('code'), 'code');
      const [values, countries, groups] = await Promise.all([valuesByCountry(db, indicator.code), everyCountry(db), everyGroup(db)]);
      const { years, preferred } = yearsOf(values);
      const asked = c.req.query('year');
      let year = preferred;
      if (asked !== undefined && asked !== '') {
        const wanted = Number(asked);
        if (!years.some((y) => y.year === wanted)) {
          throw new AppError(
            'validation-failed',
            `query.year: ${indicator.code} has no values in "${asked}"; choose one of the years listed on /indicators/${indicator.code}`,
            [{ field: 'query.year', message: 'a year with values' }],
          );
        }
        year = wanted;
      }
      const shown = groups.filter((g) => g.kind !== 'intermediate-region' && g.kind !== 'sub-region');
      const withSeries = await Promise.all(
        shown.map(async (g) => ({ code: g.code, kind: g.kind, names: g.names, series: await groupSeries(db, g.code) })),
      );
      return renderPage(
        c,
        <IndicatorPage
          ctx={pageContext(c)}
          indicator={indicator}
          year={year}
          years={years}
          countries={countries}
          values={values}
          groups={withSeries}
        />,
      );
    })
    .get('/compare', async (c) => {
      const input = {
        countries: (c.req.query('countries') ?? '').slice(0, 200),
        groups: (c.req.query('groups') ?? '').slice(0, 200),
        indicator: c.req.query('indicator') ?? DEFAULT_INDICATOR,
      };
      const [countries, groups] = await Promise.all([everyCountry(db), everyGroup(db)]);
      const errors: FormError[] = [];
      const wantedCountries = codes(input.countries);
      const wantedGroups = codes(input.groups);
      const byIso3 = new Map(countries.flatMap((k) => (k.iso3 ? [[k.iso3, k] as const] : [])));
      const byGroup = new Map(groups.map((g) => [g.code, g]));
      const unknownCountries = wantedCountries.filter((k) => !byIso3.has(k));
      const unknownGroups = wantedGroups.filter((g) => !byGroup.has(g));
      const indicator =
        AGGREGATED.find((i) => i.code === input.indicator) ?? INDICATOR_CATALOGUE.find((i) => i.code === input.indicator) ?? null;
      const labels = {
        countries: 'profiles.compare.countries',
        groups: 'profiles.compare.groups',
        indicator: 'profiles.picker.indicator',
      } as const;
      const problem = (field: keyof typeof labels, key: FormError['message']['key'], params: Record<string, string | number>) =>
        errors.push({ field, id: field, label: labels[field], message: { key, params } });
      if (unknownCountries.length > 0) problem('countries', 'profiles.compare.err.countries', { codes: unknownCountries.join(', ') });
      if (unknownGroups.length > 0) problem('groups', 'profiles.compare.err.groups', { codes: unknownGroups.join(', ') });
      if (wantedCountries.length + wantedGroups.length > MAX_COMPARED)
        problem('countries', 'profiles.compare.err.tooMany', { max: MAX_COMPARED, count: wantedCountries.length + wantedGroups.length });
      if (!indicator) problem('indicator', 'profiles.compare.err.indicator', {});
      const compared: Compared[] = [];
      if (errors.length === 0 && indicator) {
        const values = await valuesByCountry(db, indicator.code);
        for (const code of wantedCountries) {
          const k = byIso3.get(code)!;
          compared.push({
            code,
            kind: 'country',
            names: k.names,
            points: [...(values.get(k.m49)?.values() ?? [])].toSorted((a, b) => a.year - b.year),
          });
        }
        for (const code of wantedGroups) {
          const series = await groupSeries(db, code);
          compared.push({ code, kind: 'group', names: byGroup.get(code)!.names, points: series.get(indicator.code) ?? [] });
        }
      }
      const page = (
        <ComparePage
          ctx={pageContext(c)}
          input={input}
          choices={INDICATOR_CATALOGUE}
          groupChoices={groups.filter((g) => /^[A-Z]/.test(g.code))}
          indicator={indicator}
          compared={compared}
          errors={errors}
        />
      );
      return renderPage(c, page, errors.length > 0 ? 400 : 200);
    });
}

/** The Connect entries of the main navigation: the indicators (with their maps) and the comparison. */
export const connectNav: readonly NavEntry[] = [
  { href: '/indicators', label: 'profiles.nav.indicators' },
  { href: '/groups', label: 'profiles.nav.groups' },
  { href: '/compare', label: 'profiles.nav.compare' },
];
