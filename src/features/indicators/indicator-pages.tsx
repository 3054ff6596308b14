/**
 * /indicators (the catalogue) and /indicators/{code}: definition, unit, source, target; a world
 * map for a chosen year (the map itself is an image the route serves separately, so the page's
 * first response stays small) with the countries ranked beside it; the world's and the regions'
 * aggregates over the years; every group's latest aggregate; CSV and SDMX-CSV downloads.
 */
import type { IndicatorDefinition } from '../../core/indicators/index.js';
import { formatNumber, t } from '../../i18n/i18n.js';
import { choroplethMap, comparisonChart, type MapClassSpec } from '../../platform/charts/index.js';
import { pick, type Language } from '../../shared/localised.js';
import { Layout, type PageContext } from '../../web/layout.js';
import type { Country } from '../reference/index.js';
import { GroupName } from './page-parts.js';
import { targetText, unitLabel, valueText, yearText } from './page-text.js';
import type { AreaValue, GroupRef, SeriesByIndicator } from './views.js';

/** The catalogue with the span of data held per indicator. */
export interface CatalogueRow {
  readonly indicator: IndicatorDefinition;
  readonly stats: { count: number; countries: number; firstYear: number; lastYear: number } | undefined;
}

export function IndicatorsPage(props: { ctx: PageContext; rows: readonly CatalogueRow[] }) {
  const { lang } = props.ctx;
  const title = t(lang, 'profiles.indicators.title');
  const columns = [t(lang, 'profiles.indicators.unit'), t(lang, 'connect.col.target'), t(lang, 'profiles.indicators.span')] as const;
  return (
    <Layout ctx={props.ctx} title={title}>
      <h1 id="catalogue">{title}</h1>
      <p class="lead">{t(lang, 'profiles.indicators.lead')}</p>
      <table class="stack-table" role="table" aria-labelledby="catalogue">
        <thead>
          <tr role="row">
            <th scope="col" role="columnheader">
              {t(lang, 'connect.col.indicator')}
            </th>
            {columns.map((c) => (
              <th scope="col" role="columnheader">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map(({ indicator: i, stats }) => (
            <tr role="row">
              <th scope="row" role="rowheader">
                <a href={`/indicators/${i.code}`}>{pick(i.name, lang)}</a>
              </th>
              <td role="cell" data-label={columns[0]}>
                {unitLabel(lang, i.unit)}
              </td>
              <td role="cell" data-label={columns[1]}>
                {i.target ? targetText(lang, i, i.target) : t(lang, 'connect.noTarget')}
              </td>
              <td role="cell" data-label={columns[2]}>
                {stats
                  ? t(lang, 'profiles.indicators.spanText', {
                      from: yearText(lang, stats.firstYear),
                      to: yearText(lang, stats.lastYear),
                      countries: stats.countries,
                    })
                  : t(lang, 'charts.noData')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        {t(lang, 'connect.download')} <a href="/api/v1/indicators?format=csv">CSV</a>, <a href="/api/v1/indicators">JSON</a>
      </p>
    </Layout>
  );
}

export interface IndicatorPageProps {
  readonly ctx: PageContext;
  readonly indicator: IndicatorDefinition;
  readonly year: number | null;
  /** Years with values, newest first, with how many countries have one. */
  readonly years: readonly { year: number; countries: number }[];
  readonly countries: readonly Country[];
  readonly values: ReadonlyMap<string, ReadonlyMap<number, AreaValue>>;
  /** Groups with their aggregate series of this indicator: world, regions, then the rest. */
  readonly groups: readonly (GroupRef & { series: SeriesByIndicator })[];
}

/** The map's class rule: ITU's bands for an at-least target, quantiles otherwise. */
export function mapClasses(indicator: IndicatorDefinition): MapClassSpec {
  return indicator.target?.kind === 'at-least' ? { kind: 'target-bands', target: indicator.target.value } : { kind: 'quantiles', count: 5 };
}

/** The map for one indicator, year and language; the page shows it as an image, the route serves its SVG. */
export function indicatorMap(
  lang: Language,
  indicator: IndicatorDefinition,
  year: number,
  props: Pick<IndicatorPageProps, 'countries' | 'values'>,
) {
  const name = pick(indicator.name, lang);
  return choroplethMap({
    lang,
    id: 'map',
    title: t(lang, 'profiles.map.title', { indicator: name, year: yearText(lang, year) }),
    description: t(lang, 'profiles.map.description'),
    valueLabel: unitLabel(lang, indicator.unit),
    nameLabel: t(lang, 'profiles.col.country'),
    decimals: indicator.decimals,
    classes: mapClasses(indicator),
    areas: props.countries.map((c) => {
      const v = props.values.get(c.m49)?.get(year);
      return { m49: c.m49, name: pick(c.names, lang), value: v?.value ?? null, estimate: v?.estimate ?? false };
    }),
    image: { src: `/indicators/${indicator.code}/map/${year}.${lang}.svg`, withoutTable: true },
  });
}

export function IndicatorPage(props: IndicatorPageProps) {
  const { lang } = props.ctx;
  const i = props.indicator;
  const name = pick(i.name, lang);
  return (
    <Layout ctx={props.ctx} title={name}>
      <p>
        <a href="/indicators">{t(lang, 'profiles.indicators.back')}</a>
      </p>
      <h1>{name}</h1>
      <p class="lead">{pick(i.definition, lang)}</p>
      <dl class="facts">
        <dt>{t(lang, 'profiles.indicators.unit')}</dt>
        <dd>{unitLabel(lang, i.unit)}</dd>
        <dt>{t(lang, 'connect.col.target')}</dt>
        <dd>
          {i.target ? targetText(lang, i, i.target) : t(lang, 'connect.noTarget')}
          {i.targetReference ? (
            <>
              {' '}
              <small lang="en" dir="ltr">
                ({i.targetReference})
              </small>
            </>
          ) : null}
        </dd>
        <dt>{t(lang, 'profiles.indicators.source')}</dt>
        <dd>
          <span lang="en" dir="ltr">
            {i.source.name} ({i.source.licence})
          </span>
        </dd>
        <dt>{t(lang, 'profiles.indicators.code')}</dt>
        <dd>
          <code>{i.code}</code>
        </dd>
      </dl>
      {props.year === null ? (
        <p class="missing">{t(lang, 'profiles.indicators.noValues')}</p>
      ) : (
        <MapAndRanking {...props} year={props.year} />
      )}
      <Aggregates {...props} />
      <h2 id="downloads">{t(lang, 'profiles.indicators.downloads')}</h2>
      <ul>
        <li>
          {t(lang, 'profiles.indicators.observations')} <a href={`/api/v1/indicators/${i.code}/observations?format=csv`}>CSV</a>,{' '}
          <a href={`/api/v1/indicators/${i.code}/observations?format=sdmx-csv`}>SDMX-CSV</a>
        </li>
        <li>
          {t(lang, 'profiles.indicators.aggregates')} <a href={`/api/v1/indicators/${i.code}/aggregates?format=csv`}>CSV</a>,{' '}
          <a href={`/api/v1/indicators/${i.code}/aggregates?format=sdmx-csv`}>SDMX-CSV</a>
        </li>
      </ul>
    </Layout>
  );
}

function MapAndRanking(props: IndicatorPageProps & { year: number }) {
  const { lang } = props.ctx;
  const i = props.indicator;
  const sign = i.direction === 'lower-is-better' ? 1 : -1;
  const collator = new Intl.Collator(lang);
  const ranked = props.countries
    .flatMap((c) => {
      const v = props.values.get(c.m49)?.get(props.year);
      return v ? [{ country: c, value: v.value, estimate: v.estimate }] : [];
    })
    .toSorted((a, b) => sign * (a.value - b.value) || collator.compare(pick(a.country.names, lang), pick(b.country.names, lang)));
  const year = yearText(lang, props.year);
  return (
    <>
      <form class="filters" method="get" action={`/indicators/${i.code}`}>
        <div>
          <label for="year">{t(lang, 'profiles.map.year')}</label>
          <select id="year" name="year">
            {props.years.map((y) => (
              <option value={String(y.year)} selected={y.year === props.year}>
                {t(lang, 'profiles.map.yearOption', { year: yearText(lang, y.year), count: y.countries })}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">{t(lang, 'profiles.picker.show')}</button>
      </form>
      <div class="side-by-side">
        <div>
          <h2>{t(lang, 'profiles.map.heading', { year })}</h2>
          {indicatorMap(lang, i, props.year, props).html}
        </div>
        <div>
          <h2 id="ranked">{t(lang, 'profiles.map.ranked', { year })}</h2>
          <p class="small">{t(lang, 'profiles.map.rankedNote', { count: ranked.length, total: props.countries.length })}</p>
          {/* Its own scroll box, as tall as the map beside it; Tab reaches it and it is named (axe scrollable-region-focusable). */}
          <div class="scroll tall" role="region" aria-labelledby="ranked" tabindex={0}>
            <table aria-labelledby="ranked">
              <thead>
                <tr>
                  <th scope="col">{t(lang, 'connect.col.rank')}</th>
                  <th scope="col">{t(lang, 'profiles.col.country')}</th>
                  <th scope="col">{unitLabel(lang, i.unit)}</th>
                </tr>
              </thead>
              <tbody>
                {ranked.map((r, n) => (
                  <tr>
                    <td>{formatNumber(lang, n + 1)}</td>
                    <th scope="row">
                      <a href={`/countries/${r.country.iso3 ?? r.country.m49}`}>{pick(r.country.names, lang)}</a>
                    </th>
                    <td>
                      {formatNumber(lang, r.value, { minimumFractionDigits: i.decimals, maximumFractionDigits: i.decimals })}
                      {r.estimate ? ` (${t(lang, 'connect.estimate')})` : ''}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      </div>
    </>
  );
}

function Aggregates(props: IndicatorPageProps) {
  const { lang } = props.ctx;
  const i = props.indicator;
  const name = pick(i.name, lang);
  const withSeries = props.groups.filter((g) => (g.series.get(i.code)?.length ?? 0) > 0);
  if (withSeries.length === 0) return <p>{t(lang, 'profiles.indicators.noAggregates')}</p>;
  const charted = withSeries.filter((g) => g.kind === 'world' || g.kind === 'region');
  const years = charted.flatMap((g) => g.series.get(i.code)!.map((p) => p.year));
  return (
    <>
      <h2 id="aggregates">{t(lang, 'profiles.indicators.aggregatesTitle')}</h2>
      {charted.length > 0
        ? comparisonChart({
            lang,
            id: 'aggregates',
            title: t(lang, 'profiles.chart.title', {
              indicator: name,
              country: t(lang, 'profiles.indicators.worldAndRegions'),
              from: yearText(lang, Math.min(...years)),
              to: yearText(lang, Math.max(...years)),
            }),
            description: t(lang, 'profiles.indicators.aggregatesDescription'),
            axis: { label: unitLabel(lang, i.unit), decimals: i.decimals, ...(i.unit === 'percent' ? { domain: [0, 100] as const } : {}) },
            series: charted.map((g) => ({
              name: pick(g.names, lang),
              points: g.series.get(i.code)!.map((p) => ({ year: p.year, value: p.value })),
            })),
          }).html
        : null}
      <table class="stack-table" role="table" aria-labelledby="latest-aggregates">
        <caption id="latest-aggregates">{t(lang, 'profiles.indicators.latestAggregates')}</caption>
        <thead>
          <tr role="row">
            <th scope="col" role="columnheader">
              {t(lang, 'profiles.indicators.group')}
            </th>
            <th scope="col" role="columnheader">
              {t(lang, 'profiles.score.latest')}
            </th>
            <th scope="col" role="columnheader">
              {t(lang, 'profiles.groups.coverage')}
            </th>
          </tr>
        </thead>
        <tbody>
          {withSeries.map((g) => {
            const latest = g.series.get(i.code)!.at(-1)!;
            return (
              <tr role="row">
                <th scope="row" role="rowheader">
                  <a href={`/groups/${g.code}?indicator=${i.code}`}>
                    <GroupName lang={lang} code={g.code} names={g.names} />
                  </a>
                </th>
                <td role="cell" data-label={t(lang, 'profiles.score.latest')}>
                  {t(lang, 'profiles.valueYear', { value: valueText(lang, i, latest.value), year: yearText(lang, latest.year) })}
                </td>
                <td role="cell" data-label={t(lang, 'profiles.groups.coverage')}>
                  {latest.coverage === undefined
                    ? '—'
                    : formatNumber(lang, latest.coverage, { style: 'percent', maximumFractionDigits: 1 })}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}
