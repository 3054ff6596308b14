/**
 * The public catalogues, /offerings and /needs: one GET form (works without JavaScript) with the
 * text search, the country select, the sort and a group of checkboxes per facet showing how many
 * matches each value has; then the page of results and a link to the next (keyset) page. The
 * same search service as the API, so the page and /api/v1/offerings agree.
 */
import { NEED_STATUSES, OFFERING_STATUSES } from '../../../core/capacity/workflow.js';
import { t, type MessageKey } from '../../../i18n/i18n.js';
import { ErrorSummary, type FormError, type FormToken } from '../../../platform/forms/index.js';
import { RankingNote } from '../../../platform/search/index.js';
import type { Language } from '../../../shared/localised.js';
import { SaveSearchForm } from '../alerts/alerts-pages.js';
import { Layout, type PageContext } from '../../../web/layout.js';
import type { NeedPage, OfferingPage } from '../list-schemas.js';
import type { Vocabulary } from '../vocabulary.js';
import { UpkeepFlags } from './record-pages.js';
import { countryChoices, countryLabel, languageLabel, listLabel, topicLabel, type ListName } from './labels.js';

export type CatalogueKind = 'offerings' | 'needs';

const LIST_OF: Record<string, ListName> = {
  kind: 'offering-kinds',
  audiences: 'audiences',
  targetGroups: 'target-groups',
  levels: 'levels',
  modalities: 'modalities',
  bandwidth: 'bandwidth',
  certification: 'certifications',
  accessibility: 'accessibility-features',
  urgency: 'urgencies',
};

/** The facets shown as checkbox groups, in order; the country or eligibility is the select above them. */
export const PAGE_FACETS: Record<CatalogueKind, readonly string[]> = {
  offerings: [
    'topics',
    'kind',
    'audiences',
    'levels',
    'modalities',
    'languages',
    'cost',
    'bandwidth',
    'certification',
    'accessibility',
    'targetGroups',
    'status',
  ],
  needs: ['topics', 'urgency', 'audiences', 'levels', 'modalities', 'languages', 'targetGroups', 'status'],
};

const COSTS: readonly string[] = ['free', 'paid', 'waiver'];
const STATUSES: readonly string[] = [...OFFERING_STATUSES, ...NEED_STATUSES];

export function facetValueLabel(lang: Language, vocab: Vocabulary, facet: string, value: string): string {
  if (facet === 'topics') return topicLabel(lang, vocab, value);
  if (facet === 'languages') return languageLabel(lang, value);
  if (facet === 'country') return countryLabel(lang, vocab, value);
  // A value given in the address that is none of these (a bad filter, shown back with its error) stays as typed.
  if (facet === 'cost') return COSTS.includes(value) ? t(lang, `capacity.cost.${value}` as MessageKey) : value;
  if (facet === 'status') return STATUSES.includes(value) ? t(lang, `capacity.status.${value}` as MessageKey) : value;
  const list = LIST_OF[facet];
  return list ? listLabel(lang, list, value) : value;
}

export interface CataloguePageProps {
  readonly ctx: PageContext;
  readonly kind: CatalogueKind;
  readonly page: OfferingPage | NeedPage;
  readonly vocab: Vocabulary;
  /** The request's filters as given: facet → selected codes; plus q, sort and the country. */
  readonly selected: Readonly<Record<string, readonly string[]>>;
  readonly q: string;
  readonly sort: string;
  readonly country: string;
  readonly canCreate: boolean;
  /** The query string of this search without the cursor, for the next-page link. */
  readonly query: string;
  /** Set for a signed-in person: the form to save this search. */
  readonly token?: FormToken;
  /** Filters that cannot be used (400): the page then searched nothing and says what to fix. */
  readonly errors?: readonly FormError[];
}

/** The element of the search form an error summary line leads to, when the parameter has one. */
export function filterElementId(kind: CatalogueKind, name: string): string | undefined {
  if (name === 'q' || name === 'sort' || name === (kind === 'offerings' ? 'eligibleFor' : 'country')) return name;
  return PAGE_FACETS[kind].includes(name) ? `f-${name}-0` : undefined;
}

/** An empty page of results, shown when the filters could not be used. */
export const NO_RESULTS: OfferingPage = {
  data: [],
  next: null,
  total: { value: 0, exact: true },
  search: { q: null, sort: 'newest', corrections: [], ignoredCommonWords: false, ranked: null, capped: false, method: '' },
  facets: { counted: 0, exact: true, values: {} },
};

function Facet(props: {
  lang: Language;
  vocab: Vocabulary;
  name: string;
  counts: readonly { value: string; count: number }[];
  selected: readonly string[];
}) {
  const { lang, name } = props;
  const values = [...props.counts];
  for (const code of props.selected) if (!values.some((v) => v.value === code)) values.push({ value: code, count: 0 });
  if (values.length === 0) return null;
  const open = props.selected.length > 0 || name === 'topics';
  return (
    <details open={open}>
      <summary>{t(lang, `capacity.facet.${name}` as MessageKey)}</summary>
      <fieldset>
        <legend class="skip">{t(lang, `capacity.facet.${name}` as MessageKey)}</legend>
        {values.map((v, i) => {
          const id = `f-${name}-${i}`;
          return (
            <div class="check">
              <input type="checkbox" id={id} name={name} value={v.value} checked={props.selected.includes(v.value)} />
              <label for={id}>
                {facetValueLabel(lang, props.vocab, name, v.value)} <span class="count">({v.count})</span>
              </label>
            </div>
          );
        })}
      </fieldset>
    </details>
  );
}

function Result(props: {
  lang: Language;
  vocab: Vocabulary;
  kind: CatalogueKind;
  item: OfferingPage['data'][number] | NeedPage['data'][number];
}) {
  const { lang, vocab, item } = props;
  const offering = 'provider' in item ? item : undefined;
  const need = 'requester' in item ? item : undefined;
  const text = offering ? offering.summary : (need?.description ?? '');
  const tags = offering
    ? [
        listLabel(lang, 'offering-kinds', offering.kind),
        offering.modality ? listLabel(lang, 'modalities', offering.modality) : '',
        ...offering.languages.map((l) => languageLabel(lang, l)),
      ]
    : need
      ? [
          countryLabel(lang, vocab, need.country),
          listLabel(lang, 'urgencies', need.urgency),
          t(lang, `capacity.status.${need.status}` as MessageKey),
        ]
      : [];
  return (
    <li>
      <h2 lang={item.language}>
        <a href={`/${props.kind}/${item.id}`}>{item.title}</a>
      </h2>
      <p class="meta">
        {offering ? offering.provider.name : need?.requester.name}
        {item.demo ? <strong class="badge"> {t(lang, 'capacity.demo.badge')}</strong> : null}
      </p>
      {offering ? <UpkeepFlags lang={lang} offering={offering} /> : null}
      <p lang={item.language}>{text.length > 280 ? `${text.slice(0, 277)}…` : text}</p>
      <ul class="tags">
        {tags.filter(Boolean).map((tag) => (
          <li>{tag}</li>
        ))}
      </ul>
    </li>
  );
}

export function CataloguePage(props: CataloguePageProps) {
  const { ctx, kind, page, vocab } = props;
  const lang = ctx.lang;
  const title = t(lang, `capacity.${kind}.title`);
  const countryName = kind === 'offerings' ? 'eligibleFor' : 'country';
  const total = page.total.exact
    ? t(lang, 'capacity.results.count', { count: page.total.value })
    : t(lang, 'capacity.results.atLeast', { count: page.total.value });
  return (
    <Layout ctx={ctx} title={title} hasErrors={(props.errors?.length ?? 0) > 0}>
      <h1>{title}</h1>
      <p class="lead">{t(lang, `capacity.${kind}.lead`)}</p>
      {props.errors && props.errors.length > 0 ? (
        <>
          <ErrorSummary lang={lang} errors={props.errors} />
          <p>{t(lang, 'clearinghouse.filter.errorLead')}</p>
        </>
      ) : null}
      {props.canCreate ? (
        <p>
          <a class="button" href={`/${kind}/new`}>
            {t(lang, kind === 'offerings' ? 'capacity.offering.new' : 'capacity.need.new')}
          </a>
          {kind === 'offerings' ? (
            <>
              {' '}
              <a href="/offering-sources">{t(lang, 'harvest.link')}</a>
            </>
          ) : null}
        </p>
      ) : null}
      <form method="get" action={`/${kind}`} class="catalogue" role="search" aria-label={t(lang, 'capacity.search.label')}>
        <div class="search-row">
          <div class="field">
            <label for="q">{t(lang, 'capacity.search.label')}</label>
            <p class="hint" id="q-hint">
              {t(lang, 'capacity.search.hint')}
            </p>
            <input id="q" name="q" type="search" maxlength={200} value={props.q} aria-describedby="q-hint" />
          </div>
          <div class="field">
            <label for={countryName}>{t(lang, kind === 'offerings' ? 'capacity.filter.eligibleFor' : 'capacity.filter.country')}</label>
            <select id={countryName} name={countryName}>
              <option value="">{t(lang, 'capacity.filter.anyCountry')}</option>
              {countryChoices(lang, vocab).map((c) => (
                <option value={c.value} selected={c.value === props.country}>
                  {c.label}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="sort">{t(lang, 'capacity.filter.sort')}</label>
            <select id="sort" name="sort">
              <option value="">{t(lang, 'capacity.sort.default')}</option>
              <option value="relevance" selected={props.sort === 'relevance'}>
                {t(lang, 'capacity.sort.relevance')}
              </option>
              <option value="newest" selected={props.sort === 'newest'}>
                {t(lang, 'capacity.sort.newest')}
              </option>
            </select>
          </div>
          <button type="submit">{t(lang, 'capacity.search.submit')}</button>
        </div>
        <div class="facets">
          {PAGE_FACETS[kind].map((name) => (
            <Facet lang={lang} vocab={vocab} name={name} counts={page.facets.values[name] ?? []} selected={props.selected[name] ?? []} />
          ))}
        </div>
        <p>
          <button type="submit">{t(lang, 'capacity.search.apply')}</button> <a href={`/${kind}`}>{t(lang, 'capacity.filter.clear')}</a>
        </p>
      </form>
      {props.errors && props.errors.length > 0 ? null : <p role="status">{total}</p>}
      <RankingNote lang={lang} search={page.search} />
      {props.token && !props.errors?.length ? (
        <p>
          <SaveSearchForm lang={lang} token={props.token} kind={kind} query={props.query} />{' '}
          <a href="/alerts">{t(lang, 'capacity.alerts.link')}</a>
        </p>
      ) : null}
      {page.search.corrections.length > 0 ? (
        <p>
          {t(lang, 'capacity.results.corrections', {
            words: page.search.corrections.map((c) => `${c.word} → ${c.alsoSearched.join(', ')}`).join('; '),
          })}
        </p>
      ) : null}
      {props.errors && props.errors.length > 0 ? null : page.data.length === 0 ? (
        <p>{t(lang, 'capacity.results.none')}</p>
      ) : (
        <ol class="results">
          {page.data.map((item) => (
            <Result lang={lang} vocab={vocab} kind={kind} item={item} />
          ))}
        </ol>
      )}
      {page.next ? (
        <p>
          <a rel="next" href={`/${kind}?${props.query}${props.query ? '&' : ''}cursor=${encodeURIComponent(page.next)}`}>
            {t(lang, 'capacity.results.more')}
          </a>
        </p>
      ) : null}
    </Layout>
  );
}
