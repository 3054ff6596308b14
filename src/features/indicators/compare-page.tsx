/**
 * /compare?countries=KEN,UGA&groups=LDC&indicator=internet-use: up to ten countries and groups
 * side by side for one indicator, as a line chart over the years and a table of the same values.
 * A plain GET form chooses them (no JavaScript). Bad input answers 400 with this same page, the
 * form as typed and a summary naming each field to fix.
 */
import type { IndicatorDefinition } from '../../core/indicators/index.js';
import { formatNumber, t } from '../../i18n/i18n.js';
import { comparisonChart, MAX_SERIES } from '../../platform/charts/index.js';
import { ErrorSummary, type FormError } from '../../platform/forms/index.js';
import { pick, type Localised } from '../../shared/localised.js';
import { Layout, type PageContext } from '../../web/layout.js';
import { ScrollRegion } from '../../web/scroll-region.js';
import { unitLabel, yearText } from './page-text.js';
import type { SeriesYear } from './views.js';

/** One country or group on the comparison, with its series of the chosen indicator. */
export interface Compared {
  readonly code: string;
  readonly kind: 'country' | 'group';
  readonly names: Localised;
  readonly points: readonly SeriesYear[];
}

export interface CompareProps {
  readonly ctx: PageContext;
  /** The form as typed. */
  readonly input: { countries: string; groups: string; indicator: string };
  readonly choices: readonly IndicatorDefinition[];
  readonly groupChoices: readonly { code: string; names: Localised }[];
  readonly indicator: IndicatorDefinition | null;
  readonly compared: readonly Compared[];
  readonly errors: readonly FormError[];
}

export const MAX_COMPARED = MAX_SERIES;

export function ComparePage(props: CompareProps) {
  const { lang } = props.ctx;
  const title = t(lang, 'profiles.compare.title');
  return (
    <Layout ctx={props.ctx} title={title} hasErrors={props.errors.length > 0}>
      <h1>{title}</h1>
      <p class="lead">{t(lang, 'profiles.compare.lead', { max: MAX_COMPARED })}</p>
      <ErrorSummary lang={lang} errors={props.errors} />
      <CompareForm {...props} />
      {props.errors.length === 0 && props.indicator && props.compared.length > 0 ? (
        <Comparison {...props} indicator={props.indicator} />
      ) : null}
      {props.errors.length === 0 && props.compared.length === 0 ? <p>{t(lang, 'profiles.compare.empty')}</p> : null}
    </Layout>
  );
}

/** The hint, and the error when there is one, that describe a field. */
function described(id: string, error: FormError | undefined): string {
  return error ? `${id}-hint ${id}-error` : `${id}-hint`;
}

/** A short direct label for the chart: ISO3 and letter group codes; M49 numbers say nothing, so the name is shortened instead. */
function label(c: Compared): string | undefined {
  return c.kind === 'country' || /^[A-Z]{2,4}$/.test(c.code) ? c.code : undefined;
}

function fieldError(errors: readonly FormError[], field: string) {
  return errors.find((e) => e.field === field);
}

function CompareForm(props: CompareProps) {
  const { lang } = props.ctx;
  const countriesError = fieldError(props.errors, 'countries');
  const groupsError = fieldError(props.errors, 'groups');
  const indicatorError = fieldError(props.errors, 'indicator');
  return (
    <form class="compare" method="get" action="/compare">
      <div class="field">
        <label for="countries">{t(lang, 'profiles.compare.countries')}</label>
        <p class="hint" id="countries-hint">
          {t(lang, 'profiles.compare.countriesHint', { examples: 'KEN, UGA, TZA' })}
        </p>
        {countriesError ? (
          <p class="error" id="countries-error">
            {t(lang, countriesError.message.key, countriesError.message.params ?? {})}
          </p>
        ) : null}
        <input
          id="countries"
          name="countries"
          dir="ltr"
          value={props.input.countries}
          autocomplete="off"
          spellcheck={false}
          aria-describedby={described('countries', countriesError)}
          aria-invalid={countriesError ? 'true' : undefined}
        />
      </div>
      <div class="field">
        <label for="groups">{t(lang, 'profiles.compare.groups')}</label>
        <p class="hint" id="groups-hint">
          {t(lang, 'profiles.compare.groupsHint', { examples: props.groupChoices.map((g) => g.code).join(', ') })}
        </p>
        {groupsError ? (
          <p class="error" id="groups-error">
            {t(lang, groupsError.message.key, groupsError.message.params ?? {})}
          </p>
        ) : null}
        <input
          id="groups"
          name="groups"
          dir="ltr"
          value={props.input.groups}
          autocomplete="off"
          spellcheck={false}
          aria-describedby={described('groups', groupsError)}
          aria-invalid={groupsError ? 'true' : undefined}
        />
      </div>
      <div class="field">
        <label for="indicator">{t(lang, 'profiles.picker.indicator')}</label>
        {indicatorError ? (
          <p class="error" id="indicator-error">
            {t(lang, indicatorError.message.key, indicatorError.message.params ?? {})}
          </p>
        ) : null}
        <select id="indicator" name="indicator" aria-describedby={indicatorError ? 'indicator-error' : undefined}>
          {props.choices.map((i) => (
            <option value={i.code} selected={i.code === props.input.indicator}>
              {pick(i.name, lang)}
            </option>
          ))}
        </select>
      </div>
      <div>
        <button type="submit">{t(lang, 'profiles.compare.submit')}</button>
      </div>
    </form>
  );
}

function Comparison(props: CompareProps & { indicator: IndicatorDefinition }) {
  const { lang } = props.ctx;
  const i = props.indicator;
  const name = pick(i.name, lang);
  const years = [...new Set(props.compared.flatMap((c) => c.points.map((p) => p.year)))].toSorted((a, b) => b - a);
  const from = years.at(-1);
  const to = years[0];
  const fmt = (v: number) => formatNumber(lang, v, { minimumFractionDigits: i.decimals, maximumFractionDigits: i.decimals });
  return (
    <>
      <h2 id="comparison">{name}</h2>
      {from !== undefined && to !== undefined
        ? comparisonChart({
            lang,
            id: 'compare',
            title: t(lang, 'profiles.compare.chartTitle', { indicator: name, from: yearText(lang, from), to: yearText(lang, to) }),
            description: t(lang, 'profiles.compare.chartDescription', { names: props.compared.map((c) => pick(c.names, lang)).join(', ') }),
            axis: { label: unitLabel(lang, i.unit), decimals: i.decimals, ...(i.unit === 'percent' ? { domain: [0, 100] as const } : {}) },
            series: props.compared.map((c) => {
              const short = label(c);
              return {
                name: pick(c.names, lang),
                ...(short ? { label: short } : {}),
                points: c.points.map((p) => ({ year: p.year, value: p.value, estimate: p.estimate ?? false })),
              };
            }),
          }).html
        : null}
      <h3 id="compare-table">{t(lang, 'profiles.compare.tableTitle', { indicator: name, unit: unitLabel(lang, i.unit) })}</h3>
      <ScrollRegion labelledBy="compare-table">
        <table aria-labelledby="compare-table">
          <thead>
            <tr>
              <th scope="col">{t(lang, 'charts.year')}</th>
              {props.compared.map((c) => (
                <th scope="col">{pick(c.names, lang)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {years.map((year) => (
              <tr>
                <th scope="row">{yearText(lang, year)}</th>
                {props.compared.map((c) => {
                  const p = c.points.find((q) => q.year === year);
                  return <td>{p ? fmt(p.value) : '—'}</td>;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <p class="small">{t(lang, 'profiles.compare.note')}</p>
    </>
  );
}
