/**
 * The connectivity section of a country page: a summary in words, then the headline figures by
 * theme (connectivity, affordability, inclusion, infrastructure, skills) as cards — each with its
 * year, source and publication date, band or target status, trend, outlook, ranks and a small
 * trend chart beside the region's and the income group's aggregates — then the 2030 scorecard,
 * the sources and the downloads. What is missing or old is said in words. Plain HTML and
 * server-rendered SVG (platform charts), no script.
 */
import type { Child } from 'hono/jsx';
import type { Actor } from '../../core/policy/actor.js';
import type { Deps } from '../../http/app-env.js';
import { t } from '../../i18n/i18n.js';
import { trendChart } from '../../platform/charts/index.js';
import { pick, type Language } from '../../shared/localised.js';
import type { PageContext } from '../../web/layout.js';
import type { Country } from '../reference/index.js';
import { THEMES, gapTopic, isOld, needLink, type Theme } from './country-themes.js';
import { CountrySummary } from './country-summary.js';
import { clauses, dateText, targetText, trendText, unitLabel, valueText, yearText } from './page-text.js';
import type { ProfileIndicator } from './schemas.js';
import { Scorecard, Status } from './scorecard.js';
import { countryView, type ContextGroup, type CountryView, type SeriesYear } from './views.js';

/** Charts start here: twenty years say the trend, and the page stays within its budget. */
export const CHART_FROM = 2005;

interface SectionOptions {
  /** Whether this person may start a capacity need (a member of a government or UN organisation). */
  readonly startsNeeds?: (actor: Actor) => Promise<boolean>;
}

export function ConnectivitySection(props: { ctx: PageContext; view: CountryView; startsNeeds: boolean; currentYear: number }) {
  const { lang } = props.ctx;
  const { profile, country } = props.view;
  const byCode = new Map(profile.indicators.map((i) => [i.code, i]));
  const withData = profile.indicators.filter((i) => i.latest !== null);
  const sources = [...new Set(withData.map((i) => i.latest!.source))];
  const iso3 = profile.country.iso3;
  const name = pick(country.names, lang);
  const groupNames = new Map(country.groups.map((g) => [g.code, pick(g.names, lang)]));
  const card = (i: ProfileIndicator) => (
    <IndicatorCard
      lang={lang}
      indicator={i}
      view={props.view}
      sourceNumber={i.latest ? sources.indexOf(i.latest.source) + 1 : 0}
      groupNames={groupNames}
      startsNeeds={props.startsNeeds}
      currentYear={props.currentYear}
    />
  );
  return (
    <section aria-labelledby="connectivity" class="profile">
      <h2 id="connectivity">{t(lang, 'profiles.section.title')}</h2>
      <CountrySummary lang={lang} view={props.view} />
      {THEMES.map(({ theme, indicators }) => (
        <section aria-labelledby={`theme-${theme}`}>
          <h3 id={`theme-${theme}`}>{t(lang, `profiles.theme.${theme}`)}</h3>
          <ThemeNote lang={lang} theme={theme} country={name} />
          {indicators.length > 0 ? (
            <ul class="cards indicators">{indicators.flatMap((c) => (byCode.has(c) ? [card(byCode.get(c)!)] : []))}</ul>
          ) : null}
        </section>
      ))}
      <Scorecard lang={lang} indicators={profile.indicators} />
      <p>
        <small>{t(lang, 'connect.methods')}</small>
      </p>
      <h3>{t(lang, 'connect.sources')}</h3>
      {/* The list keeps the page's direction (its markers stay inside in Arabic); only the English names are isolated. */}
      <ol>
        {sources.map((s) => (
          <li>
            <span lang="en" dir="ltr">
              {s}
            </span>
          </li>
        ))}
      </ol>
      <p>
        {t(lang, 'connect.download')} <a href={`/api/v1/countries/${iso3}/profile?format=csv`}>CSV</a>,{' '}
        <a href={`/api/v1/countries/${iso3}/profile?format=sdmx-csv`}>SDMX-CSV</a>, <a href={`/api/v1/countries/${iso3}/profile`}>JSON</a>
      </p>
    </section>
  );
}

function ThemeNote(props: { lang: Language; theme: Theme; country: string }) {
  const { lang, theme, country } = props;
  if (theme === 'skills') return <p class="missing">{t(lang, 'profiles.skills.none', { country })}</p>;
  if (theme === 'inclusion') return <p class="missing">{t(lang, 'profiles.inclusion.noBreakdowns', { country })}</p>;
  return null;
}

function IndicatorCard(props: {
  lang: Language;
  indicator: ProfileIndicator;
  view: CountryView;
  sourceNumber: number;
  groupNames: ReadonlyMap<string, string>;
  startsNeeds: boolean;
  currentYear: number;
}) {
  const { lang, indicator: i, view } = props;
  const name = pick(i.names, lang);
  const latest = i.latest;
  const topic = props.startsNeeds ? gapTopic(i) : null;
  return (
    <li id={`i-${i.code}`}>
      <h4>{name}</h4>
      {latest ? (
        <>
          <p class="figure">
            <strong>{valueText(lang, i, latest.value)}</strong> {t(lang, 'profiles.card.year', { year: yearText(lang, latest.year) })}
            {latest.estimate ? ` (${t(lang, 'connect.estimate')})` : ''}
          </p>
          {isOld(latest.year, props.currentYear) ? (
            <p class="missing">{t(lang, 'profiles.card.since', { year: yearText(lang, latest.year) })}</p>
          ) : null}
          {i.target ? (
            <p>
              <Status lang={lang} indicator={i} /> {t(lang, 'profiles.card.target', { target: targetText(lang, i, i.target) })}
            </p>
          ) : null}
          <Outlook lang={lang} indicator={i} />
          {i.ranks.length > 0 ? (
            <p class="small">
              {i.ranks
                .map((r) =>
                  t(lang, r.withoutValue > 0 ? 'connect.rankWithMissing' : 'connect.rank', {
                    rank: r.rank,
                    of: r.of,
                    group: props.groupNames.get(r.group) ?? r.group,
                    from: yearText(lang, r.window.from),
                    to: yearText(lang, r.window.to),
                    missing: r.withoutValue,
                  }),
                )
                .join(' · ')}
            </p>
          ) : null}
          <p class="small">{t(lang, 'connect.source', { n: props.sourceNumber, date: dateText(lang, latest.vintage) })}</p>
          {trendFigure(lang, i, view)}
          {topic ? (
            <p>
              <a href={needLink(view.profile.country.iso3, topic, evidence(lang, i, pick(view.country.names, lang)))}>
                {t(lang, 'profiles.needs.start')}
              </a>
            </p>
          ) : null}
        </>
      ) : (
        <p class="missing">{t(lang, 'profiles.card.noData', { country: pick(view.country.names, lang) })}</p>
      )}
    </li>
  );
}

function Outlook(props: { lang: Language; indicator: ProfileIndicator }) {
  const { lang, indicator: i } = props;
  if (!i.trend) return <p class="small">{t(lang, 'connect.trend.none')}</p>;
  const parts = [trendText(lang, i, i.trend.slope)];
  if (i.projected2030 !== null) {
    const projected = valueText(lang, i, i.projected2030);
    if (i.onTrack === null) parts.push(t(lang, 'profiles.outlook.projected', { value: projected }));
    else parts.push(t(lang, i.onTrack ? 'connect.outlook.onTrack' : 'connect.outlook.offTrack', { value: projected }));
  }
  if (i.onTrack === false && !i.targetMet)
    parts.push(i.yearsToTarget === null ? t(lang, 'connect.outlook.never') : t(lang, 'connect.outlook.years', { years: i.yearsToTarget }));
  return <p>{clauses(lang, parts)}</p>;
}

/** The gap in one sentence, for the need form's evidence field. */
function evidence(lang: Language, i: ProfileIndicator, country: string): string {
  const latest = i.latest!;
  return t(lang, 'profiles.needs.evidence', {
    country,
    indicator: pick(i.names, lang),
    value: valueText(lang, i, latest.value),
    year: yearText(lang, latest.year),
    target: i.target ? targetText(lang, i, i.target) : '',
  });
}

function points(series: readonly SeriesYear[] | undefined, from: number) {
  return (series ?? []).filter((p) => p.year >= from).map((p) => ({ year: p.year, value: p.value, estimate: p.estimate ?? false }));
}

/** The country's series beside its region's and income group's aggregates, from CHART_FROM on. */
function trendFigure(lang: Language, i: ProfileIndicator, view: CountryView): Child {
  const own = points(view.series.get(i.code), CHART_FROM);
  if (own.length < 2) return null;
  const country = pick(view.country.names, lang);
  const context = view.context
    .map((g: ContextGroup) => ({ name: pick(g.names, lang), points: points(g.series.get(i.code), CHART_FROM) }))
    .filter((s) => s.points.length > 0);
  const years = [...own, ...context.flatMap((s) => s.points)].map((p) => p.year);
  const from = Math.min(...years);
  const to = Math.max(...years);
  const name = pick(i.names, lang);
  return trendChart({
    lang,
    id: `trend-${i.code}`,
    title: t(lang, 'profiles.chart.title', { indicator: name, country, from: yearText(lang, from), to: yearText(lang, to) }),
    description:
      context.length > 0
        ? t(lang, 'profiles.chart.context', { country, groups: context.map((s) => s.name).join(', ') })
        : t(lang, 'profiles.chart.alone', { country }),
    axis: { label: unitLabel(lang, i.unit), decimals: i.decimals, ...(i.unit === 'percent' ? { domain: [0, 100] as const } : {}) },
    series: [{ name: country, points: own }, ...context],
  }).html;
}

/**
 * The section as the reference feature's country page asks for it; areas without an ISO code
 * (and so without a profile) get none. `startsNeeds` says whether the person asking may start a
 * capacity need (app.ts asks the organisations feature), which adds a link beside each gap.
 * @example referencePages(deps, { countrySections: [connectivitySection(deps, { startsNeeds })] })
 */
export function connectivitySection({ db }: Deps, options: SectionOptions = {}) {
  return async (country: Country, ctx: PageContext, actor?: Actor): Promise<Child> => {
    if (!country.iso3) return null;
    const [view, startsNeeds] = await Promise.all([
      countryView(db, country),
      actor && options.startsNeeds ? options.startsNeeds(actor) : Promise.resolve(false),
    ]);
    return <ConnectivitySection ctx={ctx} view={view} startsNeeds={startsNeeds} currentYear={new Date().getUTCFullYear()} />;
  };
}
