/**
 * Pieces the people pages share: names of codes in the reader's language (topics, DigComp,
 * ESCO, countries, languages and levels), a person's card, and the facet lists of the finder —
 * plain links that add one filter, so refining works without JavaScript.
 */
import { t, type MessageKey } from '../../i18n/i18n.js';
import { pick, type Language } from '../../shared/localised.js';
import type { PageContext } from '../../web/layout.js';
import type { PersonSummary } from './schemas.js';
import type { PeopleVocabulary } from './vocabulary.js';

export type Ctx = PageContext;

/** Names of codes in the reader's language, from the shared vocabulary. */
export interface Namer {
  topic(code: string): string;
  digcomp(code: string): string;
  esco(code: string): string;
  country(iso3: string): string;
  language(code: string): string;
  level(level: string): string;
  organisation?(id: string): string | undefined;
}

export function namer(lang: Language, vocab: PeopleVocabulary): Namer {
  const languages = new Intl.DisplayNames([lang], { type: 'language', fallback: 'code' });
  return {
    topic: (code) => pick(vocab.topics.get(code), lang) || code,
    digcomp: (code) => {
      const title = vocab.digcomp.get(code)?.title;
      return title ? `${code} ${title}` : code;
    },
    esco: (code) => vocab.esco.get(code) ?? code,
    country: (iso3) => pick(vocab.countries.get(iso3)?.names, lang) || iso3,
    language: (code) => {
      try {
        return languages.of(code) ?? code;
      } catch {
        return code;
      }
    },
    level: (level) => t(lang, `people.level.${level}` as MessageKey),
  };
}

/** One person in a list: name (a link), headline, organisations, duty station, languages, skills. */
export function PersonCard(props: { ctx: Ctx; person: PersonSummary; names: Namer; headingLevel?: 2 | 3 }) {
  const { ctx, person, names } = props;
  const lang = ctx.lang;
  const Heading = props.headingLevel === 3 ? 'h3' : 'h2';
  const skills = person.skills;
  return (
    <li>
      <Heading>
        <a href={`/people/${person.id}`}>{person.name}</a>
      </Heading>
      {person.headline ? <p>{person.headline}</p> : null}
      {person.organisations.length > 0 ? <p>{person.organisations.map((o) => o.name).join(' · ')}</p> : null}
      {person.dutyStation ? (
        <p>
          {t(lang, 'people.part.dutyStation')}: {names.country(person.dutyStation.country)}
          {person.dutyStation.city ? ` (${person.dutyStation.city})` : ''}
        </p>
      ) : null}
      {person.languages && person.languages.length > 0 ? (
        <p>
          {t(lang, 'people.part.languages')}:{' '}
          {person.languages
            .map((l) => t(lang, 'people.languageWithLevel', { language: names.language(l.code), level: names.level(l.level) }))
            .join(', ')}
        </p>
      ) : null}
      {skills && skills.topics.length > 0 ? (
        <ul class="tags" aria-label={t(lang, 'people.part.skills')}>
          {skills.topics.map((code) => (
            <li>{names.topic(code)}</li>
          ))}
        </ul>
      ) : null}
      {person.demo ? <p class="hint">{t(lang, 'people.demo')}</p> : null}
    </li>
  );
}

export interface FacetLink {
  readonly label: string;
  readonly count: number;
  readonly href: string;
  readonly active: boolean;
}

/** One facet: its values with counts, each a link that adds (or, when active, removes) that value. */
export function FacetList(props: { ctx: Ctx; id: string; title: string; links: readonly FacetLink[] }) {
  if (props.links.length === 0) return null;
  const lang = props.ctx.lang;
  return (
    <section aria-labelledby={props.id}>
      <h3 id={props.id}>{props.title}</h3>
      <ul>
        {props.links.map((l) => (
          <li>
            <a href={l.href} aria-current={l.active ? 'true' : undefined}>
              {l.active ? t(lang, 'people.finder.remove', { value: l.label }) : l.label}
            </a>{' '}
            ({l.count})
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The path with `name` set to `value` (or removed when undefined), the cursor dropped: a new search. */
export function withParam(url: URL, name: string, value: string | undefined): string {
  const params = new URLSearchParams(url.search);
  params.delete('cursor');
  if (value === undefined || value === '') params.delete(name);
  else params.set(name, value);
  const query = params.toString();
  return query ? `${url.pathname}?${query}` : url.pathname;
}
