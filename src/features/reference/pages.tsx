/**
 * Pages: /countries (filter by region and group, a plain GET form) and
 * /countries/{code} (identity, groups, names in six languages).
 */
import type { Child } from 'hono/jsx';
import { t } from '../../i18n/i18n.js';
import { Layout, type PageContext } from '../../web/layout.js';
import { ScrollRegion } from '../../web/scroll-region.js';
import { LANGUAGES, pick } from '../../shared/localised.js';
import { CATALOGUES } from '../../i18n/i18n.js';
import type { Country } from './schemas.js';
import type { z } from '@hono/zod-openapi';
import type { GroupSchema } from './schemas.js';

type Group = z.infer<typeof GroupSchema>;

export function CountriesPage(props: {
  ctx: PageContext;
  countries: Country[];
  total: number;
  groups: Group[];
  region?: string;
  group?: string;
}) {
  const { lang } = props.ctx;
  const collator = new Intl.Collator(lang);
  const sorted = props.countries.toSorted((a, b) => collator.compare(pick(a.names, lang), pick(b.names, lang)));
  const regions = props.groups.filter((g) => g.kind === 'region' || g.kind === 'sub-region');
  const others = props.groups.filter((g) => g.kind === 'development-status' || g.kind === 'income');
  const regionName = new Map(props.groups.map((g) => [g.code, pick(g.names, lang)]));
  const groupName = regionName;
  const title = t(lang, 'countries.title');
  return (
    <Layout ctx={props.ctx} title={title}>
      <h1>{title}</h1>
      <p class="lead">{t(lang, 'countries.lead', { count: props.total })}</p>
      <form class="filters" method="get" action="/countries">
        <fieldset>
          <legend class="skip">{t(lang, 'countries.filter.legend')}</legend>
          <div>
            <label for="region">{t(lang, 'countries.filter.region')}</label>
            <select id="region" name="region">
              <option value="">{t(lang, 'countries.filter.any')}</option>
              {regions.map((g) => (
                <option value={g.code} selected={g.code === props.region}>
                  {g.kind === 'sub-region' ? '— ' : ''}
                  {pick(g.names, lang)}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label for="group">{t(lang, 'countries.filter.group')}</label>
            <select id="group" name="group">
              <option value="">{t(lang, 'countries.filter.any')}</option>
              {others.map((g) => (
                <option value={g.code} selected={g.code === props.group}>
                  {pick(g.names, lang)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit">{t(lang, 'countries.filter.apply')}</button>
          <a href="/countries">{t(lang, 'countries.filter.reset')}</a>
        </fieldset>
      </form>
      <p role="status">{t(lang, 'countries.shown', { count: sorted.length })}</p>
      {sorted.length === 0 ? (
        <p>{t(lang, 'countries.none')}</p>
      ) : (
        <ScrollRegion labelledBy="countries-caption">
          <table>
            <caption id="countries-caption" class="skip">
              {title}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t(lang, 'countries.col.name')}</th>
                <th scope="col">{t(lang, 'countries.col.iso3')}</th>
                <th scope="col">{t(lang, 'countries.col.region')}</th>
                <th scope="col">{t(lang, 'countries.col.groups')}</th>
              </tr>
            </thead>
            <tbody>
              {sorted.map((c) => (
                <tr>
                  <td>
                    <a href={`/countries/${c.iso3 ?? c.m49}`}>{pick(c.names, lang)}</a>
                  </td>
                  <td>{c.iso3 ?? '—'}</td>
                  <td>{c.subRegion ? regionName.get(c.subRegion) : ''}</td>
                  <td>
                    {/* The codes readers meet elsewhere, each expanded by the group's name in the reader's language. */}
                    {[c.ldc && 'LDC', c.lldc && 'LLDC', c.sids && 'SIDS', c.wbIncomeGroup]
                      .filter((code): code is string => Boolean(code))
                      .map((code, n) => (
                        <>
                          {n > 0 ? ' · ' : ''}
                          <abbr title={groupName.get(code) ?? code} lang="en" dir="ltr">
                            {code}
                          </abbr>
                        </>
                      ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </Layout>
  );
}

function fact(label: string, value: string | null | undefined) {
  return value ? (
    <>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </>
  ) : null;
}

export function CountryPage(props: { ctx: PageContext; country: Country; sections?: Child[] }) {
  const { lang } = props.ctx;
  const c = props.country;
  const name = pick(c.names, lang);
  const byKind = (kind: string) => c.groups.find((g) => g.kind === kind);
  const status = c.groups.filter((g) => g.kind === 'development-status');
  return (
    <Layout ctx={props.ctx} title={name}>
      <p>
        <a href="/countries">{t(lang, 'country.back')}</a>
      </p>
      <h1>{name}</h1>
      {props.sections}
      <h2>{t(lang, 'country.identity')}</h2>
      <dl class="facts">
        {fact(t(lang, 'country.formal'), c.formalNames?.[lang])}
        {fact(t(lang, 'country.m49'), c.m49)}
        {fact(t(lang, 'country.iso3'), c.iso3)}
        {fact(t(lang, 'country.iso2'), c.iso2)}
        {fact(t(lang, 'country.region'), byKind('region') && pick(byKind('region')!.names, lang))}
        {fact(t(lang, 'country.subRegion'), byKind('sub-region') && pick(byKind('sub-region')!.names, lang))}
        {fact(t(lang, 'country.intermediateRegion'), byKind('intermediate-region') && pick(byKind('intermediate-region')!.names, lang))}
        {fact(t(lang, 'country.income'), byKind('income') && pick(byKind('income')!.names, lang))}
        {c.wbRegion ? (
          <>
            <dt>{t(lang, 'country.wbRegion')}</dt>
            <dd>
              <span lang="en" dir="ltr">
                {c.wbRegion}
              </span>
            </dd>
          </>
        ) : null}
      </dl>
      <h2>{t(lang, 'country.groups')}</h2>
      {status.length === 0 ? (
        <p>{t(lang, 'country.noGroups')}</p>
      ) : (
        <ul class="tags">
          {status.map((g) => (
            <li>
              <a href={`/countries?group=${g.code}`}>{pick(g.names, lang)}</a>
            </li>
          ))}
        </ul>
      )}
      <h2>{t(lang, 'country.names')}</h2>
      <dl class="facts">
        {LANGUAGES.map((l) => (
          <>
            <dt>{CATALOGUES[l]['lang.name']}</dt>
            <dd>
              <span lang={l} dir={l === 'ar' ? 'rtl' : 'ltr'}>
                {c.names[l]}
              </span>
            </dd>
          </>
        ))}
      </dl>
    </Layout>
  );
}
