/**
 * Pages: the expert finder (/people: a plain GET form and facet links, so it works without
 * JavaScript), one person (/people/{id}: only the parts shown to the reader) and the person's own
 * profile form (/me/profile: every part with who sees it, the consent, deleting the profile).
 */
import { DEFAULT_VISIBILITY, PROFILE_PARTS, VISIBILITIES, type ProfilePart } from '../../core/people/index.js';
import { t, type MessageKey } from '../../i18n/i18n.js';
import {
  ActionButton,
  CheckboxField,
  errorOf,
  ErrorSummary,
  Form,
  hasErrors,
  Notice,
  SelectField,
  TextareaField,
  TextField,
  type Choice,
  type FormError,
  type FormState,
  type FormToken,
} from '../../platform/forms/index.js';
import { RankingNote } from '../../platform/search/index.js';
import { LANGUAGES } from '../../shared/localised.js';
import { Layout } from '../../web/layout.js';
import { AVAILABILITY_ROWS, LANGUAGE_ROWS, LEVELS, visibilityOf } from './form-schemas.js';
import { filterState } from './filter-state.js';
import { FacetList, PersonCard, withParam, type Ctx, type FacetLink, type Namer } from './page-parts.js';
import type { PeoplePage } from './finder-schemas.js';
import type { OwnProfile, Person } from './schemas.js';

/** Languages a profile offers first in its selects: the six UN languages, then widely spoken others. */
export const COMMON_LANGUAGES = [...LANGUAGES, 'pt', 'de', 'sw', 'hi', 'bn', 'ur', 'id', 'ja', 'ko', 'it', 'tr', 'fa', 'am', 'ha'];
const AREAS = ['1', '2', '3', '4', '5'];
const FACET_VALUES = 8;

export interface FinderFilters {
  readonly q: string;
  readonly topics: string;
  readonly digcomp: string;
  readonly language: string;
  readonly level: string;
  readonly country: string;
  readonly availableFrom: string;
  readonly minShare: string;
}

export function FinderPage(props: {
  ctx: Ctx;
  filters: FinderFilters;
  page: PeoplePage | undefined;
  errors: readonly FormError[];
  names: Namer;
  topics: readonly Choice[];
}) {
  const { ctx, filters, page, names } = props;
  const lang = ctx.lang;
  const title = t(lang, 'people.finder.title');
  const invalid = filterState(lang, props.errors);
  const any: Choice = { value: '', label: t(lang, 'people.finder.any') };
  const facet = (name: string, param: string, label: (v: string) => string, keep: (v: string) => boolean = () => true): FacetLink[] =>
    (page?.facets.values[name] ?? [])
      .filter((v) => keep(v.value))
      .slice(0, FACET_VALUES)
      .map((v) => {
        const active = (filters as unknown as Record<string, string>)[param] === v.value;
        return { label: label(v.value), count: v.count, href: withParam(ctx.url, param, active ? undefined : v.value), active };
      });
  return (
    <Layout ctx={ctx} title={title} hasErrors={props.errors.length > 0}>
      <h1>{title}</h1>
      <p class="lead">{t(lang, 'people.finder.lead')}</p>
      <p>
        <a href="/me/profile">{t(lang, 'people.profile.link')}</a>
      </p>
      <ErrorSummary lang={lang} errors={props.errors} />
      <form class="filters" method="get" action="/people" role="search">
        <fieldset>
          <legend class="skip">{t(lang, 'people.finder.filters')}</legend>
          <div>
            <label for="q">{t(lang, 'people.finder.q')}</label>
            {invalid.line('q')}
            <input {...invalid.attrs('q')} id="q" name="q" type="search" value={filters.q} maxlength={200} />
          </div>
          <div>
            <label for="topics">{t(lang, 'people.form.topics')}</label>
            {invalid.line('topics')}
            <select {...invalid.attrs('topics')} id="topics" name="topics">
              {[any, ...props.topics].map((o) => (
                <option value={o.value} selected={o.value === filters.topics}>
                  {o.label}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label for="digcomp">{t(lang, 'people.finder.digcomp')}</label>
            {invalid.line('digcomp')}
            <select {...invalid.attrs('digcomp')} id="digcomp" name="digcomp">
              {[any, ...AREAS.map((a) => ({ value: a, label: names.digcomp(a) }))].map((o) => (
                <option value={o.value} selected={o.value === filters.digcomp}>
                  {o.label}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label for="language">{t(lang, 'people.finder.language')}</label>
            {invalid.line('language')}
            <select {...invalid.attrs('language')} id="language" name="language">
              {[any, ...COMMON_LANGUAGES.map((code) => ({ value: code, label: names.language(code) }))].map((o) => (
                <option value={o.value} selected={o.value === filters.language}>
                  {o.label}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label for="level">{t(lang, 'people.finder.level')}</label>
            {invalid.line('level')}
            <select {...invalid.attrs('level')} id="level" name="level">
              {[any, ...LEVELS.map((l) => ({ value: l, label: names.level(l) }))].map((o) => (
                <option value={o.value} selected={o.value === filters.level}>
                  {o.label}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label for="country">{t(lang, 'people.finder.country')}</label>
            {invalid.line('country')}
            <input
              id="country"
              name="country"
              value={filters.country}
              maxlength={4}
              size={6}
              aria-invalid={invalid.attrs('country')['aria-invalid']}
              aria-describedby={['country-hint', invalid.attrs('country')['aria-describedby']].filter(Boolean).join(' ')}
            />
            <p class="hint" id="country-hint">
              {t(lang, 'people.finder.countryHint')}
            </p>
          </div>
          <div>
            <label for="availableFrom">{t(lang, 'people.finder.availableFrom')}</label>
            {invalid.line('availableFrom')}
            <input {...invalid.attrs('availableFrom')} id="availableFrom" name="availableFrom" type="date" value={filters.availableFrom} />
          </div>
          <div>
            <label for="minShare">{t(lang, 'people.finder.minShare')}</label>
            {invalid.line('minShare')}
            <input
              {...invalid.attrs('minShare')}
              id="minShare"
              name="minShare"
              type="number"
              min={1}
              max={100}
              value={filters.minShare}
              size={4}
            />
          </div>
          <button type="submit">{t(lang, 'people.finder.search')}</button>
          <a href="/people">{t(lang, 'people.finder.reset')}</a>
        </fieldset>
      </form>
      {page ? (
        <>
          <p role="status">
            {page.total.exact
              ? t(lang, 'people.found', { count: page.total.value })
              : t(lang, 'people.foundAtLeast', { count: page.total.value })}
          </p>
          <RankingNote lang={lang} search={page.search} />
          {page.search.corrections.length > 0 ? (
            <p>
              {t(lang, 'people.finder.corrected', {
                words: page.search.corrections.map((c) => `${c.word} → ${c.alsoSearched.join(', ')}`).join('; '),
              })}
            </p>
          ) : null}
          <div class="finder">
            <section aria-labelledby="refine">
              <h2 id="refine">{t(lang, 'people.finder.refine')}</h2>
              <FacetList ctx={ctx} id="facet-topics" title={t(lang, 'people.form.topics')} links={facet('topics', 'topics', names.topic)} />
              <FacetList
                ctx={ctx}
                id="facet-digcomp"
                title={t(lang, 'people.finder.digcomp')}
                links={facet('digcomp', 'digcomp', names.digcomp, (v) => !v.includes('.'))}
              />
              <FacetList
                ctx={ctx}
                id="facet-languages"
                title={t(lang, 'people.part.languages')}
                links={facet('languages', 'language', names.language)}
              />
              <FacetList
                ctx={ctx}
                id="facet-country"
                title={t(lang, 'people.part.dutyStation')}
                links={facet('country', 'country', names.country)}
              />
            </section>
            <section aria-labelledby="results">
              <h2 id="results">{t(lang, 'people.finder.results')}</h2>
              {page.data.length === 0 ? (
                <p>{t(lang, 'people.finder.none')}</p>
              ) : (
                <ul class="cards">
                  {page.data.map((person) => (
                    <PersonCard ctx={ctx} person={person} names={names} headingLevel={3} />
                  ))}
                </ul>
              )}
              {page.next ? (
                <p>
                  <a href={withParam(ctx.url, 'cursor', page.next)} rel="next">
                    {t(lang, 'people.finder.more')}
                  </a>
                </p>
              ) : null}
            </section>
          </div>
        </>
      ) : null}
    </Layout>
  );
}

const partLabel = (ctx: Ctx, part: ProfilePart) => t(ctx.lang, `people.part.${part}` as MessageKey);

export function PersonPage(props: { ctx: Ctx; person: Person; names: Namer; isSelf: boolean }) {
  const { ctx, person, names } = props;
  const lang = ctx.lang;
  const skills = person.skills;
  return (
    <Layout ctx={ctx} title={person.name}>
      <h1>{person.name}</h1>
      {person.headline ? <p class="lead">{person.headline}</p> : null}
      {person.demo ? <p class="notice">{t(lang, 'people.demo')}</p> : null}
      {props.isSelf ? (
        <p>
          <a href="/me/profile">{t(lang, 'people.profile.edit')}</a>
        </p>
      ) : null}
      <dl class="facts">
        <dt>{t(lang, 'people.person.organisations')}</dt>
        <dd>{person.organisations.length > 0 ? person.organisations.map((o) => o.name).join(' · ') : '—'}</dd>
        {person.dutyStation ? (
          <>
            <dt>{partLabel(ctx, 'dutyStation')}</dt>
            <dd>
              {names.country(person.dutyStation.country)}
              {person.dutyStation.city ? ` (${person.dutyStation.city})` : ''}
            </dd>
          </>
        ) : null}
        {person.languages ? (
          <>
            <dt>{partLabel(ctx, 'languages')}</dt>
            <dd>
              {person.languages.length > 0
                ? person.languages
                    .map((l) => t(lang, 'people.languageWithLevel', { language: names.language(l.code), level: names.level(l.level) }))
                    .join(', ')
                : '—'}
            </dd>
          </>
        ) : null}
        {person.availability ? (
          <>
            <dt>{partLabel(ctx, 'availability')}</dt>
            <dd>
              {person.availability.length > 0
                ? person.availability
                    .map((a) => t(lang, 'people.person.period', { share: a.share, from: a.from, to: a.to ?? '…' }))
                    .join('; ')
                : '—'}
            </dd>
          </>
        ) : null}
      </dl>
      {skills ? (
        <section aria-labelledby="skills">
          <h2 id="skills">{partLabel(ctx, 'skills')}</h2>
          {skills.topics.length > 0 ? (
            <ul class="tags" aria-label={t(lang, 'people.form.topics')}>
              {skills.topics.map((code) => (
                <li>{names.topic(code)}</li>
              ))}
            </ul>
          ) : null}
          {skills.digcomp.length > 0 ? (
            <ul>
              {skills.digcomp.map((c) => (
                <li>
                  {names.digcomp(c.code)} — {t(lang, 'people.proficiency', { level: c.level })}
                </li>
              ))}
            </ul>
          ) : null}
          {skills.esco.length > 0 ? <p>{skills.esco.map(names.esco).join(' · ')}</p> : null}
          {skills.expertise.length > 0 ? (
            <p>
              {t(lang, 'people.form.expertise')}: {skills.expertise.join(', ')}
            </p>
          ) : null}
        </section>
      ) : null}
      {person.bio ? (
        <section aria-labelledby="bio">
          <h2 id="bio">{partLabel(ctx, 'bio')}</h2>
          <p lang={person.bio.language}>{person.bio.text}</p>
        </section>
      ) : null}
      {person.links && person.links.length > 0 ? (
        <section aria-labelledby="links">
          <h2 id="links">{partLabel(ctx, 'links')}</h2>
          <ul>
            {person.links.map((l) => (
              <li>
                <a href={l.url} rel="nofollow noopener" dir="ltr">
                  {l.label ?? l.url}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {person.hidden.length > 0 ? <p class="hint">{t(lang, 'people.hidden', { count: person.hidden.length })}</p> : null}
    </Layout>
  );
}

export function ProfileFormPage(props: {
  ctx: Ctx;
  token: FormToken;
  form: FormState;
  profile: OwnProfile | undefined;
  consentNeeded: boolean;
  noticeVersion: string;
  names: Namer;
  topics: readonly Choice[];
  competences: readonly Choice[];
  countries: readonly Choice[];
  saved: boolean;
}) {
  const { ctx, form, names } = props;
  const lang = ctx.lang;
  const values = form.values;
  const title = t(lang, 'people.profile.title');
  const none: Choice = { value: '', label: '—' };
  const languageChoices = [none, ...COMMON_LANGUAGES.map((code) => ({ value: code, label: names.language(code) }))];
  const levelChoices = LEVELS.map((l) => ({ value: l, label: names.level(l) }));
  const visibilityChoices = VISIBILITIES.map((v) => ({ value: v, label: t(lang, `people.visibility.${v}` as MessageKey) }));
  return (
    <Layout ctx={ctx} title={title} hasErrors={hasErrors(form)}>
      <h1>{title}</h1>
      <p class="lead">{t(lang, 'people.profile.lead')}</p>
      <Notice text={props.saved ? t(lang, 'people.profile.saved') : undefined} />
      <p>
        <a href="/me/learning">{t(lang, 'people.learning.title')}</a> · <a href="/me/activity">{t(lang, 'people.activity.title')}</a>
      </p>
      {props.profile ? (
        <p>
          <a href={`/people/${props.profile.id}`}>{t(lang, 'people.profile.view')}</a>
        </p>
      ) : null}
      <ErrorSummary lang={lang} errors={form.errors} />
      <Form action="/me/profile" token={props.token}>
        <input type="hidden" name="version" value={values['version'] ?? '0'} />
        <input type="hidden" name="esco" value={values['esco'] ?? ''} />
        <TextField
          lang={lang}
          name="name"
          label="people.form.name"
          autocomplete="name"
          maxlength={200}
          value={values['name']}
          error={errorOf(form, 'name')}
        />
        <TextField
          lang={lang}
          name="headline"
          label="people.form.headline"
          autocomplete="organization-title"
          maxlength={200}
          optional
          value={values['headline']}
          error={errorOf(form, 'headline')}
        />
        <SelectField
          lang={lang}
          name="country"
          label="people.form.country"
          optional
          options={[none, ...props.countries]}
          value={values['country']}
          error={errorOf(form, 'dutyStation')}
        />
        <TextField
          lang={lang}
          name="city"
          label="people.form.city"
          autocomplete="address-level2"
          maxlength={100}
          optional
          value={values['city']}
        />
        <fieldset class="field" aria-describedby={errorOf(form, 'languages') ? 'lang0-error' : undefined}>
          <legend>{t(lang, 'people.part.languages')}</legend>
          {errorOf(form, 'languages') ? (
            <p class="error" id="lang0-error">
              {t(lang, errorOf(form, 'languages')!.key, errorOf(form, 'languages')!.params ?? {})}
            </p>
          ) : null}
          {Array.from({ length: LANGUAGE_ROWS }, (_, i) => (
            <div class="check">
              <label for={`lang${i}`}>{t(lang, 'people.form.languageN', { n: i + 1 })}</label>
              <select id={`lang${i}`} name={`lang${i}`}>
                {languageChoices.map((o) => (
                  <option value={o.value} selected={o.value === (values[`lang${i}`] ?? '')}>
                    {o.label}
                  </option>
                ))}
              </select>
              <label for={`level${i}`}>{t(lang, 'people.finder.level')}</label>
              <select id={`level${i}`} name={`level${i}`}>
                {levelChoices.map((o) => (
                  <option value={o.value} selected={o.value === (values[`level${i}`] ?? 'B2')}>
                    {o.label}
                  </option>
                ))}
              </select>
            </div>
          ))}
        </fieldset>
        <fieldset class="field" id="topics">
          <legend>{t(lang, 'people.form.topics')}</legend>
          {errorOf(form, 'topics') ? (
            <p class="error">{t(lang, errorOf(form, 'topics')!.key, errorOf(form, 'topics')!.params ?? {})}</p>
          ) : null}
          {props.topics.map((o) => (
            <div class="check">
              <input
                type="checkbox"
                id={`topic-${o.value}`}
                name={`topic-${o.value}`}
                value="on"
                checked={values[`topic-${o.value}`] === 'on'}
              />
              <label for={`topic-${o.value}`}>{o.label}</label>
            </div>
          ))}
        </fieldset>
        <fieldset class="field" id="digcomp">
          <legend>{t(lang, 'people.form.digcomp')}</legend>
          <p class="hint">{t(lang, 'people.form.digcompHint')}</p>
          {errorOf(form, 'digcomp') ? (
            <p class="error">{t(lang, errorOf(form, 'digcomp')!.key, errorOf(form, 'digcomp')!.params ?? {})}</p>
          ) : null}
          {props.competences.map((o) => (
            <div class="check">
              <label for={`dc-${o.value}`}>{o.label}</label>
              <select id={`dc-${o.value}`} name={`dc-${o.value}`}>
                {['', '1', '2', '3', '4', '5', '6', '7', '8'].map((level) => (
                  <option value={level} selected={level === (values[`dc-${o.value}`] ?? '')}>
                    {level === '' ? '—' : level}
                  </option>
                ))}
              </select>
            </div>
          ))}
        </fieldset>
        <TextField
          lang={lang}
          name="expertise"
          label="people.form.expertise"
          hint="people.form.expertiseHint"
          autocomplete="off"
          optional
          value={values['expertise']}
          error={errorOf(form, 'expertise') ?? errorOf(form, 'esco')}
        />
        <fieldset class="field" aria-describedby="availability-hint">
          <legend>{t(lang, 'people.part.availability')}</legend>
          <p class="hint" id="availability-hint">
            {t(lang, 'people.form.availabilityHint')}
          </p>
          {errorOf(form, 'availability') ? (
            <p class="error">{t(lang, errorOf(form, 'availability')!.key, errorOf(form, 'availability')!.params ?? {})}</p>
          ) : null}
          {Array.from({ length: AVAILABILITY_ROWS }, (_, i) => (
            <div class="check">
              <label for={`share${i}`}>{t(lang, 'people.form.share')}</label>
              <input id={`share${i}`} name={`share${i}`} type="number" min={1} max={100} size={4} value={values[`share${i}`] ?? ''} />
              <label for={`from${i}`}>{t(lang, 'people.form.from')}</label>
              <input id={`from${i}`} name={`from${i}`} type="date" value={values[`from${i}`] ?? ''} />
              <label for={`to${i}`}>{t(lang, 'people.form.to')}</label>
              <input id={`to${i}`} name={`to${i}`} type="date" value={values[`to${i}`] ?? ''} />
            </div>
          ))}
        </fieldset>
        <TextareaField
          lang={lang}
          name="bio"
          label="people.part.bio"
          optional
          maxlength={2000}
          value={values['bio']}
          error={errorOf(form, 'bio')}
        />
        <SelectField
          lang={lang}
          name="bioLanguage"
          label="people.form.bioLanguage"
          optional
          options={[none, ...COMMON_LANGUAGES.map((code) => ({ value: code, label: names.language(code) }))]}
          value={values['bioLanguage']}
        />
        <TextareaField
          lang={lang}
          name="links"
          label="people.part.links"
          hint="people.form.linksHint"
          optional
          rows={3}
          value={values['links']}
          error={errorOf(form, 'links')}
        />
        <fieldset class="field" aria-describedby="visibility-hint">
          <legend>{t(lang, 'people.form.visibility')}</legend>
          <p class="hint" id="visibility-hint">
            {t(lang, 'people.form.visibilityHint')}
          </p>
          {PROFILE_PARTS.map((part) => (
            <div class="check">
              <label for={`vis-${part}`}>{partLabel(ctx, part)}</label>
              <select id={`vis-${part}`} name={`vis-${part}`}>
                {visibilityChoices.map((o) => (
                  <option value={o.value} selected={o.value === (visibilityOf(values, part) ?? DEFAULT_VISIBILITY)}>
                    {o.label}
                  </option>
                ))}
              </select>
            </div>
          ))}
        </fieldset>
        {props.consentNeeded ? (
          <>
            <p>
              <a href="/privacy#profiles">{t(lang, 'people.form.notice')}</a>
            </p>
            <CheckboxField
              lang={lang}
              name="consent"
              label="people.form.consent"
              value={props.noticeVersion}
              checked={values['consent'] === props.noticeVersion}
              error={errorOf(form, 'consentToNotice')}
            />
          </>
        ) : null}
        <button type="submit">{t(lang, 'people.profile.save')}</button>
      </Form>
      {props.profile ? (
        <section aria-labelledby="delete-profile">
          <h2 id="delete-profile">{t(lang, 'people.profile.deleteTitle')}</h2>
          <p>{t(lang, 'people.profile.deleteLead')}</p>
          <ActionButton action="/me/profile/delete" token={props.token} label={t(lang, 'people.profile.delete')} />
        </section>
      ) : null}
    </Layout>
  );
}
